using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Spdf.Build.Analyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>The operand under any implicit or explicit conversions and parentheses.</summary>
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
    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
            return false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                return true;
        }

        return false;
    }

    public static bool IsInNamespace(this ISymbol symbol, string fullNamespace)
    {
        var ns = symbol.ContainingNamespace;
        return ns is not null && !ns.IsGlobalNamespace && ns.ToDisplayString() == fullNamespace;
    }

    public static bool IsInNamespaceOrChild(this ISymbol symbol, string fullNamespace)
    {
        var ns = symbol.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
            return false;
        var name = ns.ToDisplayString();
        return name == fullNamespace || name.StartsWith(fullNamespace + ".", System.StringComparison.Ordinal);
    }
}
