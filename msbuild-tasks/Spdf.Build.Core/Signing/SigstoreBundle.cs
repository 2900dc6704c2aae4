using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// A Sigstore bundle v0.3 holding one DSSE envelope, signed by a key named only by its hint (the SHA-256
/// fingerprint of its public key): no transparency-log entry, no timestamp, no Fulcio certificate, so it
/// verifies offline against the key the verifier trusts.
/// </summary>
public static class SigstoreBundle
{
    public const string MediaType = "application/vnd.dev.sigstore.bundle.v0.3+json";
    public const string FileName = "spdf-provenance.sigstore.json";

    public static byte[] Create(byte[] statement, SigningIdentity identity)
    {
        var pae = Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, statement);
        var signature = identity.SignSha256Digest(System.Security.Cryptography.SHA256.HashData(pae));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("mediaType", MediaType);
            writer.WriteStartObject("verificationMaterial");
            writer.WriteStartObject("publicKey");
            writer.WriteString("hint", identity.KeyFingerprint);
            writer.WriteEndObject();
            writer.WriteStartArray("tlogEntries");
            writer.WriteEndArray();
            writer.WriteStartObject("timestampVerificationData");
            writer.WriteStartArray("rfc3161Timestamps");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("dsseEnvelope");
            writer.WriteString("payload", Convert.ToBase64String(statement));
            writer.WriteString("payloadType", Dsse.InTotoPayloadType);
            writer.WriteStartArray("signatures");
            writer.WriteStartObject();
            writer.WriteString("sig", Convert.ToBase64String(signature));
            writer.WriteString("keyid", identity.KeyFingerprint);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// The parts a verifier needs. The bundle is read strictly (exactly the members Spdf.Build writes), because
    /// only the DSSE payload is signed: a renamed or added member would otherwise go unnoticed. A malformed
    /// bundle throws <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="KeyNotFoundException"/>.
    /// </summary>
    public static (string KeyHint, string PayloadType, byte[] Payload, byte[] Signature) Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        ExpectMembers(root, "bundle", "mediaType", "verificationMaterial", "dsseEnvelope");
        if (root.GetProperty("mediaType").GetString() != MediaType)
            throw new JsonException($"mediaType is not {MediaType}");
        var material = root.GetProperty("verificationMaterial");
        ExpectMembers(material, "verificationMaterial", "publicKey", "tlogEntries", "timestampVerificationData");
        ExpectMembers(material.GetProperty("publicKey"), "publicKey", "hint");
        ExpectMembers(material.GetProperty("timestampVerificationData"), "timestampVerificationData", "rfc3161Timestamps");
        if (material.GetProperty("tlogEntries").GetArrayLength() != 0 || material.GetProperty("timestampVerificationData").GetProperty("rfc3161Timestamps").GetArrayLength() != 0)
            throw new JsonException("Spdf.Build bundles carry no transparency-log entries or timestamps");
        var hint = material.GetProperty("publicKey").GetProperty("hint").GetString() ?? "";
        var envelope = root.GetProperty("dsseEnvelope");
        ExpectMembers(envelope, "dsseEnvelope", "payload", "payloadType", "signatures");
        var signatures = envelope.GetProperty("signatures");
        if (signatures.GetArrayLength() != 1)
            throw new JsonException("the DSSE envelope must hold exactly one signature");
        ExpectMembers(signatures[0], "signature", "sig", "keyid");
        if (signatures[0].GetProperty("keyid").GetString() != hint)
            throw new JsonException("the DSSE signature's keyid is not the bundle's key hint");
        return (
            hint,
            envelope.GetProperty("payloadType").GetString() ?? "",
            Convert.FromBase64String(envelope.GetProperty("payload").GetString() ?? ""),
            Convert.FromBase64String(signatures[0].GetProperty("sig").GetString() ?? ""));
    }

    private static void ExpectMembers(JsonElement element, string name, params string[] members)
    {
        var actual = new List<string>();
        foreach (var property in element.EnumerateObject())
            actual.Add(property.Name);
        actual.Sort(StringComparer.Ordinal);
        var expected = new List<string>(members);
        expected.Sort(StringComparer.Ordinal);
        if (!actual.SequenceEqual(expected))
            throw new JsonException($"{name} has members [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]");
    }
}
