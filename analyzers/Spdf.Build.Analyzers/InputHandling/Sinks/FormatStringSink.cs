using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3009: device input used as a composite format string (CWE-134).</summary>
internal static class FormatStringSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInFormatString,
        title: "Do not use untrusted input as a format string",
        messageFormat: "Untrusted input from {0} reaches a composite format string",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 134,
        description: "A format string from a peer with a stray brace throws FormatException and can stop the device's command loop. Keep the format string constant and pass the input as an argument.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.FormatString,
        "a composite format string",
        SinkMember.Methods("System.String", new[] { "Format" }, "format"),
        SinkMember.Methods("System.Text.StringBuilder", new[] { "AppendFormat" }, "format"),
        SinkMember.MethodsOfDerived("System.IO.TextWriter", new[] { "Write", "WriteLine" }, "format"),
        SinkMember.Methods("System.Console", new[] { "Write", "WriteLine" }, "format"),
        SinkMember.Methods("System.Diagnostics.Debug", new[] { "Print", "WriteLine" }, "format"),
        SinkMember.Methods("System.Diagnostics.Trace", new[] { "TraceInformation", "TraceWarning", "TraceError" }, "format"),
        SinkMember.Methods("System.Text.CompositeFormat", new[] { "Parse" }, "format"));
}
