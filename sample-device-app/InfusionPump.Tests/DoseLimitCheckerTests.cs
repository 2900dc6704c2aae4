using System.Security.Cryptography;
using Contoso.InfusionPump.Dosing;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class DoseLimitCheckerTests
{
    private readonly DoseLimitChecker _checker = new(TestData.Library());

    [Theory]
    [Verifies("SC-004")]
    [InlineData(10, DoseCheckOutcome.Accepted)]
    [InlineData(25, DoseCheckOutcome.NeedsSoftLimitConfirmation)]
    [InlineData(41, DoseCheckOutcome.RejectedHardLimit)]
    [InlineData(0, DoseCheckOutcome.RejectedInvalidValue)]
    public void Rate_is_checked_against_the_library_limits(decimal rate, DoseCheckOutcome expected)
        => Assert.Equal(expected, _checker.Check(new DoseProgram("HEP", rate, 100, SoftLimitOverrideConfirmed: false)).Outcome);

    [Fact]
    [Verifies("SC-004")]
    public void Confirmed_soft_limit_override_is_accepted_but_hard_limit_never_is()
    {
        Assert.True(_checker.Check(new DoseProgram("HEP", 25, 100, SoftLimitOverrideConfirmed: true)).IsAccepted);
        Assert.Equal(DoseCheckOutcome.RejectedHardLimit, _checker.Check(new DoseProgram("HEP", 45, 100, SoftLimitOverrideConfirmed: true)).Outcome);
    }

    [Fact]
    [Verifies("SC-004")]
    public void Unknown_drug_is_rejected()
        => Assert.Equal(DoseCheckOutcome.RejectedUnknownDrug, _checker.Check(new DoseProgram("XYZ", 1, 1, false)).Outcome);

    [Fact]
    [Verifies("SC-005")]
    public void Bolus_above_the_drug_maximum_is_rejected()
    {
        Assert.True(_checker.CheckBolus("MOR", 0.5m).IsAccepted);
        Assert.Equal(DoseCheckOutcome.RejectedHardLimit, _checker.CheckBolus("MOR", 1.5m).Outcome);
    }

    [Fact]
    [Verifies("SC-006")]
    public void Tampered_drug_library_is_refused()
    {
        var published = SHA256.HashData(TestData.LibraryBytes);
        var tampered = TestData.LibraryBytes;
        tampered[Array.IndexOf(tampered, (byte)'4')] = (byte)'9'; // hard limit 40 -> 90
        Assert.Throws<InvalidDataException>(() => DrugLibrary.Load(tampered, published));
    }
}
