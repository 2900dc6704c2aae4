using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1003: <c>CipherMode.ECB</c> stored into a cipher's <c>Mode</c> (or passed on), and the one-shot
/// <c>EncryptEcb</c>/<c>TryEncryptEcb</c> APIs. Comparing a mode with <c>CipherMode.ECB</c> is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EcbCipherModeAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.EcbCipherMode,
        title: "Do not encrypt in ECB mode",
        messageFormat: "{0} encrypts in ECB mode, which leaks patterns of the plaintext; use AES-GCM (AesGcm) or another authenticated mode",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 327,
        description: "ECB encrypts equal plaintext blocks to equal ciphertext blocks, so structure (and often content) of the data " +
                     "shows through. Use an authenticated mode: AesGcm, AesCcm or ChaCha20Poly1305.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var cipherMode = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
        var symmetricAlgorithm = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
        if (cipherMode is null || symmetricAlgorithm is null)
            return;

        context.RegisterOperationAction(c =>
        {
            var reference = (IFieldReferenceOperation)c.Operation;
            if (reference.Field.Name == "ECB"
                && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, cipherMode)
                && ValueFlow.IsStoredOrPassed(reference))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "CipherMode.ECB"));
            }
        }, OperationKind.FieldReference);

        context.RegisterOperationAction(c =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is "EncryptEcb" or "TryEncryptEcb" && method.ContainingType.InheritsFromOrEquals(symmetricAlgorithm))
                c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name));
        }, OperationKind.Invocation);
    }
}
