using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1015: CBC encryption (<c>CipherMode.CBC</c> stored or passed, <c>EncryptCbc</c>/<c>TryEncryptCbc</c>) in a
/// method that computes no MAC (no HMAC type, <c>HMAC*.HashData</c> or <c>IncrementalHash.CreateHMAC</c>), in a
/// compilation where an AEAD cipher (<c>AesGcm</c>) is available. Heuristic: the MAC may be computed by a caller.
/// </summary>
public sealed class UnauthenticatedCbcEncryptionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UnauthenticatedCbcEncryption,
        title: "Do not encrypt with CBC without authentication when an AEAD cipher is available",
        messageFormat: "{0} encrypts in CBC mode and nothing in this method authenticates the ciphertext; use AesGcm (or encrypt-then-HMAC)",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Heuristic,
        cwe: 327,
        description: "CBC ciphertext without a MAC can be modified undetected and, with padding errors visible to an attacker, " +
                     "decrypted (padding oracle). AesGcm, AesCcm and ChaCha20Poly1305 encrypt and authenticate in one step.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = new DeferredCompilationValue<CbcTypes>(context.Compilation, CbcTypes.Create);

        // Two narrow actions that look at the rest of the member only at a CBC site (rare), instead of a block-start
        // action that builds per-member state and listens to every invocation of every member.
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var reference = (IFieldReferenceOperation)c.Operation;
            if (reference.Field.Name == "CBC"
                && types.Value is { } cbcTypes
                && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, cbcTypes.CipherMode)
                && ValueFlow.IsStoredOrPassed(reference))
            {
                ReportUnlessAuthenticated(c, reference, "CipherMode.CBC", cbcTypes.Macs);
            }
        }, OperationKind.FieldReference);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is "EncryptCbc" or "TryEncryptCbc"
                && types.Value is { } cbcTypes
                && method.ContainingType.InheritsFromOrEquals(cbcTypes.SymmetricAlgorithm))
            {
                ReportUnlessAuthenticated(c, invocation, method.Name, cbcTypes.Macs);
            }
        }, OperationKind.Invocation);
    }

    /// <summary>Reports the CBC site unless the member it is in (lambdas and local functions included) computes a MAC.</summary>
    private static void ReportUnlessAuthenticated(OperationAnalysisContext context, IOperation site, string name, MacTypes macs)
    {
        var root = site;
        while (root.Parent is { } parent)
            root = parent;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if ((operation is IInvocationOperation invocation && macs.IsMacInvocation(invocation.TargetMethod))
                || (operation is IObjectCreationOperation creation && macs.IsMacType(creation.Type)))
            {
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, site.Syntax.GetLocation(), name));
    }

    private sealed class CbcTypes
    {
        private CbcTypes(INamedTypeSymbol cipherMode, INamedTypeSymbol symmetricAlgorithm, MacTypes macs)
        {
            CipherMode = cipherMode;
            SymmetricAlgorithm = symmetricAlgorithm;
            Macs = macs;
        }

        public INamedTypeSymbol CipherMode { get; }

        public INamedTypeSymbol SymmetricAlgorithm { get; }

        public MacTypes Macs { get; }

        /// <summary>Null unless CBC, the cipher base type and an AEAD alternative (AesGcm) are all available.</summary>
        public static CbcTypes? Create(Compilation compilation)
        {
            var cipherMode = compilation.FindType("System.Security.Cryptography.CipherMode");
            var symmetricAlgorithm = compilation.FindType("System.Security.Cryptography.SymmetricAlgorithm");
            if (cipherMode is null || symmetricAlgorithm is null || compilation.FindType("System.Security.Cryptography.AesGcm") is null)
                return null;
            return new CbcTypes(cipherMode, symmetricAlgorithm, new MacTypes(
                compilation.FindType("System.Security.Cryptography.KeyedHashAlgorithm"),
                compilation.FindType("System.Security.Cryptography.IncrementalHash")));
        }
    }

    private sealed class MacTypes
    {
        private readonly INamedTypeSymbol? _keyedHashAlgorithm;
        private readonly INamedTypeSymbol? _incrementalHash;

        public MacTypes(INamedTypeSymbol? keyedHashAlgorithm, INamedTypeSymbol? incrementalHash)
        {
            _keyedHashAlgorithm = keyedHashAlgorithm;
            _incrementalHash = incrementalHash;
        }

        public bool IsMacType(ITypeSymbol? type) => _keyedHashAlgorithm is not null && type.InheritsFromOrEquals(_keyedHashAlgorithm);

        public bool IsMacInvocation(IMethodSymbol method)
            => IsMacType(method.ContainingType)
               || (method.Name == "CreateHMAC" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _incrementalHash));
    }
}
