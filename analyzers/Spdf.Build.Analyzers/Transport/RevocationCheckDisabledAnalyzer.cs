using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Transport;

/// <summary>
/// SPDF1012: <c>X509RevocationMode.NoCheck</c> stored or passed on (chain policies, <c>SslClientAuthenticationOptions</c>,
/// Kestrel options); <c>CheckCertificateRevocationList = false</c>; <c>checkCertificateRevocation: false</c> passed to
/// <c>SslStream.AuthenticateAs*</c>.
/// </summary>
public sealed class RevocationCheckDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.RevocationCheckDisabled,
        title: "Do not turn off certificate revocation checking",
        messageFormat: "{0} turns off certificate revocation checking; use X509RevocationMode.Online (or Offline with a provisioned CRL)",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 299,
        description: "Without revocation checking a stolen or mis-issued certificate keeps working after its CA revokes it. " +
                     "Devices that are offline can use X509RevocationMode.Offline with CRLs delivered by updates.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var revocationMode = new DeferredCompilationValue<INamedTypeSymbol>(start.Compilation, compilation => compilation.FindType("System.Security.Cryptography.X509Certificates.X509RevocationMode"));

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var reference = (IFieldReferenceOperation)c.Operation;
                if (reference.Field.Name == "NoCheck"
                    && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, revocationMode.Value)
                    && ValueFlow.IsStoredOrPassed(reference))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "X509RevocationMode.NoCheck"));
                }
            }, OperationKind.FieldReference);

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CheckCertificateRevocationList" } property
                    && property.Property.IsInNamespaceOrChild("System.Net")
                    && assignment.Value.ConstantValue is { HasValue: true, Value: false })
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), "CheckCertificateRevocationList = false"));
                }
            }, OperationKind.SimpleAssignment);

            start.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
            {
                var arguments = c.Operation.CallArguments(out var method);
                if (method is null)
                    return;
                foreach (var argument in arguments)
                {
                    if (!argument.IsImplicit && argument.Parameter is { Name: "checkCertificateRevocation", Type.SpecialType: SpecialType.System_Boolean }
                        && argument.Value.ConstantValue is { HasValue: true, Value: false }
                        && method.IsInNamespaceOrChild("System.Net"))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), "checkCertificateRevocation: false"));
                    }
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }
}
