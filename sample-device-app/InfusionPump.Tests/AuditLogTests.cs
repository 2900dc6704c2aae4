using Contoso.InfusionPump.Audit;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class AuditLogTests
{
    private readonly byte[] _key = TestData.Key(5);

    private AuditLog LogWithThreeEntries()
    {
        var log = new AuditLog(_key, new ManualClock());
        log.Append("power-on", "self-test passed");
        log.Append("command", "START OK started");
        log.Append("command", "STOP OK stopped");
        return log;
    }

    [Fact]
    [Verifies("SC-013")]
    public void Untouched_chain_verifies()
        => Assert.True(AuditLog.Verify(LogWithThreeEntries().Entries, _key));

    [Fact]
    [Verifies("SC-013")]
    public void Edited_entry_is_detected()
    {
        var entries = LogWithThreeEntries().Entries.ToList();
        entries[1] = entries[1] with { Detail = "START OK stopped" };
        Assert.False(AuditLog.Verify(entries, _key));
    }

    [Fact]
    [Verifies("SC-013")]
    public void Deleted_entry_is_detected()
    {
        var entries = LogWithThreeEntries().Entries.ToList();
        entries.RemoveAt(1);
        Assert.False(AuditLog.Verify(entries, _key));
    }
}
