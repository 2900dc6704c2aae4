using System;
using System.Globalization;

namespace Spdf.Build.Core;

/// <summary>
/// The one time stamp written into all evidence of a build, so that rebuilding the same commit gives the same
/// bytes: <c>SOURCE_DATE_EPOCH</c> when set (reproducible-builds.org), else the commit time of HEAD, else now.
/// </summary>
public static class BuildTimestamp
{
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    public enum Origin
    {
        SourceDateEpoch,
        CommitTime,
        CurrentTime,
    }

    /// <summary>Parses a <c>SOURCE_DATE_EPOCH</c> value: whole seconds since 1970-01-01T00:00:00Z.</summary>
    public static DateTimeOffset ParseSourceDateEpoch(string value)
    {
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new SpdfException(
                DiagnosticIds.InvalidSourceDateEpoch,
                $"The environment variable {SourceDateEpochVariable} is '{value}', which is not a Unix time in whole seconds (for example 1767225600).");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>Resolves the time stamp from <c>SOURCE_DATE_EPOCH</c>, else the HEAD commit's time, else now.</summary>
    public static (DateTimeOffset Time, Origin Origin) Resolve(string? sourceDateEpoch, DateTimeOffset? headCommitTime, Func<DateTimeOffset> now)
    {
        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
            return (ParseSourceDateEpoch(sourceDateEpoch!), Origin.SourceDateEpoch);

        if (headCommitTime is { } commitTime)
            return (commitTime, Origin.CommitTime);

        return (TruncateToSeconds(now()), Origin.CurrentTime);
    }

    /// <summary>ISO 8601 UTC with seconds precision, the form CycloneDX, in-toto and our own files use.</summary>
    public static string Format(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time)
        => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
