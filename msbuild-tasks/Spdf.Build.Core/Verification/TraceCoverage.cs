using System;
using System.Text.Json;

namespace Spdf.Build.Core.Verification;

/// <summary>
/// Reads the coverage verdict of <c>spdf-trace.json</c> (the traceability evidence): <c>coverage.status</c> is
/// <c>passing</c> or <c>failing</c>; a <c>coverage.summary</c> string, when present, says why.
/// </summary>
public static class TraceCoverage
{
    public abstract record Status
    {
        public sealed record Passing : Status;

        public sealed record Failing(string Summary) : Status;

        public sealed record Unknown : Status;
    }

    public static Status Read(JsonElement trace)
    {
        if (trace.ValueKind != JsonValueKind.Object || !trace.TryGetProperty("coverage", out var coverage) || coverage.ValueKind != JsonValueKind.Object)
            return new Status.Unknown();
        if (!coverage.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            return new Status.Unknown();
        var summary = coverage.TryGetProperty("summary", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "status is '" + status.GetString() + "'";
        return status.GetString()?.ToLowerInvariant() switch
        {
            "passing" or "passed" or "complete" => new Status.Passing(),
            "failing" or "failed" or "incomplete" => new Status.Failing(summary),
            _ => new Status.Unknown(),
        };
    }
}
