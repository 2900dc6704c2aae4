using System;
using System.Linq;
using System.Text.Json.Nodes;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks.Tests.Sbom;

public sealed class CycloneDxWriterTests
{
    private static GeneratedRestore App()
    {
        var restore = new GeneratedRestore();
        restore.AddPackage("Zeta", "1.0.0", dependencies: new[] { "Alpha" })
            .AddPackage("Alpha", "2.0.0-beta.1")
            .AddPackage("Mid", "3.0.0", runtime: new[] { "lib/net10.0/Mid.dll", "lib/net10.0/Mid.Extra.dll" }, licenseExpression: null)
            .AddDirect("Zeta").AddDirect("Mid")
            .Write();
        return restore;
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes_and_the_serial_follows_the_content()
    {
        using var restore = App();
        var first = CycloneDxWriter.Write(SbomBuilder.Build(restore.Request()).Document);
        var second = CycloneDxWriter.Write(SbomBuilder.Build(restore.Request()).Document);
        Assert.Equal(first, second);
        var later = CycloneDxWriter.Write(SbomBuilder.Build(restore.Request(o => o.Timestamp = o.Timestamp.AddSeconds(1))).Document);
        var serial = (string)JsonNode.Parse(first)!["serialNumber"]!;
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", serial);
        Assert.NotEqual(serial, (string)JsonNode.Parse(later)!["serialNumber"]!);
    }

    [Fact]
    public void The_serial_is_the_name_based_UUID_of_the_content_written_with_a_zero_serial()
    {
        using var restore = App();
        var written = CycloneDxWriter.Write(SbomBuilder.Build(restore.Request()).Document);
        var serial = (string)JsonNode.Parse(written)!["serialNumber"]!;
        var zeroed = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(written).Replace(serial, "urn:uuid:" + Guid.Empty, StringComparison.Ordinal));
        var hash = System.Security.Cryptography.SHA256.HashData(zeroed);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
        Assert.Equal($"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}", serial);
    }

    [Fact]
    public void Addendum_is_deterministic_and_has_columns_A_to_G_for_every_component()
    {
        using var restore = App();
        var document = SbomBuilder.Build(restore.Request()).Document;
        var csv = FdaSbomAddendum.Csv(document);
        Assert.Equal(csv, FdaSbomAddendum.Csv(SbomBuilder.Build(restore.Request()).Document));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("bom-ref,A: Asset (where it resides),B: Name,C: Version,D: Manufacturer (supplier),E: Level of support,F: End-of-support date,G: Known vulnerabilities", lines[0], StringComparison.Ordinal);
        Assert.Equal(document.AllComponents().Count() + 1, lines.Length);
        Assert.Contains("pkg:nuget/Mid@3.0.0,Mid.Extra.dll; Mid.dll,Mid,3.0.0,Fabrikam,unknown,unknown,none known (not checked", csv, StringComparison.Ordinal);
        var markdown = FdaSbomAddendum.Markdown(document);
        Assert.Contains("| Mid.Extra.dll; Mid.dll | Mid | 3.0.0 | Fabrikam | unknown | unknown |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Components_are_sorted_and_carry_the_NTIA_minimum_elements_and_FDA_elements()
    {
        using var restore = App();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        var refs = SbomAssert.ComponentRefs(sbom);
        Assert.Equal(refs.OrderBy(r => r, StringComparer.Ordinal), refs);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)sbom["metadata"]!["timestamp"]);
        Assert.Equal("Contoso Medical Devices", (string?)sbom["metadata"]!["authors"]![0]!["name"]);
        foreach (var component in sbom["components"]!.AsArray().Append(sbom["metadata"]!["component"]))
        {
            Assert.False(string.IsNullOrEmpty((string?)component!["supplier"]?["name"]), "supplier of " + component["bom-ref"]);
            Assert.False(string.IsNullOrEmpty((string?)component["name"]));
            Assert.False(string.IsNullOrEmpty((string?)component["version"]));
            Assert.False(string.IsNullOrEmpty((string?)component["purl"]));
            Assert.NotEmpty(SbomAssert.Property(component, "spdf:fda:asset"));
            Assert.Single(SbomAssert.Property(component, "spdf:fda:level-of-support"));
            Assert.Contains((string)component["bom-ref"]!, sbom["dependencies"]!.AsArray().Select(d => (string)d!["ref"]!));
        }

        Assert.Equal(new[] { "pkg:nuget/Alpha@2.0.0-beta.1" }, SbomAssert.DependsOn(sbom, "pkg:nuget/Zeta@1.0.0"));
        var app = sbom["metadata"]!["component"]!;
        Assert.Equal("application", (string?)app["type"]);
        Assert.Equal("SHA-256", (string?)app["hashes"]![0]!["alg"]);
        Assert.Equal("LicenseRef-Contoso-Proprietary", (string?)app["licenses"]![0]!["expression"]);
        Assert.Equal("commit 0123456789abcdef0123456789abcdef01234567", (string?)app["externalReferences"]![0]!["comment"]);
    }

    [Fact]
    public void CycloneDX_1_7_is_written_on_request_and_valid()
    {
        using var restore = App();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request(o => o.SpecVersion = "1.7"));
        Assert.Equal("1.7", (string?)sbom["specVersion"]);
        Assert.Equal("http://cyclonedx.org/schema/bom-1.7.schema.json", (string?)sbom["$schema"]);
    }

    [Fact]
    public void Schema_validation_really_checks_enums_and_formats()
    {
        using var restore = App();
        var (_, json, _, _) = SbomAssert.BuildValid(restore.Request());
        Assert.Throws<Xunit.Sdk.XunitException>(() => CycloneDxSchema.AssertValid(json.Replace("\"type\": \"library\"", "\"type\": \"librarian\"", StringComparison.Ordinal)));
        Assert.Throws<Xunit.Sdk.XunitException>(() => CycloneDxSchema.AssertValid(json.Replace("2026-01-01T00:00:00Z", "1 January 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public void Project_references_are_components_with_the_hash_of_their_output()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("Alpha", "1.0.0").AddDirect("Alpha").AddProjectReference("Contoso.Dosing", "2.4.0").Write();
        var (sbom, _, _, _) = SbomAssert.BuildValid(restore.Request());
        var dosing = SbomAssert.Component(sbom, "pkg:nuget/Contoso.Dosing@2.4.0");
        Assert.Equal("Contoso Medical Devices", (string?)dosing["supplier"]!["name"]);
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("assembly Contoso.Dosing"))).ToLowerInvariant();
        Assert.Equal(expected, (string?)dosing["hashes"]![0]!["content"]);
        Assert.Equal(new[] { "Contoso.Dosing.dll" }, SbomAssert.Property(dosing, "spdf:fda:asset"));
        Assert.Equal(new[] { "../Contoso.Dosing/Contoso.Dosing.csproj" }, SbomAssert.Property(dosing, "spdf:project-reference"));
        Assert.Contains("pkg:nuget/Contoso.Dosing@2.4.0", SbomAssert.DependsOn(sbom, "pkg:nuget/Contoso.App@1.2.3"));
    }
}
