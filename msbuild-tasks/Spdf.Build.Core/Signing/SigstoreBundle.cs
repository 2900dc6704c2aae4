using System;
using System.IO;
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

    /// <summary>The parts a verifier needs; a malformed bundle throws <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
    public static (string KeyHint, string PayloadType, byte[] Payload, byte[] Signature) Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("mediaType").GetString() != MediaType)
            throw new JsonException($"mediaType is not {MediaType}");
        var hint = root.GetProperty("verificationMaterial").GetProperty("publicKey").GetProperty("hint").GetString() ?? "";
        var envelope = root.GetProperty("dsseEnvelope");
        var signatures = envelope.GetProperty("signatures");
        if (signatures.GetArrayLength() != 1)
            throw new JsonException("the DSSE envelope must hold exactly one signature");
        return (
            hint,
            envelope.GetProperty("payloadType").GetString() ?? "",
            Convert.FromBase64String(envelope.GetProperty("payload").GetString() ?? ""),
            Convert.FromBase64String(signatures[0].GetProperty("sig").GetString() ?? ""));
    }
}
