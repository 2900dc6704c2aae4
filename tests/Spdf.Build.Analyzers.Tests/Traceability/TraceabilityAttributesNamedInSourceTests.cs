using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.Tests.Infrastructure;
using Spdf.Build.Analyzers.Traceability;

namespace Spdf.Build.Analyzers.Tests.Traceability;

/// <summary>
/// The three traceability rules register their per-symbol actions only when some source file names a traceability
/// attribute: these tests pin what counts as naming one, so the shortcut never hides a link.
/// </summary>
public sealed class TraceabilityAttributesNamedInSourceTests
{
    private static Compilation CompilationWith(params string[] sources)
        => CSharpCompilation.Create(
            "Device",
            SpdfAttributesGenerator.Sources.Select(source => CSharpSyntaxTree.ParseText(source.Text))
                .Concat(sources.Select(source => CSharpSyntaxTree.ParseText(source))),
            TestReferences.Net80);

    [Fact]
    public void The_generated_declarations_alone_do_not_count()
        => Assert.False(TraceabilityAttributeTypes.AreNamedInSource(CompilationWith("class Pump { void Start() { } }")));

    [Theory]
    [InlineData("[Spdf.Build.Mitigates(\"TM-001\")] class Pump { }")]
    [InlineData("[Spdf.Build.MitigatesAttribute(\"TM-001\")] class Pump { }")]
    [InlineData("using Spdf.Build; class Pump { [ImplementsControl(\"SC-001\")] void Start() { } }")]
    [InlineData("class PumpTests { [global::Spdf.Build.Verifies(\"SC-001\")] void Starts() { } }")]
    [InlineData("global using Link = Spdf.Build.VerifiesAttribute;")]
    public void Any_file_that_names_an_attribute_counts(string source)
        => Assert.True(TraceabilityAttributeTypes.AreNamedInSource(CompilationWith("class Other { }", source)));

    [Fact]
    public async Task An_attribute_applied_through_an_alias_declared_in_another_file_is_still_checked()
    {
        var test = new CSharpAnalyzerTest<TraceabilityIdAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Net80);
        foreach (var attributeSource in SpdfAttributesGenerator.Sources)
            test.TestState.Sources.Add((attributeSource.HintName, attributeSource.Text));
        test.TestState.Sources.Add(("Aliases.cs", "global using Link = Spdf.Build.MitigatesAttribute;"));
        test.TestState.Sources.Add(("Pump.cs", """
            class Pump
            {
                [Link({|SPDF4001:"TM-100"|})]
                void Start() { }
            }
            """));
        test.TestState.AdditionalFiles.Add(("/obj/spdf-traceability-ids.txt", TraceabilityAnalyzerTest<TraceabilityIdAnalyzer>.Ids));
        await test.RunAsync();
    }
}
