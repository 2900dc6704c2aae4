using System;
using Microsoft.Build.Framework;
using Spdf.Build.Core;

namespace Spdf.Build.Tasks;

/// <summary>
/// Resolves the one time stamp that all of a build's evidence carries (see <see cref="BuildTimestamp"/>), so
/// that the SBOM, trace files and provenance agree and a rebuild of the same commit gives the same bytes.
/// </summary>
public sealed class ResolveBuildTimestamp : SpdfTask
{
    /// <summary>The folder whose git HEAD commit time is the fallback when <c>SOURCE_DATE_EPOCH</c> is unset.</summary>
    [Required]
    public string WorkingDirectory { get; set; } = "";

    /// <summary>ISO 8601 UTC, seconds precision.</summary>
    [Output]
    public string Timestamp { get; private set; } = "";

    /// <summary><c>SourceDateEpoch</c>, <c>CommitTime</c> or <c>CurrentTime</c>.</summary>
    [Output]
    public string Origin { get; private set; } = "";

    /// <summary>Reads the environment; tests replace it because the process environment is shared.</summary>
    internal Func<string, string?> ReadEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    protected override void ExecuteCore()
    {
        var sourceDateEpoch = ReadEnvironmentVariable(BuildTimestamp.SourceDateEpochVariable);
        var (time, origin) = BuildTimestamp.Resolve(sourceDateEpoch, WorkingDirectory, () => DateTimeOffset.UtcNow);
        Timestamp = BuildTimestamp.Format(time);
        Origin = origin.ToString();
        Log.LogMessage(MessageImportance.Low, "Spdf.Build evidence time stamp: {0} ({1}).", Timestamp, Origin);
    }
}
