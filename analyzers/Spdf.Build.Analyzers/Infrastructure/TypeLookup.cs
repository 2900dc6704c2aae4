using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// Finds a type by its metadata name (<c>System.Security.Cryptography.SHA1</c>, <c>System.Collections.Generic.List`1</c>,
/// <c>Outer+Inner</c>) with the answer of <see cref="Compilation.GetTypeByMetadataName"/>: the type the compilation
/// declares, else the one referenced assembly that declares it, else null (none, or an ambiguity).
/// <see cref="Compilation.GetTypeByMetadataName"/> asks every referenced assembly in turn (about 190 in a .NET 10
/// project) and was a tenth of the rules' time in <c>bench/analyzers</c>, most of it at the first callbacks, when every
/// compiler thread waits for them; the compilation's merged namespaces, which the compiler builds while binding the
/// source anyway, know the few assemblies that declare a namespace.
/// </summary>
internal static class TypeLookup
{
    public static INamedTypeSymbol? FindType(this Compilation compilation, string metadataName)
    {
        var names = metadataName.Split('+');
        var topLevel = names[0];
        var lastDot = topLevel.LastIndexOf('.');
        var ns = compilation.GlobalNamespace;
        if (lastDot > 0)
        {
            foreach (var part in topLevel.Substring(0, lastDot).Split('.'))
            {
                if (NamespaceNamed(ns, part) is not { } child)
                    return null;
                ns = child;
            }
        }

        var type = Pick(compilation, ns.GetTypeMembers(NameOf(topLevel.Substring(lastDot + 1), out var arity), arity));
        for (var i = 1; i < names.Length && type is not null; i++)
        {
            var nested = type.GetTypeMembers(NameOf(names[i], out var nestedArity), nestedArity);
            type = nested.Length == 1 ? nested[0] : null;
        }

        return type;
    }

    [MethodImpl(HotPath.Optimize)]
    private static INamespaceSymbol? NamespaceNamed(INamespaceSymbol parent, string name)
    {
        foreach (var member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol ns)
                return ns;
        }

        return null;
    }

    /// <summary>The compilation's own type wins; otherwise exactly one referenced assembly may declare the name.</summary>
    private static INamedTypeSymbol? Pick(Compilation compilation, ImmutableArray<INamedTypeSymbol> candidates)
    {
        if (candidates.Length == 1)
            return candidates[0];
        INamedTypeSymbol? own = null;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                if (own is not null)
                    return null;
                own = candidate;
            }
        }

        return own;
    }

    /// <summary><c>List`1</c> is <c>List</c> with one type parameter.</summary>
    private static string NameOf(string metadataName, out int arity)
    {
        var tick = metadataName.IndexOf('`');
        if (tick < 0 || !int.TryParse(metadataName.Substring(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out arity))
        {
            arity = 0;
            return metadataName;
        }

        return metadataName.Substring(0, tick);
    }
}
