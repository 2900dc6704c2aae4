using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.EndToEnd.Tests.Infrastructure;
using Spdf.Build.Tasks.Tests.Sbom;

namespace Spdf.Build.EndToEnd.Tests.Sbom;

/// <summary>The SBOM that the README's main command (<c>dotnet build sample-device-app -c Release</c>) writes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleSbomTests
{
    private readonly SampleBuildFixture _sample;

    public SampleSbomTests(SampleBuildFixture sample) => _sample = sample;

    private string SbomPath => Path.Combine(_sample.AppOutputDirectory, "spdf", "Contoso.InfusionPump.cdx.json");

    private JsonNode Sbom()
    {
        _sample.Result.AssertSuccess();
        return JsonNode.Parse(File.ReadAllText(SbomPath))!;
    }

    private static string[] Property(JsonNode component, string name)
        => component["properties"]?.AsArray().Where(p => (string?)p!["name"] == name).Select(p => (string)p!["value"]!).ToArray() ?? Array.Empty<string>();

    [Fact]
    public void Sample_SBOM_is_valid_CycloneDX_1_6()
    {
        var sbom = Sbom();
        Assert.Equal("1.6", (string?)sbom["specVersion"]);
        CycloneDxSchema.AssertValid(File.ReadAllText(SbomPath));
    }

    [Fact]
    public void Sample_SBOM_passes_CycloneDX_s_own_validator()
    {
        Sbom();
        var validator = RepositoryPaths.InRepository("tests", "interop", "cyclonedx");
        if (!Directory.Exists(Path.Combine(validator, "node_modules")))
            Process("npm", validator, "ci", "--no-audit", "--no-fund");
        var output = Process("node", validator, "validate.mjs", SbomPath);
        Assert.Contains("valid CycloneDX 1.6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_component_has_the_NTIA_minimum_elements_and_FDA_elements_A_to_G()
    {
        var sbom = Sbom();
        var metadata = sbom["metadata"]!;
        Assert.False(string.IsNullOrEmpty((string?)metadata["timestamp"]));
        Assert.Equal("Contoso Medical Devices", (string?)metadata["authors"]![0]!["name"]);
        Assert.Equal("Contoso Medical Devices", (string?)metadata["manufacturer"]!["name"]);
        var dependencyRefs = sbom["dependencies"]!.AsArray().Select(d => (string)d!["ref"]!).ToHashSet();
        var components = sbom["components"]!.AsArray().Select(c => c!).Append(metadata["component"]!).ToArray();
        Assert.True(components.Length > 5);
        foreach (var component in components)
        {
            var name = (string?)component["bom-ref"];
            Assert.False(string.IsNullOrEmpty((string?)component["supplier"]?["name"]), "D (supplier) of " + name);
            Assert.False(string.IsNullOrEmpty((string?)component["name"]), "B (name) of " + name);
            Assert.False(string.IsNullOrEmpty((string?)component["version"]), "C (version) of " + name);
            Assert.False(string.IsNullOrEmpty((string?)component["purl"]), "unique id of " + name);
            Assert.Contains(name!, dependencyRefs);
            Assert.NotEmpty(Property(component, "spdf:fda:asset"));
            var level = Assert.Single(Property(component, "spdf:fda:level-of-support"));
            Assert.NotEqual("unknown", level);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Assert.Single(Property(component, "cdx:lifecycle:milestone:endOfSupport")));
        }

        // G: the database was checked, and the one (sample) advisory carries the manufacturer's assessment.
        Assert.Contains("OSV advisories", Property(metadata, "spdf:vulnerability:source").Single(), StringComparison.Ordinal);
        var vulnerability = Assert.Single(sbom["vulnerabilities"]!.AsArray())!;
        Assert.Equal("pkg:nuget/System.IO.Ports@10.0.15", (string?)vulnerability["affects"]![0]!["ref"]);
        Assert.Equal("not_affected", (string?)vulnerability["analysis"]!["state"]);
    }

    [Fact]
    public void Sample_SBOM_lists_what_ships_and_only_that()
    {
        var sbom = Sbom();
        var refs = sbom["components"]!.AsArray().Select(c => (string)c!["bom-ref"]!).ToArray();
        Assert.Contains("pkg:nuget/System.IO.Ports@10.0.15", refs);
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@10.0.15", refs);
        Assert.Contains(refs, r => r.StartsWith("pkg:generic/microsoft/Microsoft.NETCore.App@10.0.", StringComparison.Ordinal));
        // A build-only analyzer package (PrivateAssets=all) does not ship.
        Assert.DoesNotContain(refs, r => r.Contains("BannedApiAnalyzers", StringComparison.Ordinal));
        var ports = sbom["components"]!.AsArray().Single(c => (string?)c!["bom-ref"] == "pkg:nuget/System.IO.Ports@10.0.15")!;
        Assert.Contains("runtimes/unix/lib/net10.0/System.IO.Ports.dll", Property(ports, "spdf:fda:asset"));
        foreach (var asset in Property(ports, "spdf:fda:asset"))
            Assert.True(File.Exists(Path.Combine(_sample.AppOutputDirectory, asset)), asset + " is in the output");
        var app = sbom["metadata"]!["component"]!;
        Assert.Equal("sha256:" + Sha256(Path.Combine(_sample.AppOutputDirectory, "Contoso.InfusionPump.dll")), "sha256:" + (string?)app["hashes"]![0]!["content"]);
    }

    [Fact]
    public void Sample_writes_the_FDA_addendum_and_no_SBOM_for_its_test_project()
    {
        Sbom();
        var csv = File.ReadAllLines(Path.Combine(_sample.AppOutputDirectory, "spdf", "Contoso.InfusionPump.fda-sbom.csv"));
        Assert.Equal(Sbom()["components"]!.AsArray().Count + 2, csv.Length);
        Assert.True(File.Exists(Path.Combine(_sample.AppOutputDirectory, "spdf", "Contoso.InfusionPump.fda-sbom.md")));
        Assert.False(Directory.Exists(RepositoryPaths.InRepository("sample-device-app", "InfusionPump.Tests", "bin", "Release", "net10.0", "spdf")));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
    }

    internal static string Process(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }
}
