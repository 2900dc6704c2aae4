using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Transport;

/// <summary>
/// SPDF1014: the <c>bool</c> result of a verification API of <c>System.Security.Cryptography</c> (<c>VerifyData</c>,
/// <c>VerifyHash</c>, <c>VerifySignature</c>, <c>SignedXml.CheckSignature</c>, <c>X509Chain.Build</c>,
/// <c>X509Certificate2.Verify</c>, <c>CryptographicOperations.FixedTimeEquals</c>) is discarded: called as a statement
/// or assigned to <c>_</c>.
/// </summary>
public sealed class IgnoredVerificationResultAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.IgnoredVerificationResult,
        title: "Do not ignore the result of a signature, MAC or certificate verification",
        messageFormat: "The result of {0} is discarded, so verification failures are accepted; act on the returned value",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 347,
        description: "These APIs report failure through their return value, not an exception. Ignoring it accepts forged firmware, " +
                     "tampered messages and untrusted certificate chains.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // Only whether the cryptography types are referenced matters: resolved once, at the first candidate call.
            var cryptography = new DeferredCompilationValue<INamedTypeSymbol>(
                start.Compilation, compilation => compilation.FindType("System.Security.Cryptography.AsymmetricAlgorithm"));
            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.ReturnType.SpecialType != SpecialType.System_Boolean || !IsVerification(method) || !IsDiscarded(invocation) || cryptography.Value is null)
                    return;
                c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name));
            }, OperationKind.Invocation);
        });
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool IsVerification(IMethodSymbol method)
    {
        var name = method.Name;
        var verifies = name.StartsWith("Verify", StringComparison.Ordinal)
                       || name.StartsWith("CheckSignature", StringComparison.Ordinal)
                       || name == "FixedTimeEquals"
                       || (name == "Build" && method.ContainingType.Name == "X509Chain");
        return verifies && method.IsInNamespaceOrChild("System.Security.Cryptography");
    }

    private static bool IsDiscarded(IOperation invocation)
    {
        var parent = invocation.WalkUpConversions();
        return parent is IExpressionStatementOperation
               || parent is ISimpleAssignmentOperation { Target: IDiscardOperation };
    }
}
