using System.Collections.Generic;

namespace Spdf.Build.Core.Traceability;

public static class FindingSeverity
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}

/// <summary>A coverage finding. <see cref="File"/> is absolute (for the build log); the JSON shows it repository-relative.</summary>
public sealed record Finding(string Id, string Severity, string Subject, string Message, string? File, string? DisplayFile, int Line);

public static class VerificationOutcome
{
    public const string Passed = "passed";
    public const string Failed = "failed";

    /// <summary>Results exist for the test's assembly, but not for this test.</summary>
    public const string NotRun = "not-run";

    /// <summary>No current results exist for the test's assembly (tests not run since it was built).</summary>
    public const string NoResults = "no-results";
}

public sealed record Verification(CodeLink Link, string Outcome, int ResultCount, string? ResultFile, string? ResultFileSha256);

public sealed record ControlTrace(Control Control, bool Required, IReadOnlyList<CodeLink> Implementations, IReadOnlyList<Verification> Verifications);

public sealed record ThreatTrace(Threat Threat, IReadOnlyList<CodeLink> DirectLinks, IReadOnlyList<Verification> Verifications, bool Addressed);

public sealed record CoverageSummary(
    int Threats,
    int Open,
    int Mitigated,
    int Accepted,
    int Transferred,
    int NotApplicable,
    int ThreatsAddressed,
    int Controls,
    int ControlsRequired,
    int ControlsImplemented,
    int ControlsVerified,
    int VerifyingTests,
    int TestsPassed,
    int TestsFailed,
    int TestsWithoutResult,
    int Errors,
    int Warnings,
    bool TestResultsComplete);

public sealed class TraceReport
{
    public required TraceInputs Inputs { get; init; }

    public required IReadOnlyList<ThreatTrace> Threats { get; init; }

    public required IReadOnlyList<ControlTrace> Controls { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required CoverageSummary Coverage { get; init; }
}
