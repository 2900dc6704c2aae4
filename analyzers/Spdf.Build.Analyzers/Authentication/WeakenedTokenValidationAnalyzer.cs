using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Authentication;

/// <summary>
/// SPDF2003: <c>Microsoft.IdentityModel.Tokens.TokenValidationParameters</c> with <c>ValidateIssuer</c>, <c>ValidateAudience</c>,
/// <c>ValidateLifetime</c>, <c>ValidateIssuerSigningKey</c>, <c>RequireSignedTokens</c> or <c>RequireExpirationTime</c> set
/// to <c>false</c>; a <c>SignatureValidator</c> that never validates or verifies anything (typically it just parses the
/// token); an issuer, audience, lifetime or signing-key validator delegate that returns <c>true</c> unconditionally.
/// Only runs when the type is in the compilation.
/// </summary>
public sealed class WeakenedTokenValidationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.WeakenedTokenValidation,
        title: "Do not weaken JWT validation",
        messageFormat: "{0} turns off a token validation check; tokens that are forged, expired or meant for another service are accepted",
        RuleCategory.Authentication,
        FalsePositivePolicy.Precise,
        cwe: 347,
        description: "A bearer token is only as trustworthy as the checks applied to it: signature, signing key, issuer, audience and " +
                     "lifetime. Turning one off lets an attacker replay, forge or repurpose tokens to issue commands to the device.");

    private static readonly ImmutableHashSet<string> ChecksThatMustStayOn = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ValidateIssuer", "ValidateAudience", "ValidateLifetime", "ValidateIssuerSigningKey", "RequireSignedTokens", "RequireExpirationTime", "RequireAudience");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var parameters = new DeferredCompilationValue<INamedTypeSymbol>(
                start.Compilation, compilation => compilation.FindType("Microsoft.IdentityModel.Tokens.TokenValidationParameters"));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (parameters.Value is { } type)
                    Analyze(c, type);
            }, OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol parameters)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || !property.ContainingType.InheritsFromOrEquals(parameters))
            return;

        var name = property.Name;
        if (ChecksThatMustStayOn.Contains(name))
        {
            if (assignment.Value.ConstantValue is { HasValue: true, Value: false })
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), name + " = false"));
            return;
        }

        if (!name.EndsWith("Validator", StringComparison.Ordinal) || assignment.Value.WalkDownConversions() is not IDelegateCreationOperation creation)
            return;

        var body = creation.Target switch
        {
            IAnonymousFunctionOperation { Syntax: AnonymousFunctionExpressionSyntax lambda } => (SyntaxNode?)lambda.Block ?? lambda.ExpressionBody,
            IMethodReferenceOperation reference => reference.Method.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .Select(s => s is MethodDeclarationSyntax m ? (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression : s is LocalFunctionStatementSyntax l ? (SyntaxNode?)l.Body ?? l.ExpressionBody?.Expression : null)
                .FirstOrDefault(b => b is not null),
            _ => null,
        };
        if (body is null)
            return;

        var skipsCheck = name == "SignatureValidator" ? !CallsAValidation(body) : ReturnsTrueOnly(body);
        if (skipsCheck)
            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), name));
    }

    private static bool CallsAValidation(SyntaxNode body)
        => body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(invocation =>
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return name.IndexOf("Validate", StringComparison.Ordinal) >= 0 || name.IndexOf("Verify", StringComparison.Ordinal) >= 0;
        }) || body.DescendantNodesAndSelf().OfType<ThrowStatementSyntax>().Any() || body.DescendantNodesAndSelf().OfType<ThrowExpressionSyntax>().Any();

    private static bool ReturnsTrueOnly(SyntaxNode body)
    {
        if (body is ExpressionSyntax expression)
            return expression.IsKind(SyntaxKind.TrueLiteralExpression);
        var returns = body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .ToList();
        return returns.Count > 0 && returns.All(r => r.Expression?.IsKind(SyntaxKind.TrueLiteralExpression) == true);
    }
}
