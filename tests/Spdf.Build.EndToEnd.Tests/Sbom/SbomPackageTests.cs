using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.EndToEnd.Tests.Infrastructure;
using Spdf.Build.Tasks.Tests.Sbom;

namespace Spdf.Build.EndToEnd.Tests.Sbom;

/// <summary>The SBOM as a user of the package gets it: task loaded inside MSBuild, NuGet.Versioning from the SDK.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SbomPackageTests
{
    private readonly PackageFixture _package;

    public SbomPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void Package_ships_the_SBOM_targets_and_no_second_NuGet_Versioning()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("build/Spdf.Build.Sbom.targets", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("NuGet.Versioning.dll", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Fresh_project_gets_a_valid_SBOM_with_vulnerability_matching_inside_MSBuild()
    {
        using var project = new TemporaryDirectory("spdf-sbom-package-");
        File.WriteAllText(project.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{project.Combine("packages")}" /></config>
              <packageSources><add key="spdf-test-feed" value="{_package.Feed.Path}" /></packageSources>
            </configuration>
            """);
        File.WriteAllText(project.Combine("Pump.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Company>Contoso Medical Devices</Company>
                <SpdfVulnerabilityDatabase>{SharedData.OsvNuGet}</SpdfVulnerabilityDatabase>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Spdf.Build" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(project.Combine("Program.cs"), "System.Console.WriteLine(\"pump\");\n");
        var result = DotNet.Run(project.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = project.Combine("packages"), ["SOURCE_DATE_EPOCH"] = "1767225600" }, "build", "Pump.csproj").AssertSuccess();

        var sbomPath = project.Combine("bin", "Debug", "net10.0", "spdf", "Pump.cdx.json");
        Assert.True(File.Exists(sbomPath), result.Output);
        var json = File.ReadAllText(sbomPath);
        CycloneDxSchema.AssertValid(json);
        var sbom = JsonNode.Parse(json)!;
        Assert.Equal("Contoso Medical Devices", (string?)sbom["metadata"]!["manufacturer"]!["name"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)sbom["metadata"]!["timestamp"]);
        // Spdf.Build itself is a development dependency: it is not in the SBOM of the device.
        Assert.DoesNotContain(sbom["components"]!.AsArray(), c => ((string?)c!["name"])!.StartsWith("Spdf.Build", System.StringComparison.Ordinal));
        Assert.Contains("19 OSV advisories", (string)sbom["metadata"]!["properties"]!.AsArray().Single(p => (string?)p!["name"] == "spdf:vulnerability:source")!["value"]!, System.StringComparison.Ordinal);
        Assert.DoesNotContain("warning SPDF", result.Output, System.StringComparison.Ordinal);
    }
}
