using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3004: device input in an XPath expression (CWE-643).</summary>
internal static class XPathSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInXPath,
        title: "Do not build XPath expressions from untrusted input",
        messageFormat: "Untrusted input from {0} reaches an XPath expression",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 643,
        description: "Data read from a port, socket, console, command line or environment must not become part of an XPath expression. Use a constant expression with variables (XsltContext) or select by allow-listed values.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.XPath,
        "an XPath expression",
        SinkMember.MethodsOfDerived("System.Xml.XmlNode", new[] { "SelectNodes", "SelectSingleNode" }, "xpath"),
        SinkMember.MethodsOfDerived("System.Xml.XPath.XPathNavigator", new[] { "Select", "SelectSingleNode", "Evaluate", "Compile", "Matches" }, "xpath"),
        SinkMember.Methods("System.Xml.XPath.XPathExpression", new[] { "Compile" }, "xpath"),
        SinkMember.Methods("System.Xml.XPath.Extensions", new[] { "XPathSelectElement", "XPathSelectElements", "XPathEvaluate" }, "expression"));
}
