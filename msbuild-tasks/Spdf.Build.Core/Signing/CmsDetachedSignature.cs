using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// Detached CMS (PKCS#7) signatures as <c>openssl cms -verify -binary -inform DER -content F</c> reads them:
/// DER SignedData, SHA-256, the signer certificate and the configured intermediates embedded, content-type,
/// signing-time and message-digest signed attributes. RSA keys sign with PKCS#1 v1.5, which is deterministic,
/// so the same file, key and time give the same bytes.
/// </summary>
/// <remarks>
/// The structure is written here with <see cref="AsnWriter"/> rather than by <c>SignedCms</c> because SignedCms
/// needs the whole content in memory and hashes it itself, several times slower than hashing a file stream
/// once (bench/signing): signing takes the SHA-256 the manifest records anyway. The bytes are those SignedCms
/// writes for the same input (a test compares them), and the verifier reads signatures with SignedCms.
/// </remarks>
public static class CmsDetachedSignature
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string DataOid = "1.2.840.113549.1.7.1";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    private const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    public static byte[] Sign(ReadOnlySpan<byte> content, SigningIdentity identity, DateTimeOffset signingTime)
        => SignDigest(SHA256.HashData(content), identity, signingTime);

    /// <summary>Signs content known by its SHA-256 <paramref name="contentDigest"/>.</summary>
    public static byte[] SignDigest(ReadOnlySpan<byte> contentDigest, SigningIdentity identity, DateTimeOffset signingTime)
    {
        var signedAttributes = EncodeSignedAttributes(contentDigest, signingTime);
        byte[] signature;
        try
        {
            signature = identity.SignSha256Digest(SHA256.HashData(signedAttributes));
        }
        catch (CryptographicException exception) when (identity.PrivateKey is ExternalRsa or ExternalECDsa)
        {
            throw new SpdfException(DiagnosticIds.ExternalSignerFailed, "The external signer could not produce a CMS signature: " + exception.Message);
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(SignedDataOid);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                    WriteAlgorithm(writer, Sha256Oid, withNullParameters: false);
                using (writer.PushSequence())
                    writer.WriteObjectIdentifier(DataOid);
                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    writer.WriteEncodedValue(identity.Certificate.RawData);
                    foreach (var issuer in identity.Chain)
                    {
                        // Roots are the verifier's to supply; embedding them would only invite trusting them.
                        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(issuer.IssuerName.RawData))
                            writer.WriteEncodedValue(issuer.RawData);
                    }
                }

                using (writer.PushSetOf())
                    WriteSignerInfo(writer, identity, signedAttributes, signature);
            }
        }

        return writer.Encode();
    }

    private static void WriteSignerInfo(AsnWriter writer, SigningIdentity identity, byte[] signedAttributes, byte[] signature)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(identity.Certificate.IssuerName.RawData);
                writer.WriteInteger(identity.Certificate.SerialNumberBytes.Span);
            }

            WriteAlgorithm(writer, Sha256Oid, withNullParameters: false);

            // The signature covers the attributes as a universal SET; in the SignerInfo they carry tag [0] IMPLICIT.
            var implicitlyTagged = (byte[])signedAttributes.Clone();
            implicitlyTagged[0] = 0xA0;
            writer.WriteEncodedValue(implicitlyTagged);

            if (identity.PrivateKey is RSA)
                WriteAlgorithm(writer, RsaEncryptionOid, withNullParameters: false);
            else
                WriteAlgorithm(writer, EcdsaWithSha256Oid, withNullParameters: false);
            writer.WriteOctetString(signature);
        }
    }

    private static byte[] EncodeSignedAttributes(ReadOnlySpan<byte> contentDigest, DateTimeOffset signingTime)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(ContentTypeOid);
                using (writer.PushSetOf())
                    writer.WriteObjectIdentifier(DataOid);
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(SigningTimeOid);
                using (writer.PushSetOf())
                {
                    // RFC 5652 11.3: UTCTime for 1950 through 2049, GeneralizedTime otherwise.
                    var utc = signingTime.ToUniversalTime();
                    if (utc.Year is >= 1950 and < 2050)
                        writer.WriteUtcTime(utc);
                    else
                        writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(MessageDigestOid);
                using (writer.PushSetOf())
                    writer.WriteOctetString(contentDigest);
            }
        }

        return writer.Encode();
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid, bool withNullParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNullParameters)
                writer.WriteNull();
        }
    }
}
