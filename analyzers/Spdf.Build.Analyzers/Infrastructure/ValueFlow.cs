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
}
