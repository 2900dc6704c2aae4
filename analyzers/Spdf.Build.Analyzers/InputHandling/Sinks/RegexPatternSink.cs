using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3006: device input used as a regular-expression pattern (CWE-730).</summary>
internal static class RegexPatternSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInRegexPattern,
        title: "Do not use untrusted input as a regular-expression pattern",
        messageFormat: "Untrusted input from {0} reaches a regular-expression pattern",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 730,
        description: "A pattern chosen by a peer can backtrack for minutes and stall the device. Escape the input with Regex.Escape when it is literal text, or match it against a constant pattern.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.RegexPattern,
        "a regular-expression pattern",
        SinkMember.Constructor("System.Text.RegularExpressions.Regex", "pattern"),
        SinkMember.AnyMethod("System.Text.RegularExpressions.Regex", "pattern"));
}
