using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Creates every Spdf.Build <see cref="DiagnosticDescriptor"/> the same way.</summary>
internal static class SpdfDescriptors
{
    /// <summary>Where the rule pages live; each rule links to <c>{HelpLinkBase}SPDFnnnn.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/spdf-build/spdf-build/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        FalsePositivePolicy policy,
        int cwe,
        string description)
    {
        var (severity, enabledByDefault) = policy switch
        {
            FalsePositivePolicy.Precise => (DiagnosticSeverity.Warning, true),
            FalsePositivePolicy.Heuristic => (DiagnosticSeverity.Info, true),
            _ => (DiagnosticSeverity.Warning, false),
        };

        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            enabledByDefault,
            description,
            HelpLink(id),
            "CWE-" + cwe.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Spdf.Policy." + policy);
    }
}
