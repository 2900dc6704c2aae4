using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
        var symmetricAlgorithm = new DeferredCompilationValue<INamedTypeSymbol>(
            context.Compilation, compilation => compilation.FindType("System.Security.Cryptography.SymmetricAlgorithm"));

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "IV" } property
                && property.Property.ContainingType.InheritsFromOrEquals(symmetricAlgorithm.Value)
                && HardCodedData.IsHardCoded(assignment.Value))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), "IV", property.Property.ContainingType.Name + ".IV"));
            }
        }, OperationKind.SimpleAssignment);

        // IVs and nonces are only parameters of methods: one check of the method name per call, not one per argument.
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (!IsEncryptingMethodName(method.Name) || !method.IsInNamespaceOrChild("System.Security.Cryptography") || symmetricAlgorithm.Value is null)
                return;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && IsIvParameter(method, parameter) && HardCodedData.IsHardCoded(argument.Value))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), parameter.Name == "nonce" ? "nonce" : "IV", method.ContainingType.Name + "." + method.Name));
                }
            }
        }, OperationKind.Invocation);
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool IsEncryptingMethodName(string name)
        => name is "CreateEncryptor" or "EncryptCbc" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptCfb" or "Encrypt";

    [MethodImpl(HotPath.Optimize)]
    private static bool IsIvParameter(IMethodSymbol method, IParameterSymbol parameter)
        => parameter.Name is "rgbIV" or "iv" or "nonce" && (method.Name != "Encrypt" || parameter.Name == "nonce");
}
