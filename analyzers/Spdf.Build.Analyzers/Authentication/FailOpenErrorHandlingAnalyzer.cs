using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Authentication;

/// <summary>
/// SPDF2004: a <c>catch</c> in a method that authenticates, authorizes or verifies a certificate, signature, MAC, token or
/// password that reports success: it returns <c>true</c> (or a <c>Success</c>/<c>Valid</c>/<c>Allowed</c> result), or, in a
/// <c>void</c> check that signals failure by throwing, swallows the exception, or falls through to a <c>return true</c>.
/// </summary>
public sealed class FailOpenErrorHandlingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.FailOpenErrorHandling,
        title: "Security checks must fail closed",
        messageFormat: "This catch block in '{0}' {1}, so an error during the check grants access; deny (return false or rethrow) instead",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 636,
        description: "When verification throws (malformed certificate, truncated signature, unavailable key store) the safe outcome is to " +
                     "deny. Catch blocks that return success or swallow the exception let an attacker bypass the check by making it fail.");

    /// <summary>Verbs that make a method a security check on their own.</summary>
    private static readonly HashSet<string> AuthVerbs = IdentifierWords.Set(
        "authenticate", "authorize", "authorise", "authenticated", "authorized", "authorised", "login", "logon", "signin", "permitted");

    /// <summary>Verbs that make a method a check when it is about a security object.</summary>
    private static readonly HashSet<string> CheckVerbs = IdentifierWords.Set("verify", "validate", "check", "valid", "trusted", "allowed", "is", "has", "can");

    private static readonly HashSet<string> SecurityNouns = IdentifierWords.Set(
        "certificate", "cert", "certificates", "signature", "sig", "mac", "hmac", "token", "password", "credential", "credentials", "chain",
        "jwt", "permission", "permissions", "access", "session", "otp", "auth", "identity", "role", "roles", "claim", "claims", "signed",
        "integrity", "authenticity", "tag", "license", "user", "caller", "principal", "verifier", "validator", "authenticator", "firmware");

    private static readonly HashSet<string> SuccessMembers = IdentifierWords.Set(
        "success", "succeeded", "valid", "allowed", "allow", "granted", "authorized", "authenticated", "ok", "trusted", "permit");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(Analyze, OperationKind.CatchClause);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(OperationAnalysisContext context)
    {
        var catchClause = (ICatchClauseOperation)context.Operation;
        if (context.ContainingSymbol is IMethodSymbol method && !IsInsideLambda(catchClause) && IsSecurityCheck(method))
            AnalyzeHandler(context, catchClause, method);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeHandler(OperationAnalysisContext context, ICatchClauseOperation catchClause, IMethodSymbol method)
    {
        var handler = catchClause.Handler;
        var exits = false;
        foreach (var operation in OwnDescendants(handler))
        {
            switch (operation)
            {
                case IReturnOperation returned when IsSuccess(returned.ReturnedValue):
                    Report(context, catchClause, method, "returns success");
                    return;
                case IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue or BranchKind.GoTo }:
                    exits = true;
                    break;
            }
        }

        if (exits)
            return;

        if (method.ReturnsVoid || IsTask(method.ReturnType))
            Report(context, catchClause, method, "swallows the exception");
        else if (catchClause.Parent is ITryOperation tryOperation && NextStatement(tryOperation) is IReturnOperation next
                 && (IsSuccess(next.ReturnedValue) || IsSuccessUntouchedByHandler(next.ReturnedValue, tryOperation, handler)))
        {
            Report(context, catchClause, method, "swallows the exception and the method then returns success");
        }
    }

    private static void Report(OperationAnalysisContext context, ICatchClauseOperation catchClause, IMethodSymbol method, string behaviour)
    {
        var syntax = catchClause.Syntax;
        var location = syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax clause ? clause.CatchKeyword.GetLocation() : syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, method.Name, behaviour));
    }

    private static bool IsSecurityCheck(IMethodSymbol method)
    {
        var words = IdentifierWords.Split(method.Name);
        if (words.Any(AuthVerbs.Contains))
            return true;
        if (!words.Any(CheckVerbs.Contains))
            return false;
        return words.Any(SecurityNouns.Contains)
               || IdentifierWords.Split(method.ContainingType?.Name ?? string.Empty).Any(SecurityNouns.Contains) && words.Count <= 2;
    }

    private static bool IsSuccess(IOperation? value)
    {
        value = value?.WalkDownConversions();
        return value switch
        {
            null => false,
            { ConstantValue: { HasValue: true, Value: true } } => true,
            IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } field => SuccessMembers.Contains(field.Field.Name.ToLowerInvariant()),
            IPropertyReferenceOperation { Property.IsStatic: true } property => SuccessMembers.Contains(property.Property.Name.ToLowerInvariant()),
            IInvocationOperation { TargetMethod.IsStatic: true } invocation => SuccessMembers.Contains(invocation.TargetMethod.Name.ToLowerInvariant()),
            _ => false,
        };
    }

    /// <summary>
    /// <c>bool ok = true; try { ok = Check(); } catch { } return ok;</c>: the returned local starts as success and the
    /// handler does not reset it, so an exception leaves it at success.
    /// </summary>
    private static bool IsSuccessUntouchedByHandler(IOperation? returned, ITryOperation tryOperation, IOperation handler)
    {
        if (returned?.WalkDownConversions() is not ILocalReferenceOperation { Local: var local } || tryOperation.Parent is not IBlockOperation block)
            return false;
        if (OwnDescendants(handler).Any(o => o is IAssignmentOperation { Target: ILocalReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Local, local)))
            return false;

        foreach (var statement in block.Operations)
        {
            if (statement == tryOperation)
                return false;
            foreach (var declarator in OwnDescendants(statement).OfType<IVariableDeclaratorOperation>())
            {
                if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    return IsSuccess(declarator.GetVariableInitializer()?.Value);
            }
        }

        return false;
    }

    private static bool IsTask(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 0 } && type.IsInNamespace("System.Threading.Tasks");

    private static IOperation? NextStatement(IOperation statement)
    {
        if (statement.Parent is not IBlockOperation block)
            return null;
        var index = block.Operations.IndexOf(statement);
        return index >= 0 && index + 1 < block.Operations.Length ? block.Operations[index + 1] : null;
    }

    private static bool IsInsideLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return true;
        }

        return false;
    }

    private static IEnumerable<IOperation> OwnDescendants(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    continue;
                yield return child;
                stack.Push(child);
            }
        }
    }
}
