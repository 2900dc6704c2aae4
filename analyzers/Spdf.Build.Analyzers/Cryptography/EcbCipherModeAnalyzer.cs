using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1003: <c>CipherMode.ECB</c> (and the unauthenticated, malleable stream modes <c>OFB</c> and <c>CFB</c>) stored into a
/// cipher's <c>Mode</c> (or passed on), and the one-shot <c>EncryptEcb</c>/<c>TryEncryptEcb</c> APIs. Comparing a mode
/// with these values is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EcbCipherModeAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.EcbCipherMode,
        title: "Do not encrypt in ECB, OFB or CFB mode",
        messageFormat: "{0} is an insecure cipher mode ({1}); use AES-GCM (AesGcm) or another authenticated mode",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 327,
        description: "ECB encrypts equal plaintext blocks to equal ciphertext blocks, so structure (and often content) of the data " +
                     "shows through; OFB and CFB have no integrity protection. Use an authenticated mode: AesGcm, AesCcm or ChaCha20Poly1305.");

    private const string EcbWeakness = "equal plaintext blocks give equal ciphertext blocks";

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
            var weakness = reference.Field.Name switch
            {
                "ECB" => EcbWeakness,
                "OFB" or "CFB" => "no integrity: ciphertext bits can be flipped to change the plaintext",
                _ => null,
            };
            if (weakness is not null
                && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, cipherMode)
                && ValueFlow.IsStoredOrPassed(reference))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "CipherMode." + reference.Field.Name, weakness));
            }
        }, OperationKind.FieldReference);

        context.RegisterOperationAction(c =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is "EncryptEcb" or "TryEncryptEcb" && method.ContainingType.InheritsFromOrEquals(symmetricAlgorithm))
                c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name, EcbWeakness));
        }, OperationKind.Invocation);
    }
}
