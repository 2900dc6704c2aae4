using System;
using System.IO;
using Spdf.Build.Core;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks.Tests.Sbom;

public sealed class AssetsFileTests
{
    [Fact]
    public void Missing_assets_file_is_SPDF5101_naming_the_file()
    {
        using var restore = new GeneratedRestore();
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request()));
        Assert.Equal("SPDF5101", exception.DiagnosticId);
        Assert.Equal(restore.AssetsPath, exception.File);
    }

    [Fact]
    public void Corrupt_assets_file_is_SPDF5102_with_the_line()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        File.WriteAllText(restore.AssetsPath, "{\n  \"version\": 3,\n  \"targets\": {\n    \"net10.0\": { ,\n");
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request()));
        Assert.Equal("SPDF5102", exception.DiagnosticId);
        Assert.Equal(restore.AssetsPath, exception.File);
        Assert.Equal(4, exception.Line);
    }

    [Fact]
    public void Assets_file_without_the_target_framework_is_SPDF5102()
    {
        using var restore = new GeneratedRestore("net8.0");
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var request = restore.Request();
        var exception = Assert.Throws<SpdfException>(() => AssetsFile.Read(request.AssetsFilePath, "net10.0", null));
        Assert.Equal("SPDF5102", exception.DiagnosticId);
        Assert.Contains("net10.0", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Line > 0);
    }

    [Fact]
    public void Package_missing_from_the_packages_folder_is_SPDF5103()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        Directory.Delete(restore.PackageFolder("A", "1.0.0"), recursive: true);
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request()));
        Assert.Equal("SPDF5103", exception.DiagnosticId);
        Assert.Contains("A 1.0.0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_without_its_nupkg_hash_file_is_SPDF5103_naming_the_expected_file()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var hashFile = Path.Combine(restore.PackageFolder("A", "1.0.0"), "a.1.0.0.nupkg.sha512");
        File.Delete(hashFile);
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request()));
        Assert.Equal("SPDF5103", exception.DiagnosticId);
        Assert.Equal(hashFile, exception.File);
    }

    [Fact]
    public void Broken_nuspec_is_SPDF5104_with_the_line()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var nuspec = Path.Combine(restore.PackageFolder("A", "1.0.0"), "a.nuspec");
        File.WriteAllText(nuspec, "<?xml version=\"1.0\"?>\n<package>\n  <metadata>\n    <id>A</id>\n  </package>\n");
        var exception = Assert.Throws<SpdfException>(() => SbomBuilder.Build(restore.Request()));
        Assert.Equal("SPDF5104", exception.DiagnosticId);
        Assert.Equal(nuspec, exception.File);
        Assert.Equal(5, exception.Line);
    }

    [Fact]
    public void Package_hash_is_the_nupkg_file_hash_not_the_assets_content_hash()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        var hash = SbomAssert.Component(sbom, "pkg:nuget/A@1.0.0")["hashes"]![0]!;
        Assert.Equal("SHA-512", (string?)hash["alg"]);
        Assert.Equal(GeneratedRestore.ExpectedSha512Hex("A", "1.0.0"), (string?)hash["content"]);
    }
}
