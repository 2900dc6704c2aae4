using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1006: RSA keys below 2048 bits (constructor, <c>RSA.Create(int)</c>, <c>KeySize</c> set later, and
/// <c>new RSACryptoServiceProvider()</c>, whose default is 1024 bits, unless a key is imported in the same member), any DSA key,
/// and elliptic curves below 256 bits (named-curve properties, curve names and OIDs, <c>KeySize</c>).
/// </summary>
public sealed class InsufficientKeySizeAnalyzer : DiagnosticAnalyzer
{
    internal const string FixableProperty = "FixableRsaKeySize";
    internal const int MinimumRsaBits = 2048;
    internal const int MinimumEcBits = 256;

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.InsufficientKeySize,
        title: "Use a sufficient key size",
        messageFormat: "{0}",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 326,
        description: "RSA below 2048 bits and elliptic curves below 256 bits are below the 112-bit security level NIST SP 800-131A " +
                     "requires; DSA is no longer approved for signing (FIPS 186-5). Use RSA with 3072 bits or more, or ECDSA/ECDH on P-256 or stronger.");

    private static readonly Regex CurveBits = new(@"^(?:secp|sect|prime|brainpoolP|nistP|P-|ansip|c2pnb|c2tnb|c2onb|wap-wsg-idm-ecid-wtls)(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly HashSet<string> WeakCurveOids = new(StringComparer.Ordinal)
    {
        "1.2.840.10045.3.1.1", "1.2.840.10045.3.1.2", "1.2.840.10045.3.1.3", "1.2.840.10045.3.1.4", "1.2.840.10045.3.1.5", "1.2.840.10045.3.1.6",
        "1.3.132.0.6", "1.3.132.0.7", "1.3.132.0.8", "1.3.132.0.9", "1.3.132.0.28", "1.3.132.0.29", "1.3.132.0.30", "1.3.132.0.31",
        "1.3.132.0.32", "1.3.132.0.33",
        "1.3.36.3.3.2.8.1.1.1", "1.3.36.3.3.2.8.1.1.2", "1.3.36.3.3.2.8.1.1.3", "1.3.36.3.3.2.8.1.1.4", "1.3.36.3.3.2.8.1.1.5", "1.3.36.3.3.2.8.1.1.6",
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
        var types = new DeferredCompilationValue<KeyTypes>(context.Compilation, KeyTypes.Create);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (types.Value is { } keyTypes)
                AnalyzeCreation(c, keyTypes);
        }, OperationKind.ObjectCreation);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (((IInvocationOperation)c.Operation).TargetMethod is { IsStatic: true, Name: "Create" or "CreateFromFriendlyName" or "CreateFromValue" or "CreateFromOid" }
                && types.Value is { } keyTypes)
            {
                AnalyzeInvocation(c, keyTypes);
            }
        }, OperationKind.Invocation);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (((ISimpleAssignmentOperation)c.Operation).Target is IPropertyReferenceOperation { Property.Name: "KeySize" } && types.Value is { } keyTypes)
                AnalyzeAssignment(c, keyTypes);
        }, OperationKind.SimpleAssignment);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            // Named curves are static properties; instance property reads (most of them) are rejected first.
            if (((IPropertyReferenceOperation)c.Operation).Property.IsStatic && types.Value is { } keyTypes)
                AnalyzeNamedCurve(c, keyTypes);
        }, OperationKind.PropertyReference);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeCreation(OperationAnalysisContext context, KeyTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (types.AsymmetricAlgorithm is null || creation.Type.InheritsFromOrEquals(types.AsymmetricAlgorithm))
            AnalyzeAsymmetricAlgorithmCreation(context, creation, types);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeAsymmetricAlgorithmCreation(OperationAnalysisContext context, IObjectCreationOperation creation, KeyTypes types)
    {
        if (creation.Type.InheritsFromOrEquals(types.Dsa))
        {
            ReportDsa(context, creation.Syntax);
            return;
        }

        var bits = KeySizeArgument(creation.Arguments);
        if (bits is null)
        {
            if (creation.Arguments.Length == 0 && IsRsaCryptoServiceProvider(creation.Type) && !ImportsKeyInSameMember(creation))
                Report(context, creation.Syntax, "RSACryptoServiceProvider without a key size generates 1024-bit keys; use RSA.Create(3072)", fixable: false);
            return;
        }

        if (creation.Type.InheritsFromOrEquals(types.Rsa))
            CheckRsa(context, bits);
        else if (types.IsEllipticCurve(creation.Type))
            CheckEc(context, bits);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KeyTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.IsStatic)
            return;

        if (method.Name == "Create" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Dsa))
        {
            ReportDsa(context, invocation.Syntax);
        }
        else if (method.Name == "Create" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Rsa))
        {
            if (KeySizeArgument(invocation.Arguments) is { } bits)
                CheckRsa(context, bits);
        }
        else if (method.Name is "CreateFromFriendlyName" or "CreateFromValue" or "CreateFromOid"
                 && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.EcCurve)
                 && invocation.Arguments.Length == 1
                 && invocation.Arguments[0].Value.WalkDownConversions() is var argument
                 && argument.ConstantValue is { HasValue: true, Value: string name }
                 && WeakCurveBits(name) is { } curveBits)
        {
            Report(context, argument.Syntax, $"The elliptic curve '{name}' has {curveBits} bits; use P-256 or stronger", fixable: false);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KeyTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "KeySize" } property
            || assignment.Value.ConstantValue is not { HasValue: true, Value: int bits })
        {
            return;
        }

        var receiverType = property.Instance?.Type ?? property.Property.ContainingType;
        var value = new KeySize(bits, assignment.Value);
        if (receiverType.InheritsFromOrEquals(types.Rsa))
            CheckRsa(context, value);
        else if (types.IsEllipticCurve(receiverType))
            CheckEc(context, value);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeNamedCurve(OperationAnalysisContext context, KeyTypes types)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.IsStatic
            && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, types.NamedCurves)
            && WeakCurveBits(reference.Property.Name) is { } bits)
        {
            Report(context, reference.Syntax, $"The elliptic curve '{reference.Property.Name}' has {bits} bits; use P-256 or stronger", fixable: false);
        }
    }

    private static bool IsRsaCryptoServiceProvider(ITypeSymbol? type)
        => type is { Name: "RSACryptoServiceProvider" } && type.IsInNamespace("System.Security.Cryptography");

    /// <summary>A key imported into the provider replaces the default one before it is generated (generation is lazy).</summary>
    private static bool ImportsKeyInSameMember(IOperation creation)
    {
        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is IInvocationOperation { Instance: not null } invocation
                && (invocation.TargetMethod.Name.StartsWith("Import", StringComparison.Ordinal) || invocation.TargetMethod.Name == "FromXmlString")
                && invocation.TargetMethod.IsInNamespace("System.Security.Cryptography"))
            {
                return true;
            }
        }

        return false;
    }

    private static KeySize? KeySizeArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Int32 } parameter
                && parameter.Name.IndexOf("keysize", StringComparison.OrdinalIgnoreCase) >= 0
                && argument.Value.ConstantValue is { HasValue: true, Value: int bits })
            {
                return new KeySize(bits, argument.Value);
            }
        }

        return null;
    }

    private static void CheckRsa(OperationAnalysisContext context, KeySize size)
    {
        if (size.Bits < MinimumRsaBits)
            Report(context, size.Value.Syntax, $"RSA with {size.Bits}-bit keys is too weak; use 3072 bits or more", fixable: true);
    }

    private static void CheckEc(OperationAnalysisContext context, KeySize size)
    {
        if (size.Bits < MinimumEcBits)
            Report(context, size.Value.Syntax, $"Elliptic-curve keys of {size.Bits} bits are too weak; use P-256 or stronger", fixable: false);
    }

    private static void ReportDsa(OperationAnalysisContext context, SyntaxNode node)
        => Report(context, node, "DSA is no longer approved for digital signatures (FIPS 186-5); use ECDSA (P-256 or stronger) or RSA with 3072 bits or more", fixable: false);

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string message, bool fixable)
    {
        var properties = fixable ? ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), properties, message));
    }

    internal static int? WeakCurveBits(string name)
    {
        if (WeakCurveOids.Contains(name.Trim()))
            return name.StartsWith("1.3.132.0.3", StringComparison.Ordinal) ? 224 : 192;
        var match = CurveBits.Match(name.Trim());
        if (match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits < MinimumEcBits)
            return bits;
        return null;
    }

    private sealed class KeySize
    {
        public KeySize(int bits, IOperation value)
        {
            Bits = bits;
            Value = value;
        }

        public int Bits { get; }

        public IOperation Value { get; }
    }

    private sealed class KeyTypes
    {
        public KeyTypes(INamedTypeSymbol? asymmetricAlgorithm, INamedTypeSymbol rsa, INamedTypeSymbol? dsa, INamedTypeSymbol? ecdsa, INamedTypeSymbol? ecdh, INamedTypeSymbol? ecCurve, INamedTypeSymbol? namedCurves)
        {
            AsymmetricAlgorithm = asymmetricAlgorithm;
            Rsa = rsa;
            Dsa = dsa;
            EcDsa = ecdsa;
            EcDiffieHellman = ecdh;
            EcCurve = ecCurve;
            NamedCurves = namedCurves;
        }

        /// <summary>The base of every key type this rule sizes: other object creations are rejected on one base-type walk.</summary>
        public INamedTypeSymbol? AsymmetricAlgorithm { get; }

        public INamedTypeSymbol Rsa { get; }

        public INamedTypeSymbol? Dsa { get; }

        public INamedTypeSymbol? EcDsa { get; }

        public INamedTypeSymbol? EcDiffieHellman { get; }

        public INamedTypeSymbol? EcCurve { get; }

        public INamedTypeSymbol? NamedCurves { get; }

        public static KeyTypes? Create(Compilation compilation)
        {
            var rsa = compilation.FindType("System.Security.Cryptography.RSA");
            return rsa is null
                ? null
                : new KeyTypes(
                    compilation.FindType("System.Security.Cryptography.AsymmetricAlgorithm"),
                    rsa,
                    compilation.FindType("System.Security.Cryptography.DSA"),
                    compilation.FindType("System.Security.Cryptography.ECDsa"),
                    compilation.FindType("System.Security.Cryptography.ECDiffieHellman"),
                    compilation.FindType("System.Security.Cryptography.ECCurve"),
                    compilation.FindType("System.Security.Cryptography.ECCurve+NamedCurves"));
        }

        public bool IsEllipticCurve(ITypeSymbol? type) => type.InheritsFromOrEquals(EcDsa) || type.InheritsFromOrEquals(EcDiffieHellman);
    }
}
