using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1002: DES, Triple DES and RC2 through constructors and static factories (also of derived types such as
/// <c>DESCryptoServiceProvider</c>), and DES, 3DES, RC2 or RC4 requested by name from <c>SymmetricAlgorithm.Create</c>
/// or <c>CryptoConfig.CreateFromName</c>.
/// </summary>
public sealed class BrokenCipherAlgorithmAnalyzer : DiagnosticAnalyzer
{
    internal const string FormProperty = "Form";
    internal const string FormCreation = "Creation";
    internal const string FormStaticMember = "StaticMember";
    internal const string FormAlgorithmName = "AlgorithmName";

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.BrokenCipherAlgorithm,
        title: "Do not use a broken or weak cipher",
        messageFormat: "{0} is a broken or weak cipher; use AES (AES-GCM where possible)",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 327,
        description: "DES has a 56-bit key, Triple DES a 64-bit block (Sweet32) and is withdrawn by NIST, RC2 and RC4 are broken. " +
                     "Encrypt with AES, preferably an authenticated mode (AesGcm, AesCcm) or ChaCha20Poly1305.");

    private static readonly Dictionary<string, string> CipherNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DES"] = "DES",
        ["System.Security.Cryptography.DES"] = "DES",
        ["DESCryptoServiceProvider"] = "DES",
        ["System.Security.Cryptography.DESCryptoServiceProvider"] = "DES",
        ["3DES"] = "Triple DES",
        ["TripleDES"] = "Triple DES",
        ["Triple DES"] = "Triple DES",
        ["System.Security.Cryptography.TripleDES"] = "Triple DES",
        ["TripleDESCryptoServiceProvider"] = "Triple DES",
        ["System.Security.Cryptography.TripleDESCryptoServiceProvider"] = "Triple DES",
        ["http://www.w3.org/2001/04/xmlenc#tripledes-cbc"] = "Triple DES",
        ["RC2"] = "RC2",
        ["System.Security.Cryptography.RC2"] = "RC2",
        ["RC2CryptoServiceProvider"] = "RC2",
        ["System.Security.Cryptography.RC2CryptoServiceProvider"] = "RC2",
        ["RC4"] = "RC4",
        ["ARCFOUR"] = "RC4",
        ["ARC4"] = "RC4",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = new DeferredCompilationValue<CipherTypes>(context.Compilation, CipherTypes.Create);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var creation = (IObjectCreationOperation)c.Operation;
            if (types.Value?.CipherOf(creation.Type) is { } name)
                Report(c, creation.Syntax, name, FormCreation);
        }, OperationKind.ObjectCreation);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic || types.Value is not { } cipherTypes)
                return;

            if (cipherTypes.CipherOf(method.ContainingType) is { } name)
                Report(c, invocation.Syntax, name, FormStaticMember);
            else if (method.Name is "Create" or "CreateFromName")
                AnalyzeNameFactoryCall(c, invocation, cipherTypes);
        }, OperationKind.Invocation);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeNameFactoryCall(OperationAnalysisContext context, IInvocationOperation invocation, CipherTypes cipherTypes)
    {
        if (invocation.Arguments.Length > 0
            && cipherTypes.IsNameFactory(invocation.TargetMethod.ContainingType)
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string algorithmName }
            && CipherNames.TryGetValue(algorithmName.Trim(), out var cipher))
        {
            Report(context, invocation.Arguments[0].Value.Syntax, cipher, FormAlgorithmName);
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string cipher, string form)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FormProperty, form);
        context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), properties, cipher));
    }

    private sealed class CipherTypes
    {
        private readonly Dictionary<INamedTypeSymbol, string> _brokenTypes;
        private readonly string[] _brokenTypeNames;
        private readonly INamedTypeSymbol _symmetricAlgorithm;
        private readonly INamedTypeSymbol? _cryptoConfig;

        private CipherTypes(Dictionary<INamedTypeSymbol, string> brokenTypes, INamedTypeSymbol symmetricAlgorithm, INamedTypeSymbol? cryptoConfig)
        {
            _brokenTypes = brokenTypes;
            _brokenTypeNames = brokenTypes.Keys.Select(type => type.Name).ToArray();
            _symmetricAlgorithm = symmetricAlgorithm;
            _cryptoConfig = cryptoConfig;
        }

        public static CipherTypes? Create(Compilation compilation)
        {
            var symmetricAlgorithm = compilation.FindType("System.Security.Cryptography.SymmetricAlgorithm");
            if (symmetricAlgorithm is null)
                return null;

            var brokenTypes = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            Add("System.Security.Cryptography.DES", "DES");
            Add("System.Security.Cryptography.TripleDES", "Triple DES");
            Add("System.Security.Cryptography.RC2", "RC2");
            return new CipherTypes(brokenTypes, symmetricAlgorithm, compilation.FindType("System.Security.Cryptography.CryptoConfig"));

            void Add(string metadataName, string displayName)
            {
                if (compilation.FindType(metadataName) is { } type)
                    brokenTypes[type] = displayName;
            }
        }

        /// <summary>
        /// The broken cipher <paramref name="type"/> is or derives from. Asked for every object creation and static call: the
        /// walk stops at a class derived from <c>object</c> (and never enters a struct, enum or delegate), which no broken
        /// cipher is, since each derives from <c>SymmetricAlgorithm</c>; most types end the walk there at once. The name is
        /// compared before the lookup, which hashes the type.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public string? CipherOf(ITypeSymbol? type)
        {
            for (var current = type as INamedTypeSymbol; current is { BaseType.SpecialType: SpecialType.None }; current = current.BaseType)
            {
                if (NameList.Contains(_brokenTypeNames, current.Name) && _brokenTypes.TryGetValue(current, out var name))
                    return name;
            }

            return null;
        }

        public bool IsNameFactory(INamedTypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(type, _symmetricAlgorithm) || SymbolEqualityComparer.Default.Equals(type, _cryptoConfig);
    }
}
