using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spdf.Build.Analyzers.Attributes;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

public sealed class SpdfAttributesGeneratorTests
{
    private static (Compilation Output, GeneratorDriverRunResult Run) RunGenerator(string source, string assemblyName = "Device")
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new SpdfAttributesGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }

    [Fact]
    public void Every_attribute_set_compiles_without_diagnostics()
    {
        var (output, run) = RunGenerator("internal static class Empty { }");
        Assert.Empty(run.Diagnostics);
        Assert.Equal(SpdfAttributesGenerator.Sources.Length, run.GeneratedTrees.Length);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_types_are_internal_and_embedded_so_the_output_needs_no_Spdf_Build_assembly()
    {
        var (output, _) = RunGenerator("internal static class Empty { }");
        var embedded = output.GetTypeByMetadataName("Microsoft.CodeAnalysis.EmbeddedAttribute");
        Assert.NotNull(embedded);

        var generatedTypes = output.SyntaxTrees
            .Where(tree => tree.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
                .Select(node => output.GetSemanticModel(tree).GetDeclaredSymbol(node)!))
            .ToArray();
        Assert.NotEmpty(generatedTypes);
        foreach (var type in generatedTypes)
        {
            Assert.Equal(Accessibility.Internal, type.DeclaredAccessibility);
            Assert.Contains(type.GetAttributes(), a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, embedded));
        }

        Assert.DoesNotContain(output.References, r => r.Display?.Contains("Spdf.Build", System.StringComparison.Ordinal) == true);
    }
}
