using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Authentication;

/// <summary>
/// SPDF2001: a non-empty literal password, secret, API key, private key or token stored in (or compared with) a
/// variable, field, property or parameter whose name says so (see <see cref="CredentialNames"/>), passed to a
/// parameter named so (<c>new NetworkCredential(user, "...")</c>, <c>new X509Certificate2(path, "...")</c>), stored under
/// a key named so (<c>config["ApiKey"] = "..."</c>, <c>["password"] = "..."</c>, <c>dictionary.Add("password", "...")</c>), or
/// written into a connection string (<c>Password=...</c>, <c>Pwd=...</c>). User names, empty strings, placeholders,
/// labels, header and setting names, resource keys and <c>nameof</c> are not reported.
/// </summary>
public sealed class HardCodedCredentialAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.HardCodedCredential,
        title: "Do not hard-code credentials",
        messageFormat: "{0} holds a hard-coded credential; load it from a secret store, the OS credential manager or provisioning data",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 798,
        description: "A password, API key or token in source code is in every copy of the binary and every clone of the repository, " +
                     "cannot be rotated per device and is found by anyone who decompiles the application. Keep secrets out of code.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(AnalyzeDeclarator, OperationKind.VariableDeclarator);
        context.RegisterOperationAction(AnalyzeFieldInitializer, OperationKind.FieldInitializer);
        context.RegisterOperationAction(AnalyzePropertyInitializer, OperationKind.PropertyInitializer);
        context.RegisterOperationAction(AnalyzeParameterInitializer, OperationKind.ParameterInitializer);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(AnalyzeComparison, OperationKind.Binary);
        // Connection strings are judged on string literal tokens: no callback for the (far more numerous) other literals.
        context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (IsStringConstant(assignment.Value) && (NameOf(assignment.Target) ?? IndexerKeyOf(assignment.Target)) is { } name)
            Check(context, name, assignment.Value);
    }

    /// <summary>
    /// The key of <c>settings["ApiKey"] = ...</c> or a dictionary initializer's <c>["password"] = ...</c>; for
    /// configuration paths (<c>"Jwt:Secret"</c>, <c>"Auth.Password"</c>) the last segment.
    /// </summary>
    private static string? IndexerKeyOf(IOperation target)
        => target is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
           && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
            ? LastKeySegment(key)
            : null;

    private static string LastKeySegment(string key)
    {
        var separator = key.LastIndexOfAny(KeySeparators);
        return separator >= 0 ? key.Substring(separator + 1) : key;
    }

    private static readonly char[] KeySeparators = { ':', '.', '/' };

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeDeclarator(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        if (declarator.GetVariableInitializer() is { } initializer)
            Check(context, declarator.Symbol.Name, initializer.Value);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeFieldInitializer(OperationAnalysisContext context)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        foreach (var field in initializer.InitializedFields)
            Check(context, field.Name, initializer.Value);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzePropertyInitializer(OperationAnalysisContext context)
    {
        var initializer = (IPropertyInitializerOperation)context.Operation;
        foreach (var property in initializer.InitializedProperties)
            Check(context, property.Name, initializer.Value);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeParameterInitializer(OperationAnalysisContext context)
    {
        var initializer = (IParameterInitializerOperation)context.Operation;
        Check(context, initializer.Parameter.Name, initializer.Value);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        foreach (var argument in context.Operation.CallArguments(out _))
            AnalyzeArgument(context, argument);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeArgument(OperationAnalysisContext context, IArgumentOperation argument)
    {
        // Collection initializer elements ({ "ApiKey", "..." }) are implicit arguments of explicit values; default parameter
        // values are implicit arguments of implicit values and are judged at the parameter.
        var value = argument.Value.WalkDownConversions();
        if (argument.IsImplicit && value.IsImplicit
            || !IsStringConstant(value)
            || argument.Parameter is not { } parameter)
        {
            return;
        }

        if (CredentialNames.IsCredentialName(parameter.Name, includeTokens: false))
            Check(context, parameter.Name, argument.Value);
        else if (KeyOfKeyValueCall(argument) is { } key)
            Check(context, key, argument.Value);
    }

    /// <summary>
    /// <c>dictionary.Add("password", "...")</c>, <c>{ { "ApiKey", "..." } }</c> collection initializers,
    /// <c>Environment.SetEnvironmentVariable("DB_PASSWORD", "...")</c>: the constant key of the value argument.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static string? KeyOfKeyValueCall(IArgumentOperation argument)
    {
        if (argument.Parameter!.Name != "value"
            || argument.Parent is not IInvocationOperation { Arguments.Length: 2 } call
            || call.Arguments[1] != argument
            || call.TargetMethod.Name is not ("Add" or "TryAdd" or "SetEnvironmentVariable" or "Set" or "AddOrUpdate")
            || call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string key })
        {
            return null;
        }

        return LastKeySegment(key);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeComparison(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            || binary.LeftOperand.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        if (NameOf(binary.LeftOperand) is { } left)
            Check(context, left, binary.RightOperand);
        else if (NameOf(binary.RightOperand) is { } right)
            Check(context, right, binary.LeftOperand);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = context.Node;
        var text = literal switch
        {
            LiteralExpressionSyntax token => token.Token.ValueText,
            InterpolatedStringTextSyntax part => part.TextToken.ValueText,
            _ => string.Empty,
        };
        if (text.IndexOf('=') < 0)
            return;

        foreach (var pair in text.Split(';'))
        {
            var separator = pair.IndexOf('=');
            if (separator <= 0)
                continue;
            var key = pair.Substring(0, separator).Trim();
            var value = pair.Substring(separator + 1).Trim().Trim('\'', '"');
            if ((key.Equals("Password", StringComparison.OrdinalIgnoreCase) || key.Equals("Pwd", StringComparison.OrdinalIgnoreCase))
                && CredentialNames.IsSecretValue(value, key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), "This connection string"));
                return;
            }
        }
    }

    // The type first: reading ConstantValue boxes a numeric constant on every call.
    [MethodImpl(HotPath.Optimize)]
    private static bool IsStringConstant(IOperation value)
        => value.Type?.SpecialType == SpecialType.System_String && value.ConstantValue.HasValue;

    [MethodImpl(HotPath.Optimize)]
    private static void Check(OperationAnalysisContext context, string name, IOperation value)
    {
        value = value.WalkDownConversions();
        if (!IsStringConstant(value) || value.ConstantValue.Value is not string text)
            return;
        // A constant named as a credential is reported at its declaration, not at every use.
        var isLiteralOrPlainConstant = value switch
        {
            ILiteralOperation => true,
            IFieldReferenceOperation field => !CredentialNames.IsCredentialName(field.Field.Name),
            ILocalReferenceOperation local => !CredentialNames.IsCredentialName(local.Local.Name),
            _ => false,
        };
        if (!isLiteralOrPlainConstant)
            return;
        if (!CredentialNames.IsCredentialName(name) || !CredentialNames.IsSecretValue(text, name))
            return;

        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), "'" + name + "'"));
    }

    private static string? NameOf(IOperation operation) => operation.WalkDownConversions() switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        _ => null,
    };
}
