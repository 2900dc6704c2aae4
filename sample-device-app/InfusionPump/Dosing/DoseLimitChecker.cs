using Spdf.Build;

namespace Contoso.InfusionPump.Dosing;

/// <summary>Checks a dose program against the drug library's hard and soft limits before delivery.</summary>
public sealed class DoseLimitChecker
{
    private readonly DrugLibrary _library;

    public DoseLimitChecker(DrugLibrary library) => _library = library;

    [ImplementsControl("SC-004")]
    public DoseCheckResult Check(DoseProgram program)
    {
        if (program.RateMlPerHour <= 0 || program.VolumeMl <= 0)
            return new(DoseCheckOutcome.RejectedInvalidValue, "Rate and volume must be positive.");

        if (!_library.TryGet(program.DrugCode, out var drug))
            return new(DoseCheckOutcome.RejectedUnknownDrug, $"Drug '{program.DrugCode}' is not in the library.");

        if (program.RateMlPerHour > drug.HardMaxRateMlPerHour)
            return new(DoseCheckOutcome.RejectedHardLimit, $"{program.RateMlPerHour} mL/h exceeds the hard limit of {drug.HardMaxRateMlPerHour} mL/h for {drug.Name}.");

        if (program.RateMlPerHour > drug.SoftMaxRateMlPerHour && !program.SoftLimitOverrideConfirmed)
            return new(DoseCheckOutcome.NeedsSoftLimitConfirmation, $"{program.RateMlPerHour} mL/h exceeds the soft limit of {drug.SoftMaxRateMlPerHour} mL/h.");

        return new(DoseCheckOutcome.Accepted, "Within limits.");
    }

    [ImplementsControl("SC-005")]
    public DoseCheckResult CheckBolus(string drugCode, decimal bolusMl)
    {
        if (!_library.TryGet(drugCode, out var drug))
            return new(DoseCheckOutcome.RejectedUnknownDrug, $"Drug '{drugCode}' is not in the library.");
        if (bolusMl <= 0)
            return new(DoseCheckOutcome.RejectedInvalidValue, "Bolus volume must be positive.");
        return bolusMl > drug.MaxBolusMl
            ? new(DoseCheckOutcome.RejectedHardLimit, $"Bolus of {bolusMl} mL exceeds the maximum of {drug.MaxBolusMl} mL.")
            : new(DoseCheckOutcome.Accepted, "Within limits.");
    }
}
