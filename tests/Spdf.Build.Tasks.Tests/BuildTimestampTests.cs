using System;
using Spdf.Build.Core;

namespace Spdf.Build.Tasks.Tests;

public sealed class BuildTimestampTests
{
    [Fact]
    public void Source_date_epoch_wins_and_is_formatted_in_utc()
    {
        var (time, origin) = BuildTimestamp.Resolve("1767225600", DateTimeOffset.FromUnixTimeSeconds(1), () => throw new InvalidOperationException("not used"));
        Assert.Equal(BuildTimestamp.Origin.SourceDateEpoch, origin);
        Assert.Equal("2026-01-01T00:00:00Z", BuildTimestamp.Format(time));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Malformed_source_date_epoch_is_an_SPDF5001_error(string value)
    {
        var error = Assert.Throws<SpdfException>(() => BuildTimestamp.ParseSourceDateEpoch(value));
        Assert.Equal("SPDF5001", error.DiagnosticId);
        Assert.Contains("SOURCE_DATE_EPOCH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_commit_the_current_time_is_used_truncated_to_seconds()
    {
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        var (time, origin) = BuildTimestamp.Resolve(null, null, () => now);
        Assert.Equal(BuildTimestamp.Origin.CurrentTime, origin);
        Assert.Equal("2026-03-04T05:06:07Z", BuildTimestamp.Format(time));
    }

    [Fact]
    public void Without_SOURCE_DATE_EPOCH_the_commit_time_is_used()
    {
        var (time, origin) = BuildTimestamp.Resolve(" ", DateTimeOffset.FromUnixTimeSeconds(1767225600), () => throw new InvalidOperationException("not used"));
        Assert.Equal(BuildTimestamp.Origin.CommitTime, origin);
        Assert.Equal("2026-01-01T00:00:00Z", BuildTimestamp.Format(time));
    }
}
