using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks.Tests.Sbom;

/// <summary>Builds and writes an SBOM the way the task does, and validates every one against the CycloneDX schema.</summary>
internal static class SbomAssert
{
    public static (JsonNode Sbom, string Json, SbomDocument Document, IReadOnlyList<SbomFinding> Findings) BuildValid(SbomRequest request)
    {
        var (document, findings) = SbomBuilder.Build(request);
        var json = System.Text.Encoding.UTF8.GetString(CycloneDxWriter.Write(document));
        CycloneDxSchema.AssertValid(json);
        return (JsonNode.Parse(json)!, json, document, findings);
    }

    public static JsonObject Component(JsonNode sbom, string bomRef)
        => sbom["components"]!.AsArray().Select(c => c!.AsObject()).SingleOrDefault(c => (string?)c["bom-ref"] == bomRef)
           ?? throw new Xunit.Sdk.XunitException($"No component {bomRef} in the SBOM.");

    public static string[] ComponentRefs(JsonNode sbom)
        => sbom["components"]!.AsArray().Select(c => (string)c!["bom-ref"]!).ToArray();

    public static string[] Property(JsonNode component, string name)
        => component["properties"]?.AsArray().Where(p => (string?)p!["name"] == name).Select(p => (string)p!["value"]!).ToArray() ?? System.Array.Empty<string>();

    public static string[] DependsOn(JsonNode sbom, string bomRef)
        => sbom["dependencies"]!.AsArray().Single(d => (string?)d!["ref"] == bomRef)!["dependsOn"]!.AsArray().Select(d => (string)d!).ToArray();
}
