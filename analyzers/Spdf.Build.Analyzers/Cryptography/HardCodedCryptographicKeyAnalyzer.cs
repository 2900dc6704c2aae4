using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Cryptography;

/// <summary>
/// SPDF1005: a hard-coded key (see <see cref="HardCodedData"/>) set as <c>Key</c> of a cipher or keyed hash, passed to a
/// <c>key</c>/<c>rgbKey</c>/<c>ikm</c> parameter of a <c>System.Security.Cryptography</c> API (<c>new AesGcm(key)</c>,
/// <c>new HMACSHA256(key)</c>, <c>HMACSHA256.HashData(key, data)</c>, <c>CreateEncryptor(key, iv)</c>, <c>HKDF</c>),
/// to <c>new SymmetricSecurityKey(key)</c>, or imported as a private key (<c>ImportRSAPrivateKey</c>,
/// <c>ImportPkcs8PrivateKey</c>, <c>ImportFromPem</c> of a constant PEM holding a private key).
/// </summary>
public sealed class HardCodedCryptographicKeyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.HardCodedCryptographicKey,
        title: "Do not hard-code cryptographic keys",
        messageFormat: "The key passed to {0} is hard-coded; load it from a key store, TPM/HSM or provisioning data",
        RuleCategory.Cryptography,
        FalsePositivePolicy.Precise,
        cwe: 321,
        description: "A key in the source or binary is shared by every device built from it and is recovered by anyone with the " +
                     "firmware image. Provision per-device keys (secure element, TPM, OS key store) and load them at run time.");

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
        var keyedHashAlgorithm = new DeferredCompilationValue<INamedTypeSymbol>(
            context.Compilation, compilation => compilation.FindType("System.Security.Cryptography.KeyedHashAlgorithm"));

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            var assignment = (ISimpleAssignmentOperation)c.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Key" } property
                && (property.Property.ContainingType.InheritsFromOrEquals(symmetricAlgorithm.Value)
                    || property.Property.ContainingType.InheritsFromOrEquals(keyedHashAlgorithm.Value))
                && HardCodedData.IsHardCoded(assignment.Value))
            {
                c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), property.Property.ContainingType.Name + ".Key"));
            }
        }, OperationKind.SimpleAssignment);

        context.RegisterOperationAction([MethodImpl(HotPath.Optimize)] (c) =>
        {
            // Parameter names first: the namespace test is the costly part and most calls have no key parameter.
            var arguments = c.Operation.CallArguments(out var method);
            if (method is null)
                return;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && IsKeyParameter(method, parameter))
                    AnalyzeKeyArgument(c, method, argument);
            }
        }, OperationKind.Invocation, OperationKind.ObjectCreation);
    }

    private static void AnalyzeKeyArgument(OperationAnalysisContext c, IMethodSymbol method, IArgumentOperation argument)
    {
        var value = argument.Value;
        var isHardCoded = method.Name == "ImportFromPem"
            ? value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string pem } && pem.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0
            : HardCodedData.IsHardCoded(value);
        if (isHardCoded)
        {
            var display = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
            c.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), display));
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool IsKeyParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        switch (parameter.Name)
        {
            case "key" or "rgbKey" or "ikm":
                return method.IsInNamespaceOrChild("System.Security.Cryptography")
                       || (method.MethodKind == MethodKind.Constructor && method.ContainingType.Name == "SymmetricSecurityKey"
                           && method.IsInNamespace("Microsoft.IdentityModel.Tokens"));
            case "source" when method.Name is "ImportRSAPrivateKey" or "ImportPkcs8PrivateKey" or "ImportECPrivateKey" or "ImportEncryptedPkcs8PrivateKey":
            case "input" when method.Name == "ImportFromPem":
                return method.IsInNamespaceOrChild("System.Security.Cryptography");
            default:
                return false;
        }
    }
}
