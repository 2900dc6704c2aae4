using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.Tests.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Traceability;

/// <summary>
/// Runs a traceability analyzer the way a build does: the attributes Spdf.Build generates into the compilation,
/// a minimal xUnit surface, and the model's ID list as the spdf-traceability-ids.txt additional file.
/// </summary>
internal static class TraceabilityAnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Ids = """
        # generated
        prefix threat TM
        prefix control SC
        prefix asset AS
        threat TM-001
        threat TM-002
        control SC-001
        control SC-002
        asset AS-001
        """;

    private const string Xunit = """
        namespace Xunit
        {
            public class FactAttribute : System.Attribute { }
            public class TheoryAttribute : FactAttribute { }
        }
        """;

    public static Task VerifyAsync(string source, string? ids = Ids)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Net80);
        foreach (var attributeSource in SpdfAttributesGenerator.Sources)
            test.TestState.Sources.Add((attributeSource.HintName, attributeSource.Text));
        test.TestState.Sources.Add(("Xunit.cs", Xunit));
        if (ids is not null)
            test.TestState.AdditionalFiles.Add(("/obj/spdf-traceability-ids.txt", ids));
        return test.RunAsync();
    }
}
