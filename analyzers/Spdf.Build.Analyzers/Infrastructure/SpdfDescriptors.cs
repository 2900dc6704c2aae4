using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Creates every Spdf.Build <see cref="DiagnosticDescriptor"/> the same way.</summary>
internal static class SpdfDescriptors
{
    public static string HelpLink(string id) => DiagnosticIds.HelpLink(id);

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
