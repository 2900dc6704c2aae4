using System.Globalization;
using System.Text.Json;

namespace Spdf.Build.Core.Verification;

/// <summary>
/// Reads the coverage verdict of <c>spdf-trace.json</c> (see docs/schemas): coverage fails when the build recorded
/// coverage errors (<c>coverage.errors</c>) or a verifying test failed (<c>coverage.testsFailed</c>).
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
        if (Number(coverage, "errors") is not { } errors)
            return new Status.Unknown();

        var testsFailed = Number(coverage, "testsFailed") ?? 0;
        if (errors == 0 && testsFailed == 0)
            return new Status.Passing();

        var summary = string.Format(
            CultureInfo.InvariantCulture,
            "{0} coverage error(s); {1} of {2} threats addressed, {3} of {4} required controls verified, {5} verifying test(s) failed",
            errors,
            Number(coverage, "threatsAddressed") ?? 0,
            Number(coverage, "threats") ?? 0,
            Number(coverage, "controlsVerified") ?? 0,
            Number(coverage, "controlsRequired") ?? 0,
            testsFailed);
        return new Status.Failing(summary);
    }

    private static long? Number(JsonElement coverage, string name)
        => coverage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
