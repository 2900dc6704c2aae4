using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.InputHandling;
using Spdf.Build.Analyzers.Logging;
using Spdf.Build.Analyzers.Tests.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Attributes;

/// <summary>The markers come from the generator in real builds: compile with it and check the rules see them.</summary>
public sealed class DataHandlingAttributeSourcesTests
{
    private const string Source = """
        using System.Diagnostics;
        using Spdf.Build;
        class Gateway
        {
            [Phi] public string Ward { get; set; } = "";
            [Sensitive] public string Credential { get; set; } = "";
            [return: UntrustedInput] static string ReadFrame() => "";
            void Run(Microsoft.Extensions.Logging.ILogger logger)
            {
                Process.Start(ReadFrame());
                System.Console.WriteLine(Ward + Credential);
            }
        }
        """;

    [Fact]
    public async Task Generated_markers_compile_and_are_recognised()
    {
        var compilation = CSharpCompilation.Create(
            "Markers",
            new[] { CSharpSyntaxTree.ParseText(Source), CSharpSyntaxTree.ParseText(InputHandling.StandIns.Logging) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new SpdfAttributesGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(generated.SyntaxTrees, t => t.FilePath.EndsWith(DataHandlingAttributeSources.Source.HintName, System.StringComparison.Ordinal));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UntrustedInputAnalyzer(), new SensitiveDataLoggingAnalyzer());
        var diagnostics = await generated.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var ids = diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "SPDF3001", "SPDF3014", "SPDF3015" }, ids);
    }
}
