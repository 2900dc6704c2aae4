using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3019: the untrusted-input analysis gave up on a method at the configured work bound.</summary>
internal static class TaintBoundRule
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.TaintAnalysisBoundReached,
        title: "Untrusted-input analysis stopped at its work bound",
        messageFormat: "'{0}' is too large for the untrusted-input analysis ({1} operations allowed); it was not checked for SPDF3001-SPDF3009, SPDF3012, SPDF3016 and SPDF3017",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Audit,
        cwe: 1120,
        description: "The untrusted-input rules do a bounded amount of work per method so a build never stalls. A method that " +
                     "needs more is skipped and reported here. Split the method, or raise " +
                     "'spdf.taint_analysis.max_operations_per_method' in .editorconfig.");
}
