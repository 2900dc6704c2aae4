namespace Contoso.InfusionPump.Dosing;

/// <summary>A dose the clinician (or the hospital system) asks the pump to deliver.</summary>
public sealed record DoseProgram(string DrugCode, decimal RateMlPerHour, decimal VolumeMl, bool SoftLimitOverrideConfirmed);
