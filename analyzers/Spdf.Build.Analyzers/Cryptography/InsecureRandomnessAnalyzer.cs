using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1008: output of <c>System.Random</c> (an instance, a subclass or <c>Random.Shared</c>) that reaches, within the
/// same member, a security value: a key, IV, nonce or salt parameter or property of a cryptographic API, or a variable,
/// field, property or returning method whose name says it holds a key, IV, nonce, salt, token, password, secret,
/// session ID, OTP or challenge. The flow is followed through expressions, string building, array element writes
/// and up to three locals. Random numbers for simulations, jitter, sampling or test data are not reported.
/// </summary>
public sealed class InsecureRandomnessAnalyzer : DiagnosticAnalyzer
{
    private const int MaxLocalHops = 3;

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.InsecureRandomness,
        title: "Do not use System.Random for security values",
        messageFormat: "System.Random is predictable but its output becomes {0}; use RandomNumberGenerator",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 338,
        description: "System.Random is not a cryptographic generator: its state can be recovered from a few outputs, and Random " +
                     "instances seeded with the time repeat across devices. Use RandomNumberGenerator (Fill, GetBytes, GetInt32, GetString) " +
                     "for keys, IVs, nonces, salts, tokens, passwords and session identifiers.");

    /// <summary>Words that make a name a security value whatever its type.</summary>
    private static readonly HashSet<string> SecurityWords = IdentifierWords.Set(
        "iv", "nonce", "salt", "token", "tokens", "password", "passwd", "pwd", "passphrase", "secret", "secrets", "session", "sessionid",
        "otp", "totp", "hotp", "csrf", "xsrf", "challenge", "credential", "credentials", "apikey", "entropy", "cnonce");

    /// <summary>"key" also names dictionary keys; it only counts for byte data.</summary>
    private static readonly HashSet<string> KeyWords = IdentifierWords.Set("key", "keys", "aeskey", "hmackey");

    private static readonly HashSet<string> CryptoParameters = IdentifierWords.Set("key", "rgbkey", "iv", "rgbiv", "nonce", "salt", "rgbsalt", "ikm");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var random = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Random"));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                // Every Random method that yields data is named Next*: most invocations are rejected before any lookup.
                if (((IInvocationOperation)c.Operation).TargetMethod.Name.StartsWith("Next", System.StringComparison.Ordinal) && random.Value is { } type)
                    Analyze(c, type);
            }, OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol random)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.IsStatic || !method.Name.StartsWith("Next", System.StringComparison.Ordinal) || !method.ContainingType.InheritsFromOrEquals(random))
            return;

        string? sink;
        if (method.Name == "NextBytes")
        {
            if (invocation.Arguments.Length != 1)
                return;
            var buffer = invocation.Arguments[0].Value.WalkDownConversions();
            sink = SinkOfStorage(buffer, isBytes: true, hops: 0, visited: new HashSet<ISymbol>(SymbolEqualityComparer.Default), invocation.Root());
        }
        else
        {
            sink = SinkOfValue(invocation, isBytes: false, hops: 0, visited: new HashSet<ISymbol>(SymbolEqualityComparer.Default), invocation.Root());
        }

        if (sink is not null)
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), sink));
    }

    /// <summary>Follows a random value up the expression tree to where it is stored, passed or returned.</summary>
    private static string? SinkOfValue(IOperation value, bool isBytes, int hops, HashSet<ISymbol> visited, IOperation root)
    {
        var current = value;
        for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IBinaryOperation or IUnaryOperation or IInterpolationOperation
                    or IInterpolatedStringOperation or IArrayElementReferenceOperation or IConditionalOperation or ICoalesceOperation
                    or IArrayInitializerOperation or IArrayCreationOperation or IObjectCreationOperation:
                    continue;
                case IArgumentOperation argument:
                    if (argument.Parameter is { } parameter && CryptoParameters.Contains(parameter.Name.ToLowerInvariant())
                        && parameter.ContainingSymbol.IsInNamespaceOrChild("System.Security.Cryptography"))
                    {
                        return "the " + parameter.Name + " of " + parameter.ContainingSymbol.Name;
                    }

                    if (argument.Parent is IInvocationOperation { Instance: { } receiver } call && IsBuilder(call))
                        return SinkOfStorage(receiver.WalkDownConversions(), isBytes, hops, visited, root);
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance != current:
                    continue;
                case IInvocationOperation chained when chained.Instance == current || IsStringFactory(chained) || IsLinqProjection(chained):
                    continue;
                case IDelegateCreationOperation:
                    continue;
                case IReturnOperation when ProjectingLambda(parent) is { } lambda:
                    // chars[rng.Next(n)] returned by a Select lambda: the projection carries the value on.
                    parent = lambda;
                    continue;
                case IInvocationOperation:
                    return null;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return SinkOfStorage(assignment.Target.WalkDownConversions(), isBytes, hops, visited, root);
                case ICompoundAssignmentOperation compound when compound.Value == current:
                    return SinkOfStorage(compound.Target.WalkDownConversions(), isBytes, hops, visited, root);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return SinkOfLocal(declarator.Symbol, isBytes, hops, visited, root);
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        if (SecuritySink(field.Name, field.Type, isBytes) is { } fieldSink)
                            return fieldSink;
                    }

                    return null;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        if (SecuritySink(property.Name, property.Type, isBytes) is { } propertySink)
                            return propertySink;
                    }

                    return null;
                case IReturnOperation:
                    return ReturnSink(parent);
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Where a buffer or variable holding random data ends up.</summary>
    private static string? SinkOfStorage(IOperation storage, bool isBytes, int hops, HashSet<ISymbol> visited, IOperation root)
    {
        while (storage is IArrayElementReferenceOperation element)
            storage = element.ArrayReference.WalkDownConversions();

        switch (storage)
        {
            case ILocalReferenceOperation local:
                return SecuritySink(local.Local.Name, local.Local.Type, isBytes) ?? SinkOfLocal(local.Local, isBytes, hops, visited, root);
            case IFieldReferenceOperation field:
                return SecuritySink(field.Field.Name, field.Field.Type, isBytes) ?? SecurityProperty(field, isBytes);
            case IPropertyReferenceOperation property:
                return SecuritySink(property.Property.Name, property.Property.Type, isBytes) ?? SecurityProperty(property, isBytes);
            case IParameterReferenceOperation parameter:
                return SecuritySink(parameter.Parameter.Name, parameter.Parameter.Type, isBytes);
            default:
                return null;
        }
    }

    /// <summary><c>aes.Key = random bytes</c>: the property of a cryptographic type.</summary>
    private static string? SecurityProperty(IMemberReferenceOperation member, bool isBytes)
        => member.Member.Name is "Key" or "IV" or "Salt" && member.Member.ContainingSymbol.IsInNamespaceOrChild("System.Security.Cryptography")
            ? "the " + member.Member.Name + " of " + member.Member.ContainingType.Name
            : null;

    private static string? SinkOfLocal(ILocalSymbol local, bool isBytes, int hops, HashSet<ISymbol> visited, IOperation root)
    {
        if (SecuritySink(local.Name, local.Type, isBytes) is { } named)
            return named;
        if (hops >= MaxLocalHops || !visited.Add(local) || local.DeclaringSyntaxReferences.Length == 0)
            return null;

        var isByteLocal = isBytes || IsByteData(local.Type);
        foreach (var reference in LocalReferences(local, root))
        {
            if (IsWriteTarget(reference))
                continue;
            if (SinkOfValue(reference, isByteLocal, hops + 1, visited, root) is { } sink)
                return sink;
        }

        return null;
    }

    private static IEnumerable<ILocalReferenceOperation> LocalReferences(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            // The kind before the interface test: most operations are not local references.
            if (operation.Kind == OperationKind.LocalReference && SymbolEqualityComparer.Default.Equals(((ILocalReferenceOperation)operation).Local, local))
                yield return (ILocalReferenceOperation)operation;
        }
    }

    private static bool IsWriteTarget(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IArrayElementReferenceOperation)
        {
            reference = parent;
            parent = parent.Parent;
        }

        return parent is IAssignmentOperation assignment && assignment.Target == reference;
    }

    private static string? ReturnSink(IOperation returnOperation)
    {
        var name = LocalScopes.ContainingMemberName(returnOperation);
        if (name is null)
            return null;
        return IdentifierWords.ContainsAny(name, SecurityWords) || (IdentifierWords.ContainsAny(name, KeyWords) && LocalScopes.ReturnsBytes(returnOperation))
            ? "the value returned by " + name
            : null;
    }

    private static string? SecuritySink(string name, ITypeSymbol? type, bool isBytes)
    {
        if (IdentifierWords.ContainsAny(name, SecurityWords) || IsApiKeyName(name))
            return "'" + name + "'";
        if ((isBytes || IsByteData(type)) && IdentifierWords.ContainsAny(name, KeyWords))
            return "'" + name + "'";
        return null;
    }

    /// <summary><c>apiKey</c>, <c>ApiKey</c>, <c>api_key</c>: a credential whatever its type, unlike a bare "key".</summary>
    private static bool IsApiKeyName(string name)
    {
        var words = IdentifierWords.Split(name);
        for (var i = 0; i < words.Count; i++)
        {
            if (IdentifierWords.IsApiKeyAt(words, i))
                return true;
        }

        return false;
    }

    private static bool IsByteData(ITypeSymbol? type)
        => type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
           || type is INamedTypeSymbol { Name: "Span" or "Memory", TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private static bool IsBuilder(IInvocationOperation call)
        => call.TargetMethod.Name is "Append" or "AppendFormat" or "Insert" or "Add" or "Write"
           && call.TargetMethod.ContainingType.Name is "StringBuilder" or "List" or "StringWriter";

    /// <summary><c>Select</c>/<c>SelectMany</c> and the LINQ calls that pass their elements on (<c>ToArray</c>, <c>ToList</c>, <c>Take</c>...).</summary>
    private static bool IsLinqProjection(IInvocationOperation call)
        => call.TargetMethod is { IsStatic: true } method
           && method.ContainingType.Name == "Enumerable"
           && method.Name is "Select" or "SelectMany" or "ToArray" or "ToList" or "Take" or "Skip" or "Concat" or "Append" or "Prepend" or "AsEnumerable"
           && method.IsInNamespace("System.Linq");

    /// <summary>The lambda whose returned value <paramref name="returnOperation"/> is, when it is the selector of a LINQ projection.</summary>
    private static IAnonymousFunctionOperation? ProjectingLambda(IOperation returnOperation)
    {
        for (var current = returnOperation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    var outer = lambda.Parent;
                    while (outer is IDelegateCreationOperation or IConversionOperation)
                        outer = outer.Parent;
                    return outer is IArgumentOperation { Parent: IInvocationOperation call } && call.TargetMethod.Name is "Select" or "SelectMany" && IsLinqProjection(call)
                        ? lambda
                        : null;
                case ILocalFunctionOperation or IMethodBodyOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool IsStringFactory(IInvocationOperation call)
        => call.TargetMethod.IsStatic
           && call.TargetMethod.ContainingType.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Int32 or SpecialType.System_Int64
           || call.TargetMethod.ContainingType.Name is "Convert" or "BitConverter";
}
