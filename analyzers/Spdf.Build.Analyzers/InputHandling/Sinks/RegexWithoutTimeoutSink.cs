using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>
/// SPDF3017: device input matched by a <see cref="System.Text.RegularExpressions.Regex"/> that has neither a match
/// timeout nor <c>RegexOptions.NonBacktracking</c>.
/// </summary>
internal static class RegexWithoutTimeoutSink
{
    /// <summary>Diagnostic property: "Static" (add arguments to the call) or "Creation" (to the constructor in the additional location).</summary>
    public const string FixKindProperty = "FixKind";
    public const string FixStatic = "Static";
    public const string FixCreation = "Creation";

    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.RegexWithoutTimeoutOnInput,
        title: "Give regular expressions over untrusted input a match timeout",
        messageFormat: "Untrusted input from {0} is matched by a regular expression without a match timeout",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 1333,
        description: "A backtracking pattern can take exponential time on crafted input and stall the thread that serves the " +
                     "device's command channel. Pass a matchTimeout (TimeSpan) or use RegexOptions.NonBacktracking.");
}
