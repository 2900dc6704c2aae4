namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// How sure a rule is that what it reports is a real defect. The default severity follows from it
/// (see docs/rules/README.md, "Severity policy").
/// </summary>
internal enum FalsePositivePolicy
{
    /// <summary>The reported code is insecure whenever the rule fires: on by default as a warning.</summary>
    Precise,

    /// <summary>The rule is right in most cases but needs context it cannot see: on by default as a suggestion.</summary>
    Heuristic,

    /// <summary>The rule reports patterns worth a review, not defects: off by default, on with <c>SpdfAnalysisMode=All</c>.</summary>
    Audit,
}
