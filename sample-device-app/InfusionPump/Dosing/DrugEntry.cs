namespace Contoso.InfusionPump.Dosing;

/// <summary>One drug of the hospital's drug library with its hard and soft dose-rate limits.</summary>
public sealed record DrugEntry(
    string Code,
    string Name,
    decimal ConcentrationMgPerMl,
    decimal SoftMaxRateMlPerHour,
    decimal HardMaxRateMlPerHour,
    decimal MaxBolusMl);
