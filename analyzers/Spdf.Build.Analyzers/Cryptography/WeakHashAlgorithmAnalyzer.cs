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
/// SPDF1001: MD5, SHA-1, RIPEMD-160 and HMACs over them, reached through constructors, static factories and
/// one-shot helpers of the algorithm types, name-based factories (<c>HashAlgorithm.Create("MD5")</c>,
/// <c>CryptoConfig.CreateFromName</c>) and <c>HashAlgorithmName.MD5/SHA1</c> passed to hashing, signing and verification APIs.
/// </summary>
public sealed class WeakHashAlgorithmAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property telling the code fix which syntactic form was reported.</summary>
    internal const string FormProperty = "Form";
    internal const string KeyedProperty = "Keyed";

    internal const string FormCreation = "Creation";
    internal const string FormStaticMember = "StaticMember";
    internal const string FormAlgorithmNameString = "AlgorithmNameString";
    internal const string FormHashAlgorithmName = "HashAlgorithmName";

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.WeakHashAlgorithm,
        title: "Do not use a broken hash algorithm",
        messageFormat: "{0} is a broken hash algorithm; use SHA-256 or stronger",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 328,
        description: "MD5, SHA-1 and RIPEMD-160 have practical collision attacks and must not protect integrity, " +
                     "authenticity or secrets. Use SHA-256 or stronger. For non-security uses (legacy checksums) " +
                     "list the member in 'spdf.SPDF1001.allowed_symbols' in .editorconfig.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = new DeferredCompilationValue<WeakHashTypes>(context.Compilation, WeakHashTypes.Create);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            if (types.Value is { } weakHashTypes)
                AnalyzeObjectCreation(c, weakHashTypes);
        }, OperationKind.ObjectCreation);
        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var method = ((IInvocationOperation)c.Operation).TargetMethod;
            if (MayReport(method) && types.Value is { } weakHashTypes)
                AnalyzeInvocation(c, weakHashTypes);
        }, OperationKind.Invocation);
    }

    /// <summary>
    /// The calls <see cref="AnalyzeInvocation"/> can report, told apart by names before the namespace is walked (that walk,
    /// for every call, was most of this rule's time): static methods of a class derived from something other than
    /// <c>object</c> (<c>MD5.HashData</c>, <c>HMAC.Create</c>, a user's <c>LegacyDigest : MD5</c>); static methods of the
    /// four object-derived entry classes (<c>HashAlgorithm.Create</c>, <c>CryptoConfig.CreateFromName</c>,
    /// <c>IncrementalHash.CreateHash</c>, <c>CryptographicOperations.HashData</c>); and instance <c>Sign*</c>/<c>Verify*</c>
    /// methods (RSA, ECDsa, DSA). LINQ, <c>Math</c> and most instance calls fail at the first test.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static bool MayReport(IMethodSymbol method)
    {
        if (method.IsStatic)
        {
            var type = method.ContainingType;
            return type.BaseType is { SpecialType: SpecialType.None }
                   || type.Name is "HashAlgorithm" or "CryptoConfig" or "IncrementalHash" or "CryptographicOperations"
                   && type.IsInNamespace("System.Security.Cryptography");
        }

        var name = method.Name;
        return (name.StartsWith("Sign", StringComparison.Ordinal) || name.StartsWith("Verify", StringComparison.Ordinal))
               && method.IsInNamespaceOrChild("System.Security.Cryptography");
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeObjectCreation(OperationAnalysisContext context, WeakHashTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var algorithm = types.AlgorithmOf(creation.Type);
        if (algorithm is not null)
            Report(context, creation.Syntax, algorithm, FormCreation);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeInvocation(OperationAnalysisContext context, WeakHashTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;

        if (method.IsStatic && types.AlgorithmOf(method.ContainingType) is { } algorithm)
        {
            Report(context, invocation.Syntax, algorithm, FormStaticMember);
            return;
        }

        if (types.IsNameBasedFactory(method))
            AnalyzeAlgorithmNameString(context, invocation);
        else if (types.IsHashingApiTakingAlgorithmName(method))
            AnalyzeHashAlgorithmNameArguments(context, invocation, types);
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeAlgorithmNameString(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
            && WeakHashTypes.AlgorithmOfName(name) is { } named)
        {
            Report(context, invocation.Arguments[0].Value.Syntax, named, FormAlgorithmNameString);
        }
    }

    [MethodImpl(HotPath.Cold)]
    private static void AnalyzeHashAlgorithmNameArguments(OperationAnalysisContext context, IInvocationOperation invocation, WeakHashTypes types)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (types.AlgorithmOfHashAlgorithmName(argument.Value) is { } byName)
                Report(context, argument.Value.Syntax, byName, FormHashAlgorithmName);
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, WeakAlgorithm algorithm, string form)
    {
        var allowList = AllowListOption.Read(context.Options, node.SyntaxTree, DiagnosticIds.WeakHashAlgorithm);
        if (allowList.Allows(context.ContainingSymbol))
            return;

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(FormProperty, form)
            .Add(KeyedProperty, algorithm.IsKeyed ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), properties, algorithm.DisplayName));
    }
}

internal sealed class WeakAlgorithm
{
    public static readonly WeakAlgorithm Md5 = new("MD5", isKeyed: false);
    public static readonly WeakAlgorithm Sha1 = new("SHA-1", isKeyed: false);
    public static readonly WeakAlgorithm Ripemd160 = new("RIPEMD-160", isKeyed: false);
    public static readonly WeakAlgorithm HmacMd5 = new("HMAC-MD5", isKeyed: true);
    public static readonly WeakAlgorithm HmacSha1 = new("HMAC-SHA1", isKeyed: true);
    public static readonly WeakAlgorithm HmacRipemd160 = new("HMAC-RIPEMD-160", isKeyed: true);

    private WeakAlgorithm(string displayName, bool isKeyed)
    {
        DisplayName = displayName;
        IsKeyed = isKeyed;
    }

    public string DisplayName { get; }

    public bool IsKeyed { get; }
}

/// <summary>The weak algorithm types present in one compilation, looked up once.</summary>
internal sealed class WeakHashTypes
{
    private static readonly Dictionary<string, WeakAlgorithm> AlgorithmNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MD5"] = WeakAlgorithm.Md5,
        ["System.Security.Cryptography.MD5"] = WeakAlgorithm.Md5,
        ["MD5CryptoServiceProvider"] = WeakAlgorithm.Md5,
        ["System.Security.Cryptography.MD5CryptoServiceProvider"] = WeakAlgorithm.Md5,
        ["System.Security.Cryptography.MD5Cng"] = WeakAlgorithm.Md5,
        ["http://www.w3.org/2001/04/xmldsig-more#md5"] = WeakAlgorithm.Md5,
        ["SHA"] = WeakAlgorithm.Sha1,
        ["SHA1"] = WeakAlgorithm.Sha1,
        ["SHA-1"] = WeakAlgorithm.Sha1,
        ["System.Security.Cryptography.SHA1"] = WeakAlgorithm.Sha1,
        ["SHA1CryptoServiceProvider"] = WeakAlgorithm.Sha1,
        ["System.Security.Cryptography.SHA1CryptoServiceProvider"] = WeakAlgorithm.Sha1,
        ["SHA1Managed"] = WeakAlgorithm.Sha1,
        ["System.Security.Cryptography.SHA1Managed"] = WeakAlgorithm.Sha1,
        ["System.Security.Cryptography.SHA1Cng"] = WeakAlgorithm.Sha1,
        ["http://www.w3.org/2000/09/xmldsig#sha1"] = WeakAlgorithm.Sha1,
        ["RIPEMD160"] = WeakAlgorithm.Ripemd160,
        ["RIPEMD-160"] = WeakAlgorithm.Ripemd160,
        ["System.Security.Cryptography.RIPEMD160"] = WeakAlgorithm.Ripemd160,
        ["RIPEMD160Managed"] = WeakAlgorithm.Ripemd160,
        ["System.Security.Cryptography.RIPEMD160Managed"] = WeakAlgorithm.Ripemd160,
        ["http://www.w3.org/2001/04/xmlenc#ripemd160"] = WeakAlgorithm.Ripemd160,
        ["HMACMD5"] = WeakAlgorithm.HmacMd5,
        ["System.Security.Cryptography.HMACMD5"] = WeakAlgorithm.HmacMd5,
        ["http://www.w3.org/2001/04/xmldsig-more#hmac-md5"] = WeakAlgorithm.HmacMd5,
        ["HMACSHA1"] = WeakAlgorithm.HmacSha1,
        ["System.Security.Cryptography.HMACSHA1"] = WeakAlgorithm.HmacSha1,
        ["http://www.w3.org/2000/09/xmldsig#hmac-sha1"] = WeakAlgorithm.HmacSha1,
        ["HMACRIPEMD160"] = WeakAlgorithm.HmacRipemd160,
        ["System.Security.Cryptography.HMACRIPEMD160"] = WeakAlgorithm.HmacRipemd160,
    };

    private readonly Dictionary<INamedTypeSymbol, WeakAlgorithm> _weakTypes;
    private readonly string[] _weakTypeNames;
    private readonly ImmutableArray<INamedTypeSymbol> _nameBasedFactoryTypes;
    private readonly INamedTypeSymbol? _hashAlgorithmName;
    private readonly INamedTypeSymbol? _incrementalHash;
    private readonly INamedTypeSymbol? _cryptographicOperations;
    private readonly INamedTypeSymbol? _asymmetricAlgorithm;

    private WeakHashTypes(Compilation compilation, Dictionary<INamedTypeSymbol, WeakAlgorithm> weakTypes)
    {
        _weakTypes = weakTypes;
        _weakTypeNames = weakTypes.Keys.Select(type => type.Name).ToArray();
        var factories = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in new[] { WellKnownTypeNames.HashAlgorithm, WellKnownTypeNames.KeyedHashAlgorithm, WellKnownTypeNames.Hmac, WellKnownTypeNames.CryptoConfig })
        {
            if (compilation.FindType(name) is { } type)
                factories.Add(type);
        }

        _nameBasedFactoryTypes = factories.ToImmutable();
        _hashAlgorithmName = compilation.FindType(WellKnownTypeNames.HashAlgorithmName);
        _incrementalHash = compilation.FindType(WellKnownTypeNames.IncrementalHash);
        _cryptographicOperations = compilation.FindType("System.Security.Cryptography.CryptographicOperations");
        _asymmetricAlgorithm = compilation.FindType("System.Security.Cryptography.AsymmetricAlgorithm");
    }

    /// <summary>Returns null when the compilation references none of the hashing types.</summary>
    public static WeakHashTypes? Create(Compilation compilation)
    {
        var weakTypes = new Dictionary<INamedTypeSymbol, WeakAlgorithm>(SymbolEqualityComparer.Default);
        Add(WellKnownTypeNames.Md5, WeakAlgorithm.Md5);
        Add(WellKnownTypeNames.Sha1, WeakAlgorithm.Sha1);
        Add(WellKnownTypeNames.Ripemd160, WeakAlgorithm.Ripemd160);
        Add(WellKnownTypeNames.HmacMd5, WeakAlgorithm.HmacMd5);
        Add(WellKnownTypeNames.HmacSha1, WeakAlgorithm.HmacSha1);
        Add(WellKnownTypeNames.HmacRipemd160, WeakAlgorithm.HmacRipemd160);

        if (weakTypes.Count == 0 && compilation.FindType(WellKnownTypeNames.CryptoConfig) is null)
            return null;

        return new WeakHashTypes(compilation, weakTypes);

        void Add(string metadataName, WeakAlgorithm algorithm)
        {
            if (compilation.FindType(metadataName) is { } type)
                weakTypes[type] = algorithm;
        }
    }

    public static WeakAlgorithm? AlgorithmOfName(string name)
        => AlgorithmNames.TryGetValue(name.Trim(), out var algorithm) ? algorithm : null;

    /// <summary>
    /// The weak algorithm <paramref name="type"/> is or derives from (e.g. <c>SHA1Managed</c> → SHA-1). Asked for every
    /// object creation: the walk stops at a class derived from <c>object</c> (and never enters a struct, enum or
    /// delegate), which no weak algorithm is, since each derives from <c>HashAlgorithm</c>; the name is compared before
    /// the lookup, which hashes the type.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public WeakAlgorithm? AlgorithmOf(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is { BaseType.SpecialType: SpecialType.None }; current = current.BaseType)
        {
            if (NameList.Contains(_weakTypeNames, current.Name) && _weakTypes.TryGetValue(current, out var algorithm))
            {
                return algorithm;
            }
        }

        return null;
    }

    public bool IsNameBasedFactory(IMethodSymbol method)
        => method.IsStatic
           && method.Name is "Create" or "CreateFromName"
           && method.Parameters.Length > 0
           && method.Parameters[0].Type.SpecialType == SpecialType.System_String
           && _nameBasedFactoryTypes.Contains(method.ContainingType, SymbolEqualityComparer.Default);

    /// <summary>
    /// <c>IncrementalHash</c>, <c>CryptographicOperations.HashData</c>, and the signing and verification methods of RSA, ECDsa
    /// and DSA (<c>SignData</c>, <c>VerifyData</c>, <c>SignHash</c>, <c>VerifyHash</c>), whose hash decides what the signature
    /// protects. Key derivation (<c>Rfc2898DeriveBytes</c>, <c>HKDF</c>) is SPDF1007's.
    /// </summary>
    public bool IsHashingApiTakingAlgorithmName(IMethodSymbol method)
        => _hashAlgorithmName is not null
           && (SymbolEqualityComparer.Default.Equals(method.ContainingType, _incrementalHash)
               || SymbolEqualityComparer.Default.Equals(method.ContainingType, _cryptographicOperations)
               || IsSignatureMethod(method));

    private bool IsSignatureMethod(IMethodSymbol method)
        => !method.IsStatic
           && (method.Name.StartsWith("Sign", StringComparison.Ordinal) || method.Name.StartsWith("Verify", StringComparison.Ordinal))
           && method.ContainingType.InheritsFromOrEquals(_asymmetricAlgorithm);

    /// <summary>Recognises <c>HashAlgorithmName.MD5</c>, <c>HashAlgorithmName.SHA1</c> and <c>new HashAlgorithmName("MD5")</c>.</summary>
    public WeakAlgorithm? AlgorithmOfHashAlgorithmName(IOperation value)
    {
        if (!SymbolEqualityComparer.Default.Equals(value.Type, _hashAlgorithmName))
            return null;

        return value switch
        {
            IPropertyReferenceOperation { Property.Name: "MD5" } => WeakAlgorithm.Md5,
            IPropertyReferenceOperation { Property.Name: "SHA1" } => WeakAlgorithm.Sha1,
            IObjectCreationOperation { Arguments.Length: 1 } creation
                when creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } => AlgorithmOfName(name),
            _ => null,
        };
    }
}
