using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests;

[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package) => _package = package;

    private string[] Entries()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/Spdf.Build.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/Spdf.Build.Analyzers.CodeFixes.dll")]
    [InlineData("tasks/net8.0/Spdf.Build.Tasks.dll")]
    [InlineData("tasks/net8.0/Spdf.Build.Core.dll")]
    [InlineData("build/Spdf.Build.props")]
    [InlineData("build/Spdf.Build.targets")]
    [InlineData("build/config/spdf-all.globalconfig")]
    [InlineData("build/config/spdf-recommended.globalconfig")]
    [InlineData("build/config/spdf-none.globalconfig")]
    [InlineData("buildTransitive/Spdf.Build.props")]
    [InlineData("buildTransitive/Spdf.Build.targets")]
    [InlineData("build/Spdf.Build.Traceability.targets")]
    [InlineData("schemas/spdf-threat-model.schema.json")]
    [InlineData("schemas/spdf-trace.schema.json")]
    public void Package_contains(string entry) => Assert.Contains(entry, Entries());

    [Fact]
    public void Package_carries_no_MSBuild_or_Roslyn_assemblies_and_no_lib_folder()
    {
        var entries = Entries();
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_is_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var stream = archive.GetEntry("Spdf.Build.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }
}
