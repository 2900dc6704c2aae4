using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Traceability;

internal enum TraceabilityLinkKind
{
    Mitigates,
    ImplementsControl,
    Verifies,
}

/// <summary>One traceability attribute on a symbol, with the location of its ID argument.</summary>
internal readonly struct TraceabilityLink
{
    public TraceabilityLink(TraceabilityLinkKind kind, string? id, Location location)
    {
        Kind = kind;
        Id = id;
        Location = location;
    }

    public TraceabilityLinkKind Kind { get; }

    public string? Id { get; }

    public Location Location { get; }

    public string AttributeName => Kind switch
    {
        TraceabilityLinkKind.Mitigates => "Mitigates",
        TraceabilityLinkKind.ImplementsControl => "ImplementsControl",
        _ => "Verifies",
    };
}

/// <summary>The three traceability attribute types of one compilation (generated into it by Spdf.Build).</summary>
internal sealed class TraceabilityAttributeTypes
{
    public static readonly ImmutableArray<SymbolKind> AttributableSymbolKinds = ImmutableArray.Create(
        SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);

    private static readonly string[] AttributeWords = { "Mitigates", "ImplementsControl", "Verifies" };
    private static readonly ConditionalWeakTable<Compilation, Lazy<bool>> NamedInSource = new();

    private readonly INamedTypeSymbol? _mitigates;
    private readonly INamedTypeSymbol? _implementsControl;
    private readonly INamedTypeSymbol? _verifies;

    private TraceabilityAttributeTypes(INamedTypeSymbol? mitigates, INamedTypeSymbol? implementsControl, INamedTypeSymbol? verifies)
    {
        _mitigates = mitigates;
        _implementsControl = implementsControl;
        _verifies = verifies;
    }

    /// <summary>Null when the compilation has none of the attributes (Spdf.Build's generator did not run).</summary>
    public static TraceabilityAttributeTypes? Create(Compilation compilation)
    {
        var mitigates = compilation.FindType(TraceabilityAttributeSources.MitigatesAttributeName);
        var implementsControl = compilation.FindType(TraceabilityAttributeSources.ImplementsControlAttributeName);
        var verifies = compilation.FindType(TraceabilityAttributeSources.VerifiesAttributeName);
        return mitigates is null && implementsControl is null && verifies is null ? null : new TraceabilityAttributeTypes(mitigates, implementsControl, verifies);
    }

    /// <summary>
    /// Whether some source file names a traceability attribute (as <c>Mitigates</c>, <c>MitigatesAttribute</c>, qualified or
    /// through an alias, which names it too). The attributes are internal and generated into each project, so a symbol
    /// can carry one only when its compilation's source names it; in a project that links nothing the three rules then
    /// register no per-symbol action at all. Answered once per compilation for the three of them.
    /// </summary>
    public static bool AreNamedInSource(Compilation compilation)
        => NamedInSource.GetValue(
            compilation,
            c => new Lazy<bool>(() => CompilationText.AnyTreeContainsAny(c, AttributeWords, TraceabilityAttributeSources.Source.Text))).Value;

    public IReadOnlyList<TraceabilityLink> LinksOf(ISymbol symbol, CancellationToken cancellationToken)
    {
        // Asked for every symbol by three rules and almost always empty: no list unless a link is found.
        List<TraceabilityLink>? links = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            TraceabilityLinkKind kind;
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _mitigates))
                kind = TraceabilityLinkKind.Mitigates;
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _implementsControl))
                kind = TraceabilityLinkKind.ImplementsControl;
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _verifies))
                kind = TraceabilityLinkKind.Verifies;
            else
                continue;

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            if (syntax is null)
                continue;
            var location = syntax is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } attributeSyntax
                ? attributeSyntax.ArgumentList.Arguments[0].GetLocation()
                : syntax.GetLocation();
            var id = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            (links ??= new List<TraceabilityLink>()).Add(new TraceabilityLink(kind, id, location));
        }

        return (IReadOnlyList<TraceabilityLink>?)links ?? Array.Empty<TraceabilityLink>();
    }
}
