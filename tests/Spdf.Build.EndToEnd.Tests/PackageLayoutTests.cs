using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
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

    [Theory]
    [InlineData("tasks/net8.0/Spdf.Build.Tasks.dll")]
    [InlineData("tasks/net8.0/Spdf.Build.Core.dll")]
    public void Task_assemblies_are_precompiled_ReadyToRun_for_the_dotnet_10_runtime(string entry)
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var assembly = new MemoryStream();
        using (var packed = archive.GetEntry(entry)!.Open())
            packed.CopyTo(assembly);
        var bytes = assembly.ToArray();
        using var pe = new PEReader(new MemoryStream(bytes));
        // A ReadyToRun image is an IL assembly (it still runs, JIT-compiled, where its code is not accepted) with
        // a managed native header pointing at the "RTR" header, whose major version must be one the .NET 10
        // runtime accepts (the .NET 8 crossgen2 writes 9, which it ignores).
        Assert.True(pe.HasMetadata, entry + " is not a managed assembly");
        var native = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        Assert.True(native.Size > 0, entry + " is not ReadyToRun-compiled");
        Assert.True(pe.PEHeaders.TryGetDirectoryOffset(native, out var offset), entry + ": no ReadyToRun header");
        Assert.Equal(0x00525452u, System.BitConverter.ToUInt32(bytes, offset));
        Assert.True(System.BitConverter.ToUInt16(bytes, offset + 4) >= 10, entry + " has ReadyToRun format " + System.BitConverter.ToUInt16(bytes, offset + 4));
    }

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
