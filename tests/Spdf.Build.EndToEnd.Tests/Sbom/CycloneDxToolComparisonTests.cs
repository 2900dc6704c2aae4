using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Sbom;

/// <summary>
/// Correctness against the anchor: the CycloneDX dotnet tool 6.3.1 run on the same sample project. The NuGet
/// packages, versions, hashes, licences and edges must agree; the differences are the intended ones.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CycloneDxToolComparisonTests
{
    private const string ToolVersion = "6.3.1";
    private readonly SampleBuildFixture _sample;

    public CycloneDxToolComparisonTests(SampleBuildFixture sample) => _sample = sample;

    [Fact]
    public void Same_runtime_packages_hashes_licences_and_edges_as_the_CycloneDX_tool_and_only_intended_differences()
    {
        _sample.Result.AssertSuccess();
        using var tool = new TemporaryDirectory("spdf-cyclonedx-tool-");
        DotNet.Run(tool.Path, "new", "tool-manifest").AssertSuccess();
        DotNet.Run(tool.Path, "tool", "install", "CycloneDX", "--version", ToolVersion).AssertSuccess();
        var project = RepositoryPaths.InRepository("sample-device-app", "InfusionPump", "InfusionPump.csproj");
        // No restore (-dpr): both read the restore the sample build made; JSON, CycloneDX 1.6 like ours.
        DotNet.Run(tool.Path, "tool", "run", "dotnet-CycloneDX", "--", project, "-dpr", "-F", "Json", "-spv", "1.6", "-o", tool.Path, "-fn", "anchor.json").AssertSuccess();

        var anchor = JsonNode.Parse(File.ReadAllText(tool.Combine("anchor.json")))!;
        var ours = JsonNode.Parse(File.ReadAllText(Path.Combine(_sample.AppOutputDirectory, "spdf", "Contoso.InfusionPump.cdx.json")))!;

        var anchorPackages = Packages(anchor);
        var ourPackages = Packages(ours);

        // Intended difference 1: development-only packages. The tool lists them (scope excluded); we leave them out.
        var anchorRuntime = anchorPackages.Where(p => p.Value.Scope != "excluded").ToDictionary(p => p.Key, p => p.Value);
        var anchorDevelopment = anchorPackages.Keys.Except(anchorRuntime.Keys).ToArray();
        Assert.Contains(anchorDevelopment, r => r.StartsWith("pkg:nuget/Microsoft.CodeAnalysis.BannedApiAnalyzers@", StringComparison.Ordinal));
        Assert.Empty(ourPackages.Keys.Intersect(anchorDevelopment));

        // Same runtime packages, versions (in the purl), hashes and licences.
        Assert.Equal(anchorRuntime.Keys.OrderBy(k => k, StringComparer.Ordinal), ourPackages.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (purl, expected) in anchorRuntime)
        {
            var actual = ourPackages[purl];
            Assert.Equal(expected.Sha512, actual.Sha512);
            Assert.Equal(expected.License, actual.License);
            // Intended difference 2: we name the supplier (NTIA, FDA element D); the tool leaves it empty.
            Assert.Null(expected.Supplier);
            Assert.False(string.IsNullOrEmpty(actual.Supplier), purl);
        }

        // Same package-to-package edges.
        Assert.Equal(Edges(anchor, anchorRuntime.Keys), Edges(ours, ourPackages.Keys));

        // Intended difference 3: the .NET runtime is a framework component in ours, absent from the tool's.
        var framework = ours["components"]!.AsArray().Single(c => (string?)c!["type"] == "framework")!;
        Assert.Equal("Microsoft.NETCore.App", (string?)framework["name"]);
        Assert.DoesNotContain(anchor["components"]!.AsArray(), c => (string?)c!["type"] == "framework");
        Assert.Contains((string)framework["bom-ref"]!, DependsOn(ours, (string)ours["metadata"]!["component"]!["bom-ref"]!));
    }

    private sealed record PackageFacts(string? Scope, string Sha512, string License, string? Supplier);

    private static Dictionary<string, PackageFacts> Packages(JsonNode sbom)
        => sbom["components"]!.AsArray()
            .Where(c => ((string?)c!["purl"])?.StartsWith("pkg:nuget/", StringComparison.Ordinal) == true)
            .ToDictionary(
                c => (string)c!["purl"]!,
                c => new PackageFacts(
                    (string?)c!["scope"],
                    ((string?)c["hashes"]?.AsArray().FirstOrDefault(h => (string?)h!["alg"] == "SHA-512")?["content"] ?? "").ToLowerInvariant(),
                    License(c),
                    (string?)c["supplier"]?["name"]));

    // The tool writes a single SPDX id as {"license": {"id": ...}}; we write {"expression": ...}: the same licence.
    private static string License(JsonNode component)
        => string.Join(" AND ", component["licenses"]?.AsArray().Select(l => (string?)l!["expression"] ?? (string?)l["license"]?["id"] ?? (string?)l["license"]?["name"] ?? "") ?? Array.Empty<string>());

    private static string[] Edges(JsonNode sbom, IEnumerable<string> packages)
    {
        var set = packages.ToHashSet();
        return sbom["dependencies"]!.AsArray()
            .Where(d => set.Contains((string)d!["ref"]!))
            .SelectMany(d => (d!["dependsOn"]?.AsArray() ?? new JsonArray()).Select(t => (string)d["ref"]! + " -> " + (string)t!))
            .OrderBy(e => e, StringComparer.Ordinal)
            .ToArray();
    }

    private static string[] DependsOn(JsonNode sbom, string bomRef)
        => sbom["dependencies"]!.AsArray().Single(d => (string?)d!["ref"] == bomRef)!["dependsOn"]!.AsArray().Select(d => (string)d!).ToArray();
}
