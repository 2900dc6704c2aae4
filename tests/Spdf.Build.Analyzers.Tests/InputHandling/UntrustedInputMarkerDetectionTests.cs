using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.InputHandling;
using Spdf.Build.Analyzers.Tests.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>
/// The taint analysis reads <c>[UntrustedInput]</c> from the project's own members only when some source file names
/// the marker; these tests compile with the marker exactly as the generator adds it, so that its own declaration is
/// not what turns the reading on.
/// </summary>
public sealed class UntrustedInputMarkerDetectionTests
{
    private static string DeviceWith(string marker) => $$"""
        using System.Diagnostics;
        static class Updater
        {
            static void Run({{marker}} string command) => Process.Start(command, "--apply");
        }
        """;

    [Theory]
    [InlineData("[Spdf.Build.UntrustedInput]")]
    [InlineData("[Spdf.Build.UntrustedInputAttribute]")]
    public async Task A_parameter_marked_in_the_project_is_a_source(string marker)
    {
        var diagnostics = await AnalyzeWithGeneratedMarkerAsync(DeviceWith(marker));

        Assert.Equal(new[] { DiagnosticIds.UntrustedInputInProcessStart }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task A_marker_applied_through_a_global_alias_declared_in_another_file_is_a_source()
    {
        var diagnostics = await AnalyzeWithGeneratedMarkerAsync(
            DeviceWith("[Peer]"),
            "global using Peer = Spdf.Build.UntrustedInputAttribute;");

        Assert.Equal(new[] { DiagnosticIds.UntrustedInputInProcessStart }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Without_any_marker_the_parameter_is_not_a_source()
    {
        var diagnostics = await AnalyzeWithGeneratedMarkerAsync(DeviceWith(""));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("[return: Spdf.Build.UntrustedInput]", 1)]
    [InlineData("", 0)]
    public async Task A_member_marked_in_a_referenced_assembly_is_a_source_in_a_project_that_never_names_the_marker(string marker, int expected)
    {
        var driver = WithGeneratedMarker("SerialDriver", $$"""
            public static class SerialPortDriver
            {
                {{marker}}
                public static string ReadCommand() => "";
            }
            """);
        var app = CSharpCompilation.Create(
            "Device",
            new[] { CSharpSyntaxTree.ParseText("static class Updater { static void Run() => System.Diagnostics.Process.Start(SerialPortDriver.ReadCommand(), \"--apply\"); }") },
            TestReferences.Net80.Add(driver.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await app.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UntrustedInputAnalyzer())).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(Enumerable.Repeat(DiagnosticIds.UntrustedInputInProcessStart, expected), diagnostics.Select(d => d.Id));
    }

    private static Compilation WithGeneratedMarker(string assemblyName, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{index}.cs")),
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new SpdfAttributesGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withMarker, out _);
        return withMarker;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithGeneratedMarkerAsync(params string[] sources)
    {
        var withMarker = WithGeneratedMarker("Device", sources);
        Assert.Contains(withMarker.SyntaxTrees, tree => tree.ToString() == DataHandlingAttributeSources.Source.Text);
        Assert.Empty(withMarker.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UntrustedInputAnalyzer());
        return await withMarker.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
}
