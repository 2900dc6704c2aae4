using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.InputHandling;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

/// <summary>
/// The compiler loads only <see cref="SpdfRulesAnalyzer"/> and <see cref="UntrustedInputAnalyzer"/>; every other rule
/// runs inside the host. The host must report exactly what the rules report on their own, and no rule may be left out.
/// </summary>
public sealed class SpdfRulesAnalyzerTests
{
    private const string DeviceCode = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Runtime.InteropServices;
        using System.Security.Authentication;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        using System.Xml;
        using Spdf.Build;

        [Mitigates("TM-1x")]
        partial class InfusionPump
        {
            private const string AdminPassword = "Sup3r-S3cret!";
            private static readonly byte[] FirmwareKey = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

            byte[] Fingerprint(byte[] data) => SHA1.HashData(data);
            SymmetricAlgorithm LegacyCipher() => DES.Create();
            void Configure(Aes aes)
            {
                aes.Mode = CipherMode.ECB;
                aes.Key = new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6 };
                aes.IV = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
            }

            RSA SigningKey() => RSA.Create(1024);
            byte[] Derive(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA1, 32);

            string SessionToken()
            {
                var random = new Random();
                var token = new byte[16];
                random.NextBytes(token);
                return Convert.ToBase64String(token);
            }

            HttpClientHandler Handler() => new() { ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true };
            SslProtocols Protocols() => SslProtocols.Tls11;
            SslProtocols NumericProtocols() => (SslProtocols)768;
            string Database() => "Server=db;User Id=pump;Password=Pump-2024!x;";
            void Chain(X509Chain chain) => chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            void Upload(HttpClient client) => client.GetAsync("http://telemetry.example.com/upload");
            void Verify(RSA rsa, byte[] data, byte[] signature) => rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            bool MacMatches(byte[] key, byte[] message, byte[] mac) => HMACSHA256.HashData(key, message).SequenceEqual(mac);
            string Scratch() => Path.GetTempFileName();

            [DllImport("pumpctl.so")]
            static extern int Dose(int microliters);

            bool Authenticate(string user)
            {
                try { return Lookup(user); }
                catch (Exception) { return true; }
            }

            bool Lookup(string user) => user.Length > 3;

            XmlDocument Load() => new XmlDocument { XmlResolver = new XmlUrlResolver() };

            [Verifies("SC-001"), Verifies("SC-001")]
            void Helper() { }
        }
        """;

    private static readonly ImmutableArray<Type> ExportedAnalyzers = AnalyzerTypes().Where(IsExported).ToImmutableArray();

    [Fact]
    public void Every_analyzer_is_either_exported_or_hosted_and_none_is_both()
    {
        var hosted = SpdfRulesAnalyzer.Rules.Select(rule => rule.GetType()).ToList();
        Assert.Equal(hosted.Count, hosted.Distinct().Count());
        Assert.Equal(new[] { typeof(UntrustedInputAnalyzer), typeof(SpdfRulesAnalyzer) }.OrderBy(t => t.Name), ExportedAnalyzers.OrderBy(t => t.Name));
        foreach (var type in AnalyzerTypes().Except(ExportedAnalyzers))
            Assert.True(hosted.Contains(type), type.Name + " is neither exported with [DiagnosticAnalyzer] nor hosted by SpdfRulesAnalyzer");
        Assert.DoesNotContain(hosted, IsExported);
    }

    [Fact]
    public void The_host_supports_exactly_the_descriptors_of_its_rules()
    {
        var expected = SpdfRulesAnalyzer.Rules.SelectMany(rule => rule.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(expected, new SpdfRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_host_reports_what_its_rules_report_on_their_own()
    {
        var compilation = Compile(DeviceCode);
        var hosted = await DiagnosticsAsync(compilation, new SpdfRulesAnalyzer());
        var separately = await DiagnosticsAsync(compilation, SpdfRulesAnalyzer.Rules.ToArray());

        Assert.Equal(separately, hosted);
        var ids = hosted.Select(line => line.Split(' ')[0]).Distinct().ToList();
        Assert.True(ids.Count >= 15, "the sample should trip most rules, tripped only: " + string.Join(", ", ids));
    }

    [Fact]
    public void Every_rule_callback_is_compiled_optimized_from_its_first_call()
    {
        var registered = new HostedRuleActions();
        foreach (var rule in SpdfRulesAnalyzer.Rules)
            rule.Initialize(new HostedRuleAnalysisContext(registered, rule.GetType().Name));
        var actions = registered.CopyPerCompilationActions();
        var start = new HostedRuleCompilationStartContext(Compile(DeviceCode), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), actions, default);
        foreach (var action in registered.CompilationStartActions)
            action(start);

        var callbacks = actions.NodeActions.ToList();
        Assert.True(callbacks.Count >= 50, "expected the rules' callbacks, found " + callbacks.Count);
        var unoptimized = callbacks
            .Where(callback => (callback.Method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
            .Select(callback => callback.Method.DeclaringType + "." + callback.Method.Name)
            .ToList();
        Assert.True(unoptimized.Count == 0, "not marked [MethodImpl(HotPath.Optimize)]: " + string.Join(", ", unoptimized));
    }

    [Fact]
    public void A_rule_that_configures_generated_code_differently_is_refused()
    {
        var context = new HostedRuleAnalysisContext(new HostedRuleActions(), "SkipsGeneratedCode");
        var error = Assert.Throws<NotSupportedException>(() => context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None));
        Assert.Contains("SkipsGeneratedCode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_registers_what_the_host_does_not_forward_is_refused()
    {
        var context = new HostedRuleAnalysisContext(new HostedRuleActions(), "NeedsCompilationEnd");
        Assert.Throws<NotSupportedException>(() => context.RegisterCompilationAction(_ => { }));
        Assert.Throws<NotSupportedException>(() => context.RegisterOperationBlockAction(_ => { }));
    }

    private static Compilation Compile(string source)
    {
        var trees = SpdfAttributesGenerator.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.HintName))
            .Append(CSharpSyntaxTree.ParseText(source, path: "InfusionPump.cs"));
        var compilation = CSharpCompilation.Create("Device", trees, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static async Task<string[]> DiagnosticsAsync(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzers)).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<Type> AnalyzerTypes()
        => typeof(SpdfRulesAnalyzer).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));

    private static bool IsExported(Type type) => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null;
}
