using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
        var types = new DeferredCompilationValue<CipherModeTypes>(context.Compilation, CipherModeTypes.Create);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var reference = (IFieldReferenceOperation)c.Operation;
            if (types.Value is not { } cipherTypes)
                return;
            var weakness = reference.Field.Name switch
            {
                "ECB" => EcbWeakness,
                "OFB" or "CFB" => "no integrity: ciphertext bits can be flipped to change the plaintext",
                _ => null,
            };
            if (weakness is not null
                && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, cipherTypes.CipherMode)
                && ValueFlow.IsStoredOrPassed(reference))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "CipherMode." + reference.Field.Name, weakness));
            }
        }, OperationKind.FieldReference);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is "EncryptEcb" or "TryEncryptEcb" && types.Value is { } cipherTypes && method.ContainingType.InheritsFromOrEquals(cipherTypes.SymmetricAlgorithm))
                c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name, EcbWeakness));
        }, OperationKind.Invocation);
    }

    private sealed class CipherModeTypes
    {
        private CipherModeTypes(INamedTypeSymbol cipherMode, INamedTypeSymbol symmetricAlgorithm)
        {
            CipherMode = cipherMode;
            SymmetricAlgorithm = symmetricAlgorithm;
        }

        public INamedTypeSymbol CipherMode { get; }

        public INamedTypeSymbol SymmetricAlgorithm { get; }

        public static CipherModeTypes? Create(Compilation compilation)
            => compilation.FindType("System.Security.Cryptography.CipherMode") is { } cipherMode
               && compilation.FindType("System.Security.Cryptography.SymmetricAlgorithm") is { } symmetricAlgorithm
                ? new CipherModeTypes(cipherMode, symmetricAlgorithm)
                : null;
    }
}
