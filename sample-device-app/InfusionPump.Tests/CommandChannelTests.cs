using Contoso.InfusionPump.Audit;
using Contoso.InfusionPump.Communication;
using Contoso.InfusionPump.Dosing;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class CommandChannelTests
{
    private readonly ManualClock _clock = new();
    private readonly byte[] _key = TestData.Key(3);
    private readonly AuditLog _audit;
    private readonly CommandChannel _channel;

    public CommandChannelTests()
    {
        _audit = new AuditLog(TestData.Key(11), _clock);
        _channel = new CommandChannel(new CommandAuthenticator(_key, _clock), new DoseLimitChecker(TestData.Library()), _audit);
    }

    private string Send(ulong sequence, string verb, string argument)
        => _channel.Handle(CommandAuthenticator.Sign(_key, new PumpCommand(sequence, _clock.Now.ToUnixTimeSeconds(), verb, argument)));

    [Fact]
    [Verifies("SC-004")]
    public void Dose_within_limits_starts_and_above_hard_limit_is_refused()
    {
        Assert.Equal("OK started", Send(1, "START", "HEP,10,100"));
        Assert.Equal("ERR RejectedHardLimit", Send(2, "START", "HEP,400,100"));
    }

    [Fact]
    [Verifies("SC-001")]
    [Verifies("TM-001")]
    public void Unauthenticated_bolus_is_refused_and_audited()
    {
        var forged = CommandAuthenticator.Sign(TestData.Key(99), new PumpCommand(1, _clock.Now.ToUnixTimeSeconds(), "BOLUS", "MOR,0.5"));
        Assert.Equal("ERR BadSignature", _channel.Handle(forged));
        Assert.Equal("command-rejected", _audit.Entries[^1].EventName);
    }

    [Fact]
    [Verifies("SC-012")]
    public void Unknown_verbs_are_refused()
        => Assert.Equal("ERR UnknownVerb", Send(1, "DEBUG", "shell"));

    [Fact]
    [Verifies("SC-009")]
    public void Audit_entries_hold_no_dose_or_drug_data()
    {
        Send(1, "START", "HEP,10,100");
        Send(2, "BOLUS", "MOR,0.5");
        Assert.All(_audit.Entries, entry =>
        {
            Assert.DoesNotContain("HEP", entry.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("MOR", entry.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("0.5", entry.Detail, StringComparison.Ordinal);
        });
    }
}
