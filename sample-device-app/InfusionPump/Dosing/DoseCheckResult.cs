namespace Contoso.InfusionPump.Dosing;

public enum DoseCheckOutcome
{
    Accepted,
    NeedsSoftLimitConfirmation,
    RejectedUnknownDrug,
    RejectedHardLimit,
    RejectedInvalidValue,
}

public sealed record DoseCheckResult(DoseCheckOutcome Outcome, string Reason)
{
    public bool IsAccepted => Outcome == DoseCheckOutcome.Accepted;
}
