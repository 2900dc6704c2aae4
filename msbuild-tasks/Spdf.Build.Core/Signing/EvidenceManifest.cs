using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// One artefact or evidence file: its path relative to the output folder (forward slashes), size, SHA-256, and
/// the SHA-256 of its detached signature file (so that any change to a signature file is seen, even one a CMS
/// parser tolerates).
/// </summary>
public sealed record ManifestEntry(string Path, long Size, string Sha256, string SignatureSha256 = "");

/// <summary>Who signed: the key's fingerprint and algorithm, and whether it was a throwaway (ephemeral) key.</summary>
public sealed record ManifestSigner(string KeyFingerprint, string Algorithm, bool Ephemeral, string CertificateSubject);

/// <summary>
/// <c>spdf-manifest.json</c>: every artefact and evidence file of one output folder with size and SHA-256,
/// the signer, and the build it came from. Written deterministically (ordinal path order, fixed property order).
/// </summary>
public sealed record EvidenceManifest(
    string GeneratorVersion,
    string Project,
    string Configuration,
    string TargetFramework,
    string Timestamp,
    string ArtifactRoot,
    ManifestSigner Signer,
    IReadOnlyList<ManifestEntry> Files)
{
    public const string FileName = "spdf-manifest.json";
    public const string SchemaUri = "https://spdf.build/schemas/evidence-manifest/v1";

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteStartObject("generator");
            writer.WriteString("name", "Spdf.Build");
            writer.WriteString("version", GeneratorVersion);
            writer.WriteEndObject();
            writer.WriteStartObject("build");
            writer.WriteString("project", Project);
            writer.WriteString("configuration", Configuration);
            writer.WriteString("targetFramework", TargetFramework);
            writer.WriteString("timestamp", Timestamp);
            writer.WriteEndObject();
            writer.WriteString("artifactRoot", ArtifactRoot);
            writer.WriteStartObject("signer");
            writer.WriteString("keyFingerprint", Signer.KeyFingerprint);
            writer.WriteString("algorithm", Signer.Algorithm);
            writer.WriteBoolean("ephemeral", Signer.Ephemeral);
            writer.WriteString("certificateSubject", Signer.CertificateSubject);
            writer.WriteEndObject();
            writer.WriteStartArray("files");
            foreach (var entry in Files.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("path", entry.Path);
                writer.WriteNumber("size", entry.Size);
                writer.WriteString("sha256", entry.Sha256);
                writer.WriteString("signatureSha256", entry.SignatureSha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a manifest; a malformed one is an <see cref="SpdfException"/> with <paramref name="errorId"/>.</summary>
    public static EvidenceManifest Parse(byte[] json, string file, string errorId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("$schema").GetString() != SchemaUri)
                throw new SpdfException(errorId, $"'{file}' is not an Spdf.Build evidence manifest ($schema is not {SchemaUri}).", file);
            var build = root.GetProperty("build");
            var signer = root.GetProperty("signer");
            var files = new List<ManifestEntry>();
            foreach (var entry in root.GetProperty("files").EnumerateArray())
            {
                files.Add(new ManifestEntry(
                    entry.GetProperty("path").GetString() ?? "",
                    entry.GetProperty("size").GetInt64(),
                    entry.GetProperty("sha256").GetString() ?? "",
                    entry.GetProperty("signatureSha256").GetString() ?? ""));
            }

            return new EvidenceManifest(
                root.GetProperty("generator").GetProperty("version").GetString() ?? "",
                build.GetProperty("project").GetString() ?? "",
                build.GetProperty("configuration").GetString() ?? "",
                build.GetProperty("targetFramework").GetString() ?? "",
                build.GetProperty("timestamp").GetString() ?? "",
                root.GetProperty("artifactRoot").GetString() ?? "",
                new ManifestSigner(
                    signer.GetProperty("keyFingerprint").GetString() ?? "",
                    signer.GetProperty("algorithm").GetString() ?? "",
                    signer.GetProperty("ephemeral").GetBoolean(),
                    signer.GetProperty("certificateSubject").GetString() ?? ""),
                files);
        }
        catch (JsonException exception)
        {
            throw new SpdfException(errorId, $"'{file}' is not valid JSON: {exception.Message}", file, (int)(exception.LineNumber ?? -1) + 1);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SpdfException(errorId, $"'{file}' is not a complete Spdf.Build evidence manifest: {exception.Message}", file);
        }
    }
}
