using System;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// Detached CMS (PKCS#7) signatures as <c>openssl cms -verify -binary -inform DER -content F</c> reads them:
/// DER, SHA-256, the signer certificate and the configured chain embedded, a signing-time attribute. RSA keys
/// sign with PKCS#1 v1.5, which is deterministic, so the same file, key and time give the same bytes.
/// </summary>
public static class CmsDetachedSignature
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1", "sha256");

    public static byte[] Sign(byte[] content, SigningIdentity identity, DateTimeOffset signingTime)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = identity.PrivateKey is RSA rsa
            ? new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, identity.Certificate, rsa, RSASignaturePadding.Pkcs1)
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, identity.Certificate, identity.PrivateKey);
        signer.DigestAlgorithm = Sha256;
        // EndCertOnly plus the configured chain: building the chain here (WholeChain) would consult the
        // machine's stores and the network, which makes signatures differ between machines.
        signer.IncludeOption = X509IncludeOption.EndCertOnly;
        foreach (var issuer in identity.Chain)
        {
            if (!IsSelfSigned(issuer))
                signer.Certificates.Add(issuer);
        }

        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        try
        {
            signedCms.ComputeSignature(signer, silent: true);
        }
        catch (CryptographicException exception) when (identity.PrivateKey is ExternalRsa or ExternalECDsa)
        {
            throw new SpdfException(DiagnosticIds.ExternalSignerFailed, "The external signer could not produce a CMS signature: " + exception.Message);
        }

        return signedCms.Encode();
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
