using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Tests.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Robustness;

/// <summary>
/// No rule may ever throw (AD0001). Every analyzer the compiler loads, found by reflection so rules added later are
/// covered too (the rule host runs all the others, see SpdfRulesAnalyzerTests), runs over all C# files of this
/// repository and over deliberately broken code, with and without framework references; any analyzer exception fails the test with the analyzer, the exception and the input.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(SpdfRulesAnalyzer).Assembly
        .GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void Analyzers_are_discovered_by_reflection()
    {
        // The exported analyzers: the rule host (which runs every other rule) and the taint analysis.
        Assert.Contains(AllAnalyzers, a => a is SpdfRulesAnalyzer);
        Assert.True(SpdfRulesAnalyzer.Rules.Length >= 10, $"only {SpdfRulesAnalyzer.Rules.Length} hosted rules found");
    }

    [Fact]
    public async Task No_analyzer_throws_on_the_repository_sources()
    {
        var root = RepositoryRoot();
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path))
            .ToList();
        Assert.True(trees.Count > 20, $"only {trees.Count} C# files found under {root}");

        // One compilation per file keeps conflicting types of different projects apart; one with everything
        // exercises cross-file symbol lookups (fields and properties declared in other trees).
        await AssertNoAnalyzerExceptionsAsync(trees, TestReferences.Net80);
        await AssertNoAnalyzerExceptionsAsync(trees, ImmutableArray<MetadataReference>.Empty);
    }

    public static TheoryData<string> BrokenSources => new()
    {
        "class C { void M() { var aes = System.Security.Cryptography.Aes.Create(); aes.IV = new byte[] { 1, 2, ",
        "class C { void M() { new System.Security.Cryptography.Rfc2898DeriveBytes( } }",
        "using System.Net; class C { void M() { ServicePointManager.ServerCertificateValidationCallback += (a, b, c, ",
        "using System.Net.Http; class C { HttpClientHandler H => new() { ServerCertificateCustomValidationCallback = (m, c, ch, e) => } ; }",
        "using System.Net.Http; class C { HttpClientHandler H => new() { ServerCertificateCustomValidationCallback = Missing }; }",
        "class C { string password = ; string token = \"abc\" + ; const string Pwd = Undefined; }",
        "class C { bool Verify(byte[] a) { try { return a.SequenceEqual(; } catch { return } } }",
        "partial class C { partial void Authenticate(); partial bool Validate(int x); [System.Runtime.InteropServices.DllImport(] static extern void X(",
        "using System.Runtime.InteropServices; partial class C { [LibraryImport(\"lib\")] private static partial int Native(); [DllImport] static extern int Y(); }",
        "class C { void M() { var r = new System.Random(); var key = new byte[16]; r.NextBytes(; aes.Key = key; } }",
        "class C { void M() { new System.Net.Http.HttpClient().GetAsync(\"http://example.com/\" + ); new System.Uri(); } }",
        "class C { void M(System.Security.Cryptography.RSA rsa) { rsa.VerifyData(; rsa.KeySize = ; System.Security.Cryptography.RSA.Create(bits: ); } }",
        "using System.Security.Authentication; class C { SslProtocols P = SslProtocols.Tls | ; object O = SslProtocols.; }",
        "class C { void M() { System.IO.Path.GetTempFileName(; System.IO.File.SetUnixFileMode(\"x\", System.IO.UnixFileMode. ); } }",
        "class C { void M(string a, string b) { if (a == b) { } for (int i = 0; i < ; i++) if (a[i] != b[i]) return false; } }",
        "class TokenValidationParameters { } class C { object P = new TokenValidationParameters { ValidateIssuer = false, Missing = 1 }; }",
        "namespace Microsoft.IdentityModel.Tokens { class TokenValidationParameters { public bool ValidateIssuer { get; set; } public SignatureValidator SignatureValidator { get; set; } } delegate object SignatureValidator(string t, TokenValidationParameters p); } class C { object P = new Microsoft.IdentityModel.Tokens.TokenValidationParameters { ValidateIssuer = , SignatureValidator = (t, p) => } }",
        "class C { byte[] M() => System.Security.Cryptography.SHA1.HashData(); object N = System.Security.Cryptography.HashAlgorithm.Create(null); }",
        "class C { void M() { var x = new System.Security.Cryptography.AesGcm(new byte[32]); x.Encrypt(new byte[12], ); } }",
        "class C { void M() { var c = new System.Security.Cryptography.X509Certificates.X509Chain(); c.Build(); c.ChainPolicy.RevocationMode = ; } }",
        "class C { void M() { int i = \"no\"; var d = (System.Func<int>)(() => { return true; }); goto missing; } }",
        "@#$%^&*( class {{{ }}} void;",
        "",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task No_analyzer_throws_on_broken_code(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), "Broken.cs");
        await AssertNoAnalyzerExceptionsAsync(new[] { tree }, TestReferences.Net80);
        await AssertNoAnalyzerExceptionsAsync(new[] { tree }, ImmutableArray<MetadataReference>.Empty);
    }

    private static async Task AssertNoAnalyzerExceptionsAsync(IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        var failures = new ConcurrentBag<string>();
        await RunAsync(trees, references, failures);
        foreach (var tree in trees)
            await RunAsync(new[] { tree }, references, failures);

        Assert.True(failures.IsEmpty, "Analyzer exceptions:\n" + string.Join("\n\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
    }

    private static async Task RunAsync(IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ConcurrentBag<string> failures)
    {
        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name} on {string.Join(", ", trees.Take(3).Select(t => t.FilePath))}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            failures.Add(diagnostic.ToString());
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Split('/').Any(segment => segment is "bin" or "obj" or ".git" or "artifacts");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
