using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// Reads an <c>.editorconfig</c> allow-list of symbols in which a rule stays silent, written as
/// <c>spdf.SPDFnnnn.allowed_symbols = Legacy.Checksum, Protocol.Frame.ComputeCrc</c>: fully qualified type
/// names (the rule is silent in all their members and nested types) or type-qualified member names.
/// </summary>
internal sealed class AllowListOption
{
    private readonly ImmutableHashSet<string> _symbols;

    private AllowListOption(ImmutableHashSet<string> symbols) => _symbols = symbols;

    public static string OptionKey(string diagnosticId) => "spdf." + diagnosticId + ".allowed_symbols";

    public static AllowListOption Read(AnalyzerOptions options, SyntaxTree tree, string diagnosticId)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (!config.TryGetValue(OptionKey(diagnosticId), out var value) || string.IsNullOrWhiteSpace(value))
            return new AllowListOption(ImmutableHashSet<string>.Empty);

        var names = value.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        return new AllowListOption(ImmutableHashSet.Create(StringComparer.Ordinal, names));
    }

    /// <summary>True when <paramref name="symbol"/> or one of its containing types is on the list.</summary>
    public bool Allows(ISymbol? symbol)
    {
        if (_symbols.IsEmpty)
            return false;

        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction })
                continue;
            var name = current.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType));
            if (_symbols.Contains(name))
                return true;
        }

        return false;
    }
}
