using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.Tests.Documentation;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

/// <summary>
/// <see cref="TypeLookup.FindType"/> must answer exactly what <see cref="Compilation.GetTypeByMetadataName"/> answers:
/// checked for every type the .NET 8 reference assemblies declare (nested and generic ones, and the names
/// that two assemblies declare), for a source type that shadows a framework type, and for names nothing declares.
/// </summary>
public sealed class TypeLookupTests
{
    private const string Source = """
        namespace System.Net.Http { public class HttpClient { } }
        namespace Device.Pumps { public class Pump { public class Valve { public class Seal<T> { } } } public class Queue<T> { } }
        namespace Device.Twice { public class Dup { } }
        """;

    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "Device", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.Net80);

    [Fact]
    public void Answers_like_GetTypeByMetadataName_for_every_type_of_the_framework_references()
    {
        var names = Compilation.SourceModule.ReferencedAssemblySymbols
            .SelectMany(assembly => TypesOf(assembly.GlobalNamespace))
            .Where(type => type.CanBeReferencedByName)
            .Select(MetadataName)
            .Distinct()
            .ToList();
        Assert.True(names.Count > 3_000, $"only {names.Count} type names found");

        var mismatches = names.Where(name => !SymbolEqualityComparer.Default.Equals(Compilation.FindType(name), Compilation.GetTypeByMetadataName(name))).Take(20).ToList();
        Assert.True(mismatches.Count == 0, "FindType differs from GetTypeByMetadataName for: " + string.Join(", ", mismatches));
    }

    [Theory]
    [InlineData("System.Net.Http.HttpClient")]
    [InlineData("Device.Pumps.Pump")]
    [InlineData("Device.Pumps.Pump+Valve")]
    [InlineData("Device.Pumps.Pump+Valve+Seal`1")]
    [InlineData("Device.Pumps.Queue`1")]
    [InlineData("System.Collections.Generic.Dictionary`2+Enumerator")]
    [InlineData("System.Security.Cryptography.SHA1")]
    [InlineData("Device.Pumps.Queue")]
    [InlineData("Device.Pumps.Pump+Gasket")]
    [InlineData("Device.Missing.Pump")]
    [InlineData("NoSuchType")]
    [InlineData("System.Security.Cryptography.Sha1")]
    public void Answers_like_GetTypeByMetadataName_for_source_types_shadowing_and_missing_names(string name)
        => Assert.Equal(Compilation.GetTypeByMetadataName(name), Compilation.FindType(name), SymbolEqualityComparer.Default);

    [Fact]
    public void A_source_type_shadows_the_framework_type_of_the_same_name()
        => Assert.Equal(Compilation.Assembly, Compilation.FindType("System.Net.Http.HttpClient")!.ContainingAssembly, SymbolEqualityComparer.Default);

    [Fact]
    public void A_name_two_references_declare_is_ambiguous()
    {
        var library = CSharpCompilation.Create("Library", new[] { CSharpSyntaxTree.ParseText("namespace Device.Twice { public class Dup { } }") }, TestReferences.Net80);
        var other = CSharpCompilation.Create("Other", new[] { CSharpSyntaxTree.ParseText("namespace Device.Twice { public class Dup { } }") }, TestReferences.Net80);
        var app = CSharpCompilation.Create("App", null, TestReferences.Net80.Add(library.ToMetadataReference()).Add(other.ToMetadataReference()));
        Assert.Null(app.GetTypeByMetadataName("Device.Twice.Dup"));
        Assert.Null(app.FindType("Device.Twice.Dup"));
    }

    [Fact]
    public void No_rule_asks_the_compilation_directly()
    {
        var analyzers = Path.Combine(RuleCatalog.RepositoryRoot, "analyzers", "Spdf.Build.Analyzers");
        var offenders = Directory.EnumerateFiles(analyzers, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
            .Where(path => Regex.IsMatch(File.ReadAllText(path), @"(?<![.\w])compilation\.GetTypeByMetadataName\b"))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(offenders.Count == 0, "use compilation.FindType (Infrastructure/TypeLookup.cs) in: " + string.Join(", ", offenders));
    }

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in TypesOf(ns))
                    yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in TypesOf(type))
                    yield return nested;
            }
        }
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            name = outer.MetadataName + "+" + name;
        var ns = type.ContainingNamespace.ToDisplayString();
        return type.ContainingNamespace.IsGlobalNamespace ? name : ns + "." + name;
    }
}
