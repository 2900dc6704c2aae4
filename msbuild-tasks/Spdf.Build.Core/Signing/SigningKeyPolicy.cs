using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// The keys Spdf.Build signs with: RSA of at least 2048 bits (3072 for keys it generates), ECDSA on P-256 or
/// P-384, and certificates not signed with SHA-1 or MD5 (NIST SP 800-131A, SP 800-57).
/// </summary>
public static class SigningKeyPolicy
{
    public const int MinimumRsaKeySize = 2048;
    public const int GeneratedRsaKeySize = 3072;

    private static readonly string[] WeakCertificateSignatureOids =
    {
        "1.2.840.113549.1.1.4", // md5WithRSAEncryption
        "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
        "1.2.840.10045.4.1",    // ecdsa-with-SHA1
        "1.2.840.10040.4.3",    // dsa-with-sha1
        "1.3.14.3.2.29",        // sha1WithRSASignature (OIW)
    };

    public static void Check(X509Certificate2 certificate, string source, string? file = null)
    {
        if (certificate.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                if (rsa.KeySize < MinimumRsaKeySize)
                    throw Weak(source, file, $"its RSA key has {rsa.KeySize} bits; at least {MinimumRsaKeySize} are required (3072 recommended)");
            }
        }
        else if (certificate.GetECDsaPublicKey() is { } ecdsa)
        {
            using (ecdsa)
            {
                var curve = ecdsa.ExportParameters(false).Curve;
                var oid = curve.Oid?.Value;
                if (oid is not ("1.2.840.10045.3.1.7" or "1.3.132.0.34"))
                    throw Weak(source, file, $"its ECDSA key is on curve {curve.Oid?.FriendlyName ?? oid ?? "(explicit parameters)"}; use P-256 or P-384");
            }
        }
        else
        {
            throw Weak(source, file, $"its key algorithm ({certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value}) is not RSA or ECDSA");
        }

        foreach (var weakOid in WeakCertificateSignatureOids)
        {
            if (certificate.SignatureAlgorithm.Value == weakOid)
                throw Weak(source, file, $"its certificate '{certificate.Subject}' is signed with {certificate.SignatureAlgorithm.FriendlyName ?? weakOid}; SHA-1 and MD5 signatures are not accepted");
        }
    }

    private static SpdfException Weak(string source, string? file, string reason)
        => new(DiagnosticIds.SigningKeyWeak, $"The signing key {source} does not meet the key policy: {reason}.", file);
}
