using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spdf.Build.Analyzers.Archives;
using Spdf.Build.Analyzers.CodeLoading;
using Spdf.Build.Analyzers.InputHandling;
using Spdf.Build.Analyzers.Logging;
using Spdf.Build.Analyzers.Serialization;
using Spdf.Build.Analyzers.Xml;
using Spdf.Build.Analyzers.Tests.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>
/// Runs every 3xxx analyzer over all C# sources of this repository compiled together against .NET 8 only, so
/// thousands of unresolved symbols, invalid operations and unusual shapes reach them: none may throw (AD0001).
/// </summary>
public sealed class InputHandlingRobustnessTests
{
    [Fact]
    public async Task Analyzers_do_not_throw_on_the_repository_sources()
    {
        var root = RepositoryRoot();
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path))
            .ToList();
        Assert.True(trees.Count > 50, "expected the repository's sources, found " + trees.Count);

        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new UntrustedInputAnalyzer(),
            new InsecureDeserializationAnalyzer(),
            new XmlExternalEntityAnalyzer(),
            new UnboundedDecompressionAnalyzer(),
            new SensitiveDataLoggingAnalyzer(),
            new UnverifiedCodeLoadingAnalyzer());
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
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
