using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Spdf.Build.Tasks.Tests.Traceability;

/// <summary>Shared inputs: the third-party threat models in ../shared/data and assemblies compiled on the fly.</summary>
internal static class TraceabilityTestData
{
    /// <summary>The declarations Spdf.Build's generator adds to every compilation (same names, same shape).</summary>
    public const string AttributeDeclarations = """
        namespace Spdf.Build
        {
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            internal sealed class MitigatesAttribute : System.Attribute { public MitigatesAttribute(string threatId) { } }
            [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
            internal sealed class ImplementsControlAttribute : System.Attribute { public ImplementsControlAttribute(string controlId) { } }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            internal sealed class VerifiesAttribute : System.Attribute { public VerifiesAttribute(string id) { } }
        }
        """;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedThreatModels => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "threat-models"));

    public static string ThreatDragonSample => Path.Combine(SharedThreatModels, "threat-dragon", "v2-threat-model.json");

    public static string ThreatModelingToolSample => Path.Combine(SharedThreatModels, "tmt", "startleft-MTMT_example.tm7");

    public static string SampleThreatModel => Path.Combine(RepositoryRoot, "sample-device-app", "threat-model.spdf.json");

    /// <summary>Compiles <paramref name="source"/> (plus the attributes) into <paramref name="directory"/> with a portable PDB beside it.</summary>
    public static string Compile(string directory, string assemblyName, string source, string sourcePath)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, path: sourcePath, encoding: System.Text.Encoding.UTF8),
            CSharpSyntaxTree.ParseText(AttributeDeclarations, path: Path.Combine(directory, "Attributes.g.cs"), encoding: System.Text.Encoding.UTF8),
        };
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true, optimizationLevel: OptimizationLevel.Debug));
        var dll = Path.Combine(directory, assemblyName + ".dll");
        var pdb = Path.Combine(directory, assemblyName + ".pdb");
        using (var peStream = File.Create(dll))
        using (var pdbStream = File.Create(pdb))
        {
            var result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdb));
            if (!result.Success)
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return dll;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Path = Directory.CreateTempSubdirectory("spdf-trace-test-").FullName;

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
