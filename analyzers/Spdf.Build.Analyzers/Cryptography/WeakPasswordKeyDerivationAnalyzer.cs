using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1007: <c>PasswordDeriveBytes</c> (PBKDF1); <c>Rfc2898DeriveBytes</c> and <c>Rfc2898DeriveBytes.Pbkdf2</c> with SHA-1
/// or MD5 (also the implicit SHA-1 of the constructors without a hash algorithm); a constant iteration count below
/// OWASP's figures (600 000 for SHA-256, 210 000 for SHA-384/512, 1 300 000 for SHA-1); a hard-coded salt. ASP.NET Core's
/// <c>KeyDerivation.Pbkdf2</c> is checked the same way. A single pass of a fast hash over a password
/// (<c>SHA256.HashData(Encoding.UTF8.GetBytes(salt + password))</c>) is reported too.
/// </summary>
public sealed class WeakPasswordKeyDerivationAnalyzer : DiagnosticAnalyzer
{
    internal const string FixProperty = "Fix";
    internal const string FixUseSha256 = "UseSha256";
    internal const string FixIterations = "Iterations";
    internal const string MinimumIterationsProperty = "MinimumIterations";
    internal const int Sha256Iterations = 600_000;
    internal const int Sha512Iterations = 210_000;
    internal const int Sha1Iterations = 1_300_000;

    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.WeakPasswordKeyDerivation,
        title: "Derive keys from passwords with a strong KDF",
        messageFormat: "{0}",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 916,
        description: "Password hashes and password-derived keys must be slow to brute-force: PBKDF2-HMAC-SHA256 with at least 600 000 " +
                     "iterations (OWASP), a random salt of 16 bytes or more per password, never PBKDF1 or SHA-1.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = new DeferredCompilationValue<KdfTypes>(context.Compilation, KdfTypes.Create);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var creation = (IObjectCreationOperation)c.Operation;
            if (types.Value is not { } kdf)
                return;
            if (creation.Type.InheritsFromOrEquals(kdf.PasswordDeriveBytes))
                Report(c, creation.Syntax, "PasswordDeriveBytes implements PBKDF1; use Rfc2898DeriveBytes.Pbkdf2 with SHA-256 and 600 000 iterations", fix: null);
            else if (creation.Type.InheritsFromOrEquals(kdf.Rfc2898))
                AnalyzePbkdf2(c, creation.Syntax, creation.Arguments, isConstructor: true);
        }, OperationKind.ObjectCreation);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is "HashData" or "ComputeHash" or "TryHashData" or "TryComputeHash")
            {
                AnalyzePasswordHash(c, invocation);
                return;
            }

            if (method.Name == "Pbkdf2"
                && types.Value is { } kdf
                && (SymbolEqualityComparer.Default.Equals(method.ContainingType, kdf.Rfc2898) || SymbolEqualityComparer.Default.Equals(method.ContainingType, kdf.KeyDerivation)))
            {
                AnalyzePbkdf2(c, invocation.Syntax, invocation.Arguments, isConstructor: false);
            }
        }, OperationKind.Invocation);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "IterationCount" } property
                && property.Property.ContainingType.InheritsFromOrEquals(types.Value?.Rfc2898)
                && assignment.Value.ConstantValue is { HasValue: true, Value: int iterations }
                && iterations < Sha512Iterations)
            {
                Report(c, assignment.Value.Syntax, $"{iterations.ToString("N0", CultureInfo.InvariantCulture)} PBKDF2 iterations are too few; use at least {Sha256Iterations.ToString("N0", CultureInfo.InvariantCulture)} with SHA-256", fix: null);
            }
        }, OperationKind.SimpleAssignment);
    }

    private static void AnalyzePbkdf2(OperationAnalysisContext context, SyntaxNode call, ImmutableArray<IArgumentOperation> arguments, bool isConstructor)
    {
        IArgumentOperation? hash = null, iterations = null, salt = null;
        foreach (var argument in arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "hashAlgorithm" or "prf":
                    hash = argument;
                    break;
                case "iterations" or "iterationCount":
                    iterations = argument;
                    break;
                case "salt" when argument.Parameter.Type is not { SpecialType: SpecialType.System_Int32 }:
                    salt = argument;
                    break;
            }
        }

        var hashName = hash is null ? (isConstructor ? "SHA1" : null) : HashName(hash.Value);
        var fixable = isConstructor || arguments.Length > 0 && arguments[0].Parameter?.ContainingSymbol.ContainingType.Name == "Rfc2898DeriveBytes";
        if (hashName is "SHA1" or "MD5" or "HMACSHA1")
        {
            var message = hash is null
                ? "This Rfc2898DeriveBytes constructor uses SHA-1 by default; pass HashAlgorithmName.SHA256 and 600 000 iterations"
                : $"PBKDF2 with {(hashName == "HMACSHA1" ? "SHA1" : hashName)} is weak; use SHA-256 with 600 000 iterations";
            Report(context, hash?.Value.Syntax ?? call, message, fixable ? FixUseSha256 : null);
        }
        else if (iterations is not null && iterations.Value.ConstantValue is { HasValue: true, Value: int count })
        {
            var minimum = hashName is "SHA512" or "SHA384" or "HMACSHA512" ? Sha512Iterations : Sha256Iterations;
            if (count < minimum)
            {
                var message = $"{count.ToString("N0", CultureInfo.InvariantCulture)} PBKDF2 iterations are too few; use at least {minimum.ToString("N0", CultureInfo.InvariantCulture)}";
                Report(context, iterations.Value.Syntax, message, FixIterations, minimum);
            }
        }

        if (salt is not null && HardCodedData.IsHardCoded(salt.Value))
            Report(context, salt.Value.Syntax, "The salt is hard-coded; generate a random salt of at least 16 bytes per password with RandomNumberGenerator", fix: null);
    }

    /// <summary>
    /// <c>SHA256.HashData(Encoding.UTF8.GetBytes(password + salt))</c>, <c>sha.ComputeHash(...)</c>: one pass of a fast hash
    /// over a password, salted or not. Hashes inside a member that loops (a hand-made stretching loop) are left alone.
    /// </summary>
    [MethodImpl(HotPath.Cold)]
    private static void AnalyzePasswordHash(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        // ComputeHash is declared on HashAlgorithm: the receiver's type says which algorithm (and excludes HMACs).
        var algorithm = invocation.Instance?.Type as INamedTypeSymbol ?? invocation.TargetMethod.ContainingType;
        if (invocation.Arguments.Length == 0
            || !IsUnkeyedHash(algorithm)
            || PasswordIn(invocation.Arguments[0].Value, invocation, depth: 0) is not { } password
            || invocation.Root().Descendants().Any(o => o is ILoopOperation))
        {
            return;
        }

        Report(context, invocation.Syntax,
            $"A single {algorithm.Name} pass over '{password}' is fast to brute-force, salted or not; hash passwords with Rfc2898DeriveBytes.Pbkdf2 (SHA-256, 600 000 iterations)",
            fix: null);
    }

    private static bool IsUnkeyedHash(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "SHA1" or "SHA256" or "SHA384" or "SHA512" or "SHA3_256" or "SHA3_384" or "SHA3_512" or "MD5"
                && current.IsInNamespace("System.Security.Cryptography"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Collections.Generic.HashSet<string> PasswordWords = IdentifierWords.Set("password", "passwd", "pwd", "passphrase", "passcode");

    /// <summary>Words that make a password-named value something else: <c>passwordHash</c>, <c>PasswordPolicy</c>.</summary>
    private static readonly System.Collections.Generic.HashSet<string> NotThePassword = IdentifierWords.Set(
        "hash", "hashed", "digest", "hint", "policy", "length", "id", "name", "expiry", "token", "reset", "salt", "file", "path");

    /// <summary>The name of a password the hashed data is built from, through encoding, concatenation and up to three locals.</summary>
    private static string? PasswordIn(IOperation? value, IOperation origin, int depth)
    {
        value = value?.WalkDownConversions();
        if (value is null || depth > 6)
            return null;

        switch (value)
        {
            case IParameterReferenceOperation parameter:
                return PasswordName(parameter.Parameter.Name);
            case IFieldReferenceOperation field:
                return PasswordName(field.Field.Name);
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                return PasswordName(property.Property.Name);
            case ILocalReferenceOperation local:
                return PasswordName(local.Local.Name) ?? (depth < 3 ? PasswordIn(ValueFlow.InitializerOf(local), origin, depth + 1) : null);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return PasswordIn(concatenation.LeftOperand, origin, depth + 1) ?? PasswordIn(concatenation.RightOperand, origin, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && PasswordIn(interpolation.Expression, origin, depth + 1) is { } inPart)
                        return inPart;
                }

                return null;
            case IInvocationOperation call when IsEncodingOrJoin(call.TargetMethod):
                foreach (var argument in call.Arguments)
                {
                    if (PasswordIn(argument.Value, origin, depth + 1) is { } inArgument)
                        return inArgument;
                }

                return PasswordIn(call.Instance, origin, depth + 1);
            case IInvocationOperation helper when IsDataShapingHelper(helper.TargetMethod):
                foreach (var argument in helper.Arguments)
                {
                    if (PasswordIn(argument.Value, origin, depth + 1) is { } inHelperArgument)
                        return inHelperArgument;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Identifier fragments that mean a helper transforms its input cryptographically rather than just reshaping it.</summary>
    private static readonly string[] CryptographicFragments = { "hash", "derive", "pbkdf", "crypt", "argon", "hmac", "kdf", "sha", "md5" };

    /// <summary>
    /// A method of this compilation returning bytes or a string whose body uses no hashing, derivation or encryption API
    /// (<c>Combine(a, b)</c>, <c>Normalize(password)</c>): it passes the password's guessability on unchanged.
    /// </summary>
    private static bool IsDataShapingHelper(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length == 0
            || method.ReturnType is not ({ SpecialType: SpecialType.System_String } or IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }))
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax().DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)
                    && token.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax
                    && IdentifierWords.ContainsFragment(token.ValueText, CryptographicFragments))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string? PasswordName(string name)
    {
        var words = IdentifierWords.Split(name);
        return words.Any(PasswordWords.Contains) && !words.Any(NotThePassword.Contains) ? name : null;
    }

    /// <summary><c>Encoding.GetBytes</c>, <c>string.Concat</c>, LINQ <c>Concat</c>/<c>ToArray</c> and <c>AsSpan</c>: they pass the password's bytes on.</summary>
    private static bool IsEncodingOrJoin(IMethodSymbol method) => method.Name switch
    {
        "GetBytes" => method.ContainingType.Name.EndsWith("Encoding", System.StringComparison.Ordinal) || method.ContainingType.BaseType?.Name == "Encoding",
        "Concat" => method.ContainingType.SpecialType == SpecialType.System_String || method.ContainingType.Name == "Enumerable",
        "ToArray" or "AsSpan" or "AsMemory" => true,
        _ => false,
    };

    private static string? HashName(IOperation value)
    {
        value = value.WalkDownConversions();
        return value switch
        {
            IPropertyReferenceOperation property => property.Property.Name.ToUpperInvariant(),
            IFieldReferenceOperation field => field.Field.Name.ToUpperInvariant(),
            IObjectCreationOperation { Arguments.Length: 1 } creation when creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
                => name.Replace("-", string.Empty).ToUpperInvariant(),
            _ => null,
        };
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string message, string? fix, int minimumIterations = Sha256Iterations)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (fix is not null)
        {
            properties = properties.Add(FixProperty, fix)
                .Add(MinimumIterationsProperty, minimumIterations.ToString(CultureInfo.InvariantCulture));
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), properties, message));
    }

    private sealed class KdfTypes
    {
        private KdfTypes(INamedTypeSymbol? rfc2898, INamedTypeSymbol? passwordDeriveBytes, INamedTypeSymbol? keyDerivation)
        {
            Rfc2898 = rfc2898;
            PasswordDeriveBytes = passwordDeriveBytes;
            KeyDerivation = keyDerivation;
        }

        public INamedTypeSymbol? Rfc2898 { get; }

        public INamedTypeSymbol? PasswordDeriveBytes { get; }

        public INamedTypeSymbol? KeyDerivation { get; }

        public static KdfTypes? Create(Compilation compilation)
        {
            var types = new KdfTypes(
                compilation.FindType("System.Security.Cryptography.Rfc2898DeriveBytes"),
                compilation.FindType("System.Security.Cryptography.PasswordDeriveBytes"),
                compilation.FindType("Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation"));
            return types.Rfc2898 is null && types.PasswordDeriveBytes is null && types.KeyDerivation is null ? null : types;
        }
    }
}
