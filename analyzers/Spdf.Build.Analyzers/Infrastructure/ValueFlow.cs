using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Spdf.Build.Analyzers.Infrastructure;

internal static class ValueFlow
{
    /// <summary>
    /// True when <paramref name="value"/> (an enum member or flag combination) is stored or passed on: assigned,
    /// passed as an argument, used to initialise a variable, field or property, or returned. False when it is only
    /// compared (<c>==</c>, <c>switch</c>, patterns, <c>HasFlag</c>) or removed from a set (<c>protocols &amp; ~Tls</c>),
    /// which is how code inspects or forbids the insecure value.
    /// </summary>
    public static bool IsStoredOrPassed(IOperation value)
    {
        var current = value;
        var parent = current.Parent;
        while (true)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or }:
                case IConditionalOperation conditional when conditional.Condition != current:
                case ICoalesceOperation:
                    current = parent;
                    parent = parent.Parent;
                    continue;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Value == current;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound:
                    return compound.Value == current;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "HasFlag" } }:
                    return false;
                case IArgumentOperation:
                case IVariableInitializerOperation:
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                case IParameterInitializerOperation:
                case IReturnOperation:
                case IArrayInitializerOperation:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The initializer of the local at its declaration in the same member, whatever happens to it later.</summary>
    public static IOperation? InitializerOf(ILocalReferenceOperation reference)
    {
        foreach (var operation in reference.Root().Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
                return declarator.GetVariableInitializer()?.Value;
        }

        return null;
    }

    /// <summary>The initializer of a local assigned once, at its declaration (null when it is assigned again or passed by <c>ref</c>/<c>out</c>).</summary>
    public static IOperation? InitializerOfUnchangedLocal(ILocalReferenceOperation reference)
    {
        IOperation? initializer = null;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initializer = declarator.GetVariableInitializer()?.Value;
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local)
                                                       && (other.Parent is IAssignmentOperation assignment && assignment.Target == other
                                                           || other.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }):
                    return null;
            }
        }

        return initializer;
    }
}
