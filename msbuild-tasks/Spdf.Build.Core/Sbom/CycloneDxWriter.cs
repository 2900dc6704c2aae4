using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// Writes CycloneDX 1.6 or 1.7 JSON. Deterministic: fixed member order, components and vulnerabilities in
/// ordinal order, the build's time stamp, and a serial number derived from the content itself.
/// </summary>
public static class CycloneDxWriter
{
    public static readonly IReadOnlyList<string> SupportedSpecVersions = new[] { "1.6", "1.7" };

    public const string EndOfSupportProperty = "cdx:lifecycle:milestone:endOfSupport";
    public const string LevelOfSupportProperty = "spdf:fda:level-of-support";
    public const string JustificationProperty = "spdf:fda:justification";
    public const string AssetProperty = "spdf:fda:asset";

    public static byte[] Write(SbomDocument document)
    {
        // The serial number is a name-based UUID over the content written with a zero serial: same content, same
        // serial. One pass: write with the zero serial, hash, then put the UUID in place of the zeros (same length,
        // and the first occurrence is the serialNumber member, written before any content that could repeat it).
        var zero = Guid.Empty.ToString();
        var content = Serialize(document, zero);
        var at = content.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes("urn:uuid:" + zero));
        System.Text.Encoding.ASCII.GetBytes(ContentUuid(content), content.AsSpan(at + "urn:uuid:".Length, zero.Length));
        return content;
    }

    private static string ContentUuid(byte[] content)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(content, bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5 (name-based, SHA hash)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes[..16], bigEndian: true).ToString();
    }

    private static byte[] Serialize(SbomDocument document, string serial)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", $"http://cyclonedx.org/schema/bom-{document.SpecVersion}.schema.json");
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", document.SpecVersion);
            json.WriteString("serialNumber", "urn:uuid:" + serial);
            json.WriteNumber("version", 1);
            WriteMetadata(json, document);

            json.WriteStartArray("components");
            foreach (var component in document.Components)
                WriteComponent(json, component, document);
            json.WriteEndArray();

            json.WriteStartArray("dependencies");
            foreach (var component in document.AllComponents().OrderBy(c => c.BomRef, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("ref", component.BomRef);
                json.WriteStartArray("dependsOn");
                foreach (var dependency in component.DependsOn)
                    json.WriteStringValue(dependency);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            if (document.Vulnerabilities.Count > 0)
            {
                json.WriteStartArray("vulnerabilities");
                foreach (var vulnerability in document.Vulnerabilities)
                    WriteVulnerability(json, vulnerability);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteMetadata(Utf8JsonWriter json, SbomDocument document)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", BuildTimestamp.Format(document.Timestamp));
        json.WriteStartArray("lifecycles");
        json.WriteStartObject();
        json.WriteString("phase", "build");
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "Spdf.Build");
        json.WriteString("version", document.ToolVersion);
        json.WriteStartArray("externalReferences");
        WriteExternalReference(json, new SbomExternalReference("website", "https://github.com/spdf-build/spdf-build", null));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("authors");
        foreach (var author in document.Authors.DefaultIfEmpty(document.Manufacturer))
        {
            json.WriteStartObject();
            json.WriteString("name", author);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("component");
        WriteComponent(json, document.Application, document);

        json.WriteStartObject("manufacturer");
        json.WriteString("name", document.Manufacturer);
        json.WriteEndObject();
        json.WriteStartObject("supplier");
        json.WriteString("name", document.Manufacturer);
        json.WriteEndObject();

        WriteProperties(json, document.Properties);
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, SbomComponent component, SbomDocument document)
    {
        json.WriteStartObject();
        json.WriteString("type", component.Type);
        json.WriteString("bom-ref", component.BomRef);
        if (component.Supplier is not null)
        {
            json.WriteStartObject("supplier");
            json.WriteString("name", component.Supplier);
            json.WriteEndObject();
        }

        if (component.Authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in component.Authors)
            {
                json.WriteStartObject();
                json.WriteString("name", author);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteString("name", component.Name);
        json.WriteString("version", component.Version);
        if (component.Description is not null)
            json.WriteString("description", component.Description);
        if (component.Scope is not null)
            json.WriteString("scope", component.Scope);

        if (component.Hashes.Count > 0)
        {
            json.WriteStartArray("hashes");
            foreach (var hash in component.Hashes)
            {
                json.WriteStartObject();
                json.WriteString("alg", hash.Algorithm);
                json.WriteString("content", hash.Hex);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (component.License is { } license)
        {
            json.WriteStartArray("licenses");
            json.WriteStartObject();
            if (license.Expression is not null)
            {
                json.WriteString("expression", license.Expression);
            }
            else
            {
                json.WriteStartObject("license");
                json.WriteString("name", license.Name);
                if (license.Url is not null && Uri.IsWellFormedUriString(license.Url, UriKind.Absolute))
                    json.WriteString("url", license.Url);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (component.Copyright is not null)
            json.WriteString("copyright", component.Copyright);
        if (component.Purl is not null)
            json.WriteString("purl", component.Purl);

        if (component.ExternalReferences.Count > 0)
        {
            json.WriteStartArray("externalReferences");
            foreach (var reference in component.ExternalReferences)
                WriteExternalReference(json, reference);
            json.WriteEndArray();
        }

        WriteProperties(json, FdaProperties(component).Concat(component.Properties));
        json.WriteEndObject();
    }

    /// <summary>FDA elements A, E and F as properties (B, C, D are name, version and supplier).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FdaProperties(SbomComponent component)
    {
        foreach (var asset in component.Assets)
            yield return new(AssetProperty, asset);
        yield return new(LevelOfSupportProperty, component.Support.Level.ToText());
        if (component.Support.EndOfSupport is { } end)
            yield return new(EndOfSupportProperty, end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (component.Support.Justification is { } justification)
            yield return new(JustificationProperty, justification);
        yield return new("spdf:fda:support-source", component.Support.Source);
    }

    private static void WriteExternalReference(Utf8JsonWriter json, SbomExternalReference reference)
    {
        json.WriteStartObject();
        json.WriteString("type", reference.Type);
        json.WriteString("url", reference.Url);
        if (reference.Comment is not null)
            json.WriteString("comment", reference.Comment);
        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, string>> properties)
    {
        var list = properties.ToList();
        if (list.Count == 0)
            return;
        json.WriteStartArray("properties");
        foreach (var (name, value) in list)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteVulnerability(Utf8JsonWriter json, SbomVulnerability vulnerability)
    {
        var advisory = vulnerability.Advisory;
        json.WriteStartObject();
        json.WriteString("bom-ref", advisory.Id + "/" + vulnerability.Component.BomRef);
        json.WriteString("id", advisory.Id);
        WriteSource(json, advisory.Id);

        if (advisory.Aliases.Count > 0)
        {
            json.WriteStartArray("references");
            foreach (var alias in advisory.Aliases.OrderBy(a => a, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", alias);
                WriteSource(json, alias);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteRatings(json, advisory);

        if (advisory.CweIds.Count > 0)
        {
            json.WriteStartArray("cwes");
            foreach (var cwe in advisory.CweIds)
                json.WriteNumberValue(cwe);
            json.WriteEndArray();
        }

        if (advisory.Summary is not null)
            json.WriteString("description", advisory.Summary);
        if (advisory.Details is not null)
            json.WriteString("detail", advisory.Details);

        var advisories = advisory.References.Where(r => r.Type is "ADVISORY" or "WEB" && Uri.IsWellFormedUriString(r.Url, UriKind.Absolute)).Select(r => r.Url).Distinct().ToList();
        if (advisories.Count > 0)
        {
            json.WriteStartArray("advisories");
            foreach (var url in advisories)
            {
                json.WriteStartObject();
                json.WriteString("url", url);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (advisory.Published is not null)
            json.WriteString("published", advisory.Published);
        if (advisory.Modified is not null)
            json.WriteString("updated", advisory.Modified);

        if (vulnerability.Assessment is { } assessment)
        {
            json.WriteStartObject("analysis");
            json.WriteString("state", assessment.State);
            if (assessment.Justification is not null)
                json.WriteString("justification", assessment.Justification);
            if (assessment.Responses.Count > 0)
            {
                json.WriteStartArray("response");
                foreach (var response in assessment.Responses)
                    json.WriteStringValue(response);
                json.WriteEndArray();
            }

            if (assessment.Detail is not null)
                json.WriteString("detail", assessment.Detail);
            json.WriteEndObject();
        }

        json.WriteStartArray("affects");
        json.WriteStartObject();
        json.WriteString("ref", vulnerability.Component.BomRef);
        json.WriteStartArray("versions");
        json.WriteStartObject();
        json.WriteString("version", vulnerability.Component.Version);
        json.WriteString("status", "affected");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        WriteProperties(json, new[] { new KeyValuePair<string, string>("spdf:osv:file", Path.GetFileName(advisory.SourceFile)) });
        json.WriteEndObject();
    }

    private static void WriteRatings(Utf8JsonWriter json, OsvAdvisory advisory)
    {
        var ratings = new List<(string Method, string Vector, double? Score, string Severity)>();
        foreach (var severity in advisory.Severities)
        {
            if (severity.Vector.StartsWith("CVSS:3", StringComparison.Ordinal) && CvssV3.TryScore(severity.Vector, out var score))
                ratings.Add((severity.Vector.StartsWith("CVSS:3.1", StringComparison.Ordinal) ? "CVSSv31" : "CVSSv3", severity.Vector, score, CvssV3.Severity(score)));
            else if (severity.Vector.StartsWith("CVSS:4", StringComparison.Ordinal))
                ratings.Add(("CVSSv4", severity.Vector, null, GitHubSeverity(advisory.DatabaseSeverity)));
        }

        if (ratings.Count == 0 && advisory.DatabaseSeverity is not null)
            ratings.Add(("other", "", null, GitHubSeverity(advisory.DatabaseSeverity)));
        if (ratings.Count == 0)
            return;

        json.WriteStartArray("ratings");
        foreach (var (method, vector, score, severity) in ratings)
        {
            json.WriteStartObject();
            WriteSource(json, advisory.Id);
            if (score is { } value)
                json.WriteNumber("score", Math.Round(value, 1));
            json.WriteString("severity", severity);
            json.WriteString("method", method);
            if (vector.Length > 0)
                json.WriteString("vector", vector);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string GitHubSeverity(string? label) => label?.ToUpperInvariant() switch
    {
        "CRITICAL" => "critical",
        "HIGH" => "high",
        "MODERATE" or "MEDIUM" => "medium",
        "LOW" => "low",
        _ => "unknown",
    };

    private static void WriteSource(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject("source");
        if (id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase))
        {
            json.WriteString("name", "GitHub Advisory Database");
            json.WriteString("url", "https://github.com/advisories/" + id);
        }
        else if (id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase))
        {
            json.WriteString("name", "NVD");
            json.WriteString("url", "https://nvd.nist.gov/vuln/detail/" + id);
        }
        else
        {
            json.WriteString("name", "OSV");
            json.WriteString("url", "https://osv.dev/vulnerability/" + id);
        }

        json.WriteEndObject();
    }
}
