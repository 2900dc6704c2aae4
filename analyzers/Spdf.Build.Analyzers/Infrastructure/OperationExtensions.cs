using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Spdf.Build.Analyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>The operand under any implicit or explicit conversions and parentheses.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The first ancestor that is not a conversion or parentheses.</summary>
    public static IOperation? WalkUpConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
            parent = parent.Parent;
        return parent;
    }

    /// <summary>The outermost operation of the member body or initializer containing <paramref name="operation"/>.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
            current = current.Parent;
        return current;
    }

    public static bool IsConstant(this IOperation operation, out object? value)
    {
        var constant = operation.ConstantValue;
        value = constant.HasValue ? constant.Value : null;
        return constant.HasValue;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    /// <remarks>Rules ask this for most calls and property reads: names are compared before the symbols.</remarks>
    [MethodImpl(HotPath.Optimize)]
    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == baseType.Name && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The arguments of an invocation or object creation. Rules that judge arguments register one action on calls and
    /// walk these: one callback per call instead of one per argument, and the callee can be rejected once.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static ImmutableArray<IArgumentOperation> CallArguments(this IOperation call, out IMethodSymbol? method)
    {
        switch (call)
        {
            case IInvocationOperation invocation:
                method = invocation.TargetMethod;
                return invocation.Arguments;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                method = constructor;
                return creation.Arguments;
            default:
                method = null;
                return ImmutableArray<IArgumentOperation>.Empty;
        }
    }

    /// <summary>True when <paramref name="symbol"/> is declared directly in <paramref name="fullNamespace"/> (compared without allocating).</summary>
    [MethodImpl(HotPath.Optimize)]
    public static bool IsInNamespace(this ISymbol symbol, string fullNamespace)
        => symbol.ContainingNamespace is { IsGlobalNamespace: false } ns && NamespaceEquals(ns, fullNamespace);

    /// <summary>True when <paramref name="symbol"/> is declared in <paramref name="fullNamespace"/> or a namespace inside it.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static bool IsInNamespaceOrChild(this ISymbol symbol, string fullNamespace)
    {
        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (NamespaceEquals(ns, fullNamespace))
                return true;
        }

        return false;
    }

    /// <summary>Compares a namespace with a dotted name from the innermost part outwards.</summary>
    [MethodImpl(HotPath.Optimize)]
    private static bool NamespaceEquals(INamespaceSymbol ns, string fullName)
    {
        var end = fullName.Length;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            var part = current.Name;
            var start = end - part.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, part, 0, part.Length) != 0)
                return false;
            if (start == 0)
                return current.ContainingNamespace is null or { IsGlobalNamespace: true };
            if (fullName[start - 1] != '.')
                return false;
            end = start - 1;
        }

        return false;
    }
}
