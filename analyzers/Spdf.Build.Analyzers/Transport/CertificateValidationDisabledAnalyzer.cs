using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Transport;

/// <summary>
/// SPDF1009: a certificate validation callback (any delegate returning <c>bool</c> with an <c>SslPolicyErrors</c>
/// parameter: <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>, <c>SslClientAuthenticationOptions</c> /
/// <c>SocketsHttpHandler.SslOptions.RemoteCertificateValidationCallback</c>, <c>new SslStream(..., callback)</c>,
/// <c>ServicePointManager.ServerCertificateValidationCallback</c>, <c>WebRequestHandler</c>, Kestrel's client certificate
/// validation) written as a lambda, anonymous method, method group or local function that returns <c>true</c> on every
/// path, or decides without looking at the policy errors, the certificate or the chain; and
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. Callbacks that pin a certificate or check the
/// errors are not reported.
/// </summary>
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.CertificateValidationDisabled,
        title: "Do not disable TLS certificate validation",
        messageFormat: "This certificate validation callback {0}; check SslPolicyErrors (or pin the expected certificate)",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 295,
        description: "A callback that accepts every certificate turns TLS into unauthenticated encryption: anyone on the path " +
                     "(hospital Wi-Fi, a compromised gateway) can impersonate the server and read or alter therapy data. " +
                     "Return sslPolicyErrors == SslPolicyErrors.None, or validate against a pinned certificate or private CA.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var sslPolicyErrors = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Net.Security.SslPolicyErrors"));
            var httpClientHandler = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Net.Http.HttpClientHandler"));

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                if (sslPolicyErrors.Value is { } policyErrors)
                    AnalyzeDelegate(c, policyErrors);
            }, OperationKind.DelegateCreation);
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var reference = (IPropertyReferenceOperation)c.Operation;
                if (reference.Property.Name == "DangerousAcceptAnyServerCertificateValidator"
                    && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, httpClientHandler.Value))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "accepts any certificate"));
                }
            }, OperationKind.PropertyReference);
        });
    }

    // Asked for every delegate the code creates (LINQ lambdas included): a loop, not a capturing lambda per call.
    private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
                return true;
        }

        return false;
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeDelegate(OperationAnalysisContext context, INamedTypeSymbol sslPolicyErrors)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (creation.Type is INamedTypeSymbol { DelegateInvokeMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } invoke }
            && HasParameterOfType(invoke, sslPolicyErrors))
        {
            AnalyzeValidationCallback(context, creation);
        }
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeValidationCallback(OperationAnalysisContext context, IDelegateCreationOperation creation)
    {
        SyntaxNode? body;
        IEnumerable<string> parameterNames;
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                body = lambda.Syntax switch
                {
                    AnonymousFunctionExpressionSyntax anonymous => (SyntaxNode?)anonymous.Block ?? anonymous.ExpressionBody,
                    _ => null,
                };
                parameterNames = lambda.Symbol.Parameters.Select(p => p.Name);
                break;
            case IMethodReferenceOperation { Method: var method }:
                body = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).Select(BodyOf).FirstOrDefault(b => b is not null);
                parameterNames = method.Parameters.Select(p => p.Name);
                break;
            default:
                return;
        }

        if (body is null)
            return;

        var verdict = CallbackBody.Judge(body, parameterNames.Where(n => n.Length > 0 && n != "_").ToImmutableHashSet());
        if (verdict is not null)
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), verdict));
    }

    private static SyntaxNode? BodyOf(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
        _ => null,
    };

    /// <summary>Syntax-level judgement, so method groups declared in other files are judged like lambdas.</summary>
    private static class CallbackBody
    {
        public static string? Judge(SyntaxNode body, ImmutableHashSet<string> parameterNames)
        {
            var returned = body is ExpressionSyntax expression
                ? new List<ExpressionSyntax?> { expression }
                : ReturnStatements(body).Select(r => r.Expression).ToList();
            if (returned.Count == 0 || returned.Any(r => r is null))
                return null;

            if (returned.All(r => IsAlwaysTrue(r!)))
                return "returns true for every certificate";
            if (returned.All(r => IsLiteral(r!, SyntaxKind.FalseLiteralExpression)))
                return null;

            var usesInputs = body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => parameterNames.Contains(i.Identifier.ValueText));
            return usesInputs ? null : "decides without looking at the certificate, the chain or the policy errors";
        }

        private static IEnumerable<ReturnStatementSyntax> ReturnStatements(SyntaxNode body)
            => body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>();

        /// <summary><c>true</c>, and what folds to it whatever the operands: <c>errors == None || true</c>, <c>!false</c>, <c>c ? true : true</c>.</summary>
        private static bool IsAlwaysTrue(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
                expression = parenthesized.Expression;
            return expression switch
            {
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.BitwiseOrExpression } or
                    => IsAlwaysTrue(or.Left) || IsAlwaysTrue(or.Right),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.BitwiseAndExpression } and
                    => IsAlwaysTrue(and.Left) && IsAlwaysTrue(and.Right),
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => IsLiteral(not.Operand, SyntaxKind.FalseLiteralExpression),
                ConditionalExpressionSyntax conditional => IsAlwaysTrue(conditional.WhenTrue) && IsAlwaysTrue(conditional.WhenFalse),
                _ => expression.IsKind(SyntaxKind.TrueLiteralExpression),
            };
        }

        private static bool IsLiteral(ExpressionSyntax expression, SyntaxKind kind)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
                expression = parenthesized.Expression;
            return expression.IsKind(kind);
        }
    }
}
