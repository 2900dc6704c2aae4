using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and optionally its code fix) over test source compiled against the .NET 8 reference
/// assemblies, which come from a NuGet package at build time, so tests download nothing when they run.
/// </summary>
public static class Verifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="references">The reference assemblies to compile against; <see cref="TestReferences.Net80"/> by default.</param>
    public static Task VerifyAnalyzerAsync(string source, string? editorConfig = null, ImmutableArray<MetadataReference>? references = null)
    {
        var test = CreateTest(source, fixedSource: null, editorConfig, references);
        return test.RunAsync();
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? editorConfig = null, int? fixAllIterations = null)
    {
        var test = CreateTest(source, fixedSource, editorConfig);
        if (fixAllIterations is { } iterations)
        {
            // The batch fixer drops edits that touch neighbouring nodes and applies them in a further round.
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfFixAllInDocumentIterations = iterations;
            test.NumberOfFixAllInProjectIterations = iterations;
        }

        return test.RunAsync();
    }

    private static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CreateTest(
        string source, string? fixedSource, string? editorConfig, ImmutableArray<MetadataReference>? references = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(references ?? TestReferences.Net80);
        if (fixedSource is not null)
            test.FixedCode = fixedSource;
        if (editorConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        return test;
    }
}

public static class Verifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAnalyzerAsync(string source, string? editorConfig = null, ImmutableArray<MetadataReference>? references = null)
        => Verifier<TAnalyzer, EmptyCodeFixProvider>.VerifyAnalyzerAsync(source, editorConfig, references);
}

internal static class TestReferences
{
    /// <summary>No reference pack download: the references come from <see cref="Net80"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net8.0");

    /// <summary>.NET 8 reference assemblies from Basic.Reference.Assemblies, restored with the test project.</summary>
    public static ImmutableArray<MetadataReference> Net80 { get; } =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net80.References.All);

    /// <summary>.NET 10 reference assemblies, for APIs newer than .NET 8 (<c>CryptographicOperations.HashData</c>).</summary>
    public static ImmutableArray<MetadataReference> Net100 => Net100References.All;

    // A holder class of its own, so the few tests that need .NET 10 load those references and the rest do not.
    private static class Net100References
    {
        public static readonly ImmutableArray<MetadataReference> All =
            ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
    }
}
