using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Documentation;

/// <summary>What the product declares: registered IDs, analyzer descriptors, and where the docs live.</summary>
internal static class RuleCatalog
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string RulesDirectory => Path.Combine(RepositoryRoot, "docs", "rules");

    /// <summary>Every ID in the one registry, DiagnosticIds.cs.</summary>
    public static IReadOnlyList<(string Name, string Id)> RegisteredIds { get; } =
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(DiagnosticIds.HelpLinkBase))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .ToArray();

    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } =
        typeof(SpdfDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();

    public static IReadOnlyList<DiagnosticDescriptor> AnalyzerDescriptors { get; } =
        Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();

    public static FalsePositivePolicy PolicyOf(DiagnosticDescriptor descriptor)
        => Enum.Parse<FalsePositivePolicy>(descriptor.CustomTags.Single(t => t.StartsWith("Spdf.Policy.", StringComparison.Ordinal))["Spdf.Policy.".Length..]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
