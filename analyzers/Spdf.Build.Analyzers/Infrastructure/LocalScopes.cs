using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Finds the member a local or an operation belongs to, for flows followed within one member.</summary>
internal static class LocalScopes
{
    /// <summary>The method, local function or property whose body contains <paramref name="operation"/>, lambdas skipped.</summary>
    public static string? ContainingMemberName(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation localFunction)
                return localFunction.Symbol.Name;
            if (current is IAnonymousFunctionOperation)
                return null;
        }

        var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        return symbol switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
            IMethodSymbol method => method.Name,
            _ => null,
        };
    }

    public static bool ReturnsBytes(IOperation returnOperation)
        => returnOperation is IReturnOperation { ReturnedValue.Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } };
}
