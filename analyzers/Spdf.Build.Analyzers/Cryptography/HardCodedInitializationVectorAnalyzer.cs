using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1004: a hard-coded IV or nonce (see <see cref="HardCodedData"/>) set on a cipher (<c>aes.IV = ...</c>) or
/// passed to an encrypting API: <c>CreateEncryptor(key, iv)</c>, <c>EncryptCbc/EncryptCfb(..., iv)</c>,
/// <c>AesGcm/AesCcm/ChaCha20Poly1305.Encrypt(nonce, ...)</c>. IVs read from data, generated at run time or
/// derived from a KDF are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedInitializationVectorAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.HardCodedInitializationVector,
        title: "Do not use a hard-coded IV or nonce",
        messageFormat: "The {0} passed to {1} is hard-coded; generate a fresh one per message with RandomNumberGenerator",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 329,
        description: "A constant IV makes CBC deterministic (equal plaintexts give equal ciphertexts); reusing a nonce with AES-GCM, " +
                     "AES-CCM or ChaCha20-Poly1305 under one key reveals the XOR of plaintexts and lets an attacker forge tags. " +
                     "Generate a random IV or a unique nonce for every encryption and send it with the ciphertext.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symmetricAlgorithm = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
        if (symmetricAlgorithm is null)
            return;

        context.RegisterOperationAction(c =>
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "IV" } property
                && property.Property.ContainingType.InheritsFromOrEquals(symmetricAlgorithm)
                && HardCodedData.IsHardCoded(assignment.Value))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), "IV", property.Property.ContainingType.Name + ".IV"));
            }
        }, OperationKind.SimpleAssignment);

        context.RegisterOperationAction(c =>
        {
            var argument = (IArgumentOperation)c.Operation;
            if (argument.Parameter is not { } parameter || !IsIvParameter(parameter))
                return;
            if (HardCodedData.IsHardCoded(argument.Value))
            {
                var method = (IMethodSymbol)parameter.ContainingSymbol;
                c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), parameter.Name == "nonce" ? "nonce" : "IV", method.ContainingType.Name + "." + method.Name));
            }
        }, OperationKind.Argument);
    }

    private static bool IsIvParameter(IParameterSymbol parameter)
    {
        if (parameter.Name is not ("rgbIV" or "iv" or "nonce") || parameter.ContainingSymbol is not IMethodSymbol method)
            return false;
        var isEncryptingMethod = method.Name is "CreateEncryptor" or "EncryptCbc" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptCfb"
                                 || (method.Name == "Encrypt" && parameter.Name == "nonce");
        return isEncryptingMethod && method.IsInNamespaceOrChild("System.Security.Cryptography");
    }
}
