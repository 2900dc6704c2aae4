using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Archives;
using Spdf.Build.Analyzers.Authentication;
using Spdf.Build.Analyzers.CodeLoading;
using Spdf.Build.Analyzers.Cryptography;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.Logging;
using Spdf.Build.Analyzers.Platform;
using Spdf.Build.Analyzers.Serialization;
using Spdf.Build.Analyzers.Traceability;
using Spdf.Build.Analyzers.Transport;
using Spdf.Build.Analyzers.Xml;

namespace Spdf.Build.Analyzers;

/// <summary>
/// Runs Spdf.Build's rules as one analyzer. Each rule stays a <see cref="DiagnosticAnalyzer"/> of its own, with its
/// file, descriptors and tests, but only this host carries <see cref="DiagnosticAnalyzerAttribute"/>: the compiler
/// calls, and with <c>ReportAnalyzer</c> times, every analyzer's action separately for every operation of the kind it
/// registered, and with two dozen rules on invocations, assignments and object creations that per-call cost was
/// about a third of the rules' time in <c>bench/analyzers</c>. The host collects the rules' registrations and
/// registers one action per operation, symbol or syntax kind that calls the rules' actions in turn. The taint
/// analysis (<see cref="InputHandling.UntrustedInputAnalyzer"/>, one action per member) stays its own analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpdfRulesAnalyzer : DiagnosticAnalyzer
{
    internal static ImmutableArray<DiagnosticAnalyzer> Rules { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new OverwritingArchiveExtractionAnalyzer(),
        new UnboundedDecompressionAnalyzer(),
        new FailOpenErrorHandlingAnalyzer(),
        new HardCodedCredentialAnalyzer(),
        new NonConstantTimeComparisonAnalyzer(),
        new WeakenedTokenValidationAnalyzer(),
        new UnverifiedCodeLoadingAnalyzer(),
        new BrokenCipherAlgorithmAnalyzer(),
        new EcbCipherModeAnalyzer(),
        new HardCodedCryptographicKeyAnalyzer(),
        new HardCodedInitializationVectorAnalyzer(),
        new InsecureRandomnessAnalyzer(),
        new InsufficientKeySizeAnalyzer(),
        new UnauthenticatedCbcEncryptionAnalyzer(),
        new WeakHashAlgorithmAnalyzer(),
        new WeakPasswordKeyDerivationAnalyzer(),
        new SensitiveDataLoggingAnalyzer(),
        new InsecureTemporaryFileAnalyzer(),
        new UnsafeNativeLibrarySearchPathAnalyzer(),
        new InsecureDeserializationAnalyzer(),
        new TraceabilityIdAnalyzer(),
        new TraceabilityLinkConsistencyAnalyzer(),
        new VerifiesOutsideTestMethodAnalyzer(),
        new CertificateValidationDisabledAnalyzer(),
        new ClearTextTransportAnalyzer(),
        new IgnoredVerificationResultAnalyzer(),
        new ObsoleteTlsProtocolAnalyzer(),
        new RevocationCheckDisabledAnalyzer(),
        new XmlExternalEntityAnalyzer());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).Distinct().ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        var registered = new HostedRuleActions();
        foreach (var rule in Rules)
            rule.Initialize(new HostedRuleAnalysisContext(registered, rule.GetType().Name));

        context.RegisterCompilationStartAction(start =>
        {
            var actions = registered.CopyPerCompilationActions();
            var ruleStart = new HostedRuleCompilationStartContext(start, actions);
            foreach (var action in registered.CompilationStartActions)
                action(ruleStart);
            actions.RegisterOn(start);
        });
    }
}
