using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Authentication;

/// <summary>
/// SPDF2002: a MAC, hash, signature or token compared with an early-exit comparison: <c>SequenceEqual</c> on bytes or spans,
/// <c>==</c>/<c>!=</c>/<c>Equals</c> on strings, or a loop that returns at the first differing byte, where an operand comes
/// from a hash/HMAC/signature API (directly, through a local, or encoded with <c>Convert.ToBase64String</c>/<c>ToHexString</c>)
/// or is named so (<c>mac</c>, <c>hmac</c>, <c>signature</c>, <c>digest</c>, <c>hash</c>, <c>tag</c>, <c>token</c>, <c>otp</c>,
/// <c>apiKey</c>, <c>clientSecret</c>).
/// Comparisons with constants or <c>null</c> and length checks are not reported.
/// </summary>
public sealed class NonConstantTimeComparisonAnalyzer : DiagnosticAnalyzer
{
    internal const string FormProperty = "Form";
    internal const string FormSequenceEqual = "SequenceEqual";
    internal const string FormStringOperator = "StringOperator";
    internal const string FormLoop = "Loop";

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.NonConstantTimeComparison,
        title: "Compare MACs, hashes, signatures and tokens in constant time",
        messageFormat: "'{0}' is compared with an early-exit comparison, leaking through timing how many bytes match; use CryptographicOperations.FixedTimeEquals",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 208,
        description: "An attacker who can time the comparison learns the expected MAC or token byte by byte and forges it in a few " +
                     "thousand attempts. CryptographicOperations.FixedTimeEquals takes the same time whatever the inputs.");

    private static readonly HashSet<string> SecretWords = IdentifierWords.Set(
        "mac", "hmac", "signature", "sig", "digest", "hash", "tag", "token", "otp", "totp", "authenticator", "mic", "cmac");

    private static readonly HashSet<string> TokenQualifiers = IdentifierWords.Set(
        "access", "auth", "authentication", "csrf", "xsrf", "antiforgery", "api", "session", "reset", "bearer", "refresh", "id",
        "verification", "security", "confirmation", "expected", "stored", "provided", "received", "supplied", "request");

    private static readonly HashSet<string> NonSecretSuffixes = IdentifierWords.Set(
        "code", "name", "algorithm", "size", "length", "count", "type", "kind", "set", "table", "key", "keys", "index", "bucket", "map",
        "source", "cancellation", "text");

    private static readonly HashSet<string> HashApis = new(StringComparer.Ordinal)
    {
        "ComputeHash", "HashData", "SignData", "SignHash", "GetHashAndReset", "GetCurrentHash", "TryComputeHash", "TryHashData",
        "ComputeSignature", "DeriveKey", "Pbkdf2",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var fixedTimeEquals = new DeferredCompilationValue<INamedTypeSymbol>(
                start.Compilation, compilation => compilation.FindType("System.Security.Cryptography.CryptographicOperations"));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => { if (fixedTimeEquals.Value is not null) AnalyzeInvocation(c); }, OperationKind.Invocation);
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => { if (fixedTimeEquals.Value is not null) AnalyzeBinary(c); }, OperationKind.Binary);
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) => { if (fixedTimeEquals.Value is not null) AnalyzeConditional(c); }, OperationKind.Conditional);
        });
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        IOperation? left, right;
        string form;
        if (method.Name == "SequenceEqual" && (method.ContainingType.Name is "Enumerable" or "MemoryExtensions") && IsByteSequence(method))
        {
            (left, right) = Operands(invocation);
            form = FormSequenceEqual;
        }
        else if (method.Name == "Equals" && (method.ContainingType.SpecialType == SpecialType.System_String))
        {
            (left, right) = Operands(invocation);
            form = FormStringOperator;
        }
        else
        {
            return;
        }

        CheckComparison(context, invocation.Syntax, left, right, form, isString: false);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeBinary(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            && binary.LeftOperand.Type?.SpecialType == SpecialType.System_String
            && binary.RightOperand.Type?.SpecialType == SpecialType.System_String)
        {
            CheckComparison(context, binary.Syntax, binary.LeftOperand, binary.RightOperand, FormStringOperator, isString: true);
        }
    }

    [MethodImpl(HotPath.Cold)]
    private static void CheckComparison(OperationAnalysisContext context, SyntaxNode node, IOperation? left, IOperation? right, string form, bool isString)
    {
        if (left is null || right is null || IsConstant(left) || IsConstant(right))
            return;
        if ((SecretName(left, isString) ?? SecretName(right, isString)) is { } name)
            Report(context, node, name, form);
    }

    /// <summary><c>if (a[i] != b[i]) return false;</c> inside a loop over a MAC.</summary>
    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeConditional(OperationAnalysisContext context)
    {
        var conditional = (IConditionalOperation)context.Operation;
        if (conditional.Condition.WalkDownConversions() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } condition
            || ElementSource(condition.LeftOperand) is not { } left
            || ElementSource(condition.RightOperand) is not { } right
            || !ExitsEarly(conditional.WhenTrue)
            || !IsInsideLoop(conditional))
        {
            return;
        }

        if ((SecretName(left) ?? SecretName(right)) is { } name)
            Report(context, condition.Syntax, name, FormLoop);
    }

    private static IOperation? ElementSource(IOperation operand) => operand.WalkDownConversions() switch
    {
        IArrayElementReferenceOperation element => element.ArrayReference,
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } => instance,
        _ => null,
    };

    private static bool ExitsEarly(IOperation? branch)
        => branch is not null && (branch is IReturnOperation or IBranchOperation { BranchKind: BranchKind.Break }
                                  || branch.Descendants().Any(d => d is IReturnOperation or IBranchOperation { BranchKind: BranchKind.Break }));

    private static bool IsInsideLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation)
                return true;
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return false;
        }

        return false;
    }

    private static (IOperation? Left, IOperation? Right) Operands(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
            return (instance, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return invocation.Arguments.Length >= 2 ? (invocation.Arguments[0].Value, invocation.Arguments[1].Value) : (null, null);
    }

    private static bool IsByteSequence(IMethodSymbol method)
        => method.TypeArguments.Length == 1 && method.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private static bool IsConstant(IOperation operand)
    {
        var value = operand.WalkDownConversions();
        return value.ConstantValue.HasValue || value is IDefaultValueOperation;
    }

    /// <summary>The display name of an operand that holds a MAC, hash, signature or token, or null.</summary>
    private static string? SecretName(IOperation operand, bool isString = false)
    {
        var value = operand.WalkDownConversions();
        while (value is IInvocationOperation { TargetMethod.Name: "AsSpan" or "ToArray" or "ToLowerInvariant" or "ToUpperInvariant" } wrapper)
            value = (wrapper.Instance ?? (wrapper.Arguments.Length > 0 ? wrapper.Arguments[0].Value : null))?.WalkDownConversions();

        switch (value)
        {
            case IInvocationOperation invocation:
                if (IsHashApi(invocation.TargetMethod))
                    return invocation.TargetMethod.Name;
                if (invocation.TargetMethod.Name is "ToBase64String" or "ToHexString" or "ToHexStringLower" or "ToString"
                    && invocation.TargetMethod.ContainingType.Name is "Convert" or "BitConverter"
                    && invocation.Arguments.Length > 0)
                {
                    return SecretName(invocation.Arguments[0].Value);
                }

                return null;
            case IPropertyReferenceOperation { Property.Name: "Hash" } hash when hash.Property.IsInNamespaceOrChild("System.Security.Cryptography"):
                return "Hash";
            case ILocalReferenceOperation local:
                return NamedSecret(local.Local.Name, isString) ?? (InitializedFromHashApi(local) ? local.Local.Name : null);
            case IParameterReferenceOperation parameter:
                return NamedSecret(parameter.Parameter.Name, isString);
            case IFieldReferenceOperation field:
                return NamedSecret(field.Field.Name, isString);
            case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                return NamedSecret(property.Property.Name, isString);
            default:
                return null;
        }
    }

    private static readonly string[] SecretFragments = { "mac", "sig", "digest", "hash", "tag", "token", "otp", "authenticator", "mic", "key", "secret" };

    /// <summary>Trailing words after "api key" or "secret" that still name the value itself: <c>apiKeyValue</c>, <c>clientSecretBytes</c>.</summary>
    private static readonly HashSet<string> ValueSuffixes = IdentifierWords.Set("value", "string", "bytes", "hash", "text", "raw");

    private static string? NamedSecret(string name, bool isString)
    {
        if (!IdentifierWords.ContainsFragment(name, SecretFragments))
            return null;
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
            return null;
        if (IsSharedSecret(words))
            return name;
        if (NonSecretSuffixes.Contains(words[words.Count - 1]))
            return null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!SecretWords.Contains(word) || (isString && word == "tag"))
                continue;
            // A bare "token" is as often a lexer token as a credential: require an authentication qualifier.
            if (word is "token" && (i == 0 || !TokenQualifiers.Contains(words[i - 1])))
                continue;
            return name;
        }

        return null;
    }

    /// <summary>An API key or shared secret (<c>_apiKey</c>, <c>providedApiKey</c>, <c>clientSecret</c>, <c>webhookSecretValue</c>), checked against what a peer sends.</summary>
    private static bool IsSharedSecret(List<string> words)
    {
        var last = words.Count - 1;
        while (last > 0 && ValueSuffixes.Contains(words[last]))
            last--;
        return words[last] == "secret" || IdentifierWords.IsApiKeyAt(words, last);
    }

    private static bool IsHashApi(IMethodSymbol method)
        => HashApis.Contains(method.Name) && method.IsInNamespaceOrChild("System.Security.Cryptography");

    /// <summary><c>var computed = HMACSHA256.HashData(key, data);</c>: judged on the declaration's syntax, without walking the member.</summary>
    private static bool InitializedFromHashApi(ILocalReferenceOperation reference)
    {
        foreach (var declaration in reference.Local.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer }
                && initializer.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(IsHashApiSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHashApiSyntax(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax access && HashApis.Contains(access.Name.Identifier.ValueText);

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string name, string form)
        => context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(FormProperty, form), name));
}
