using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// Names a public key by the SHA-256 of its DER SubjectPublicKeyInfo, in lowercase hex: the same value as
/// <c>openssl x509 -pubkey -noout -in cert.pem | openssl pkey -pubin -outform DER | sha256sum</c>.
/// </summary>
public static class PublicKeyFingerprint
{
    public static string Of(X509Certificate2 certificate)
        => Convert.ToHexString(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())).ToLowerInvariant();

    /// <summary>Accepts hex with or without colons, any case, optionally prefixed with <c>sha256:</c>.</summary>
    public static bool TryNormalize(string text, out string fingerprint)
    {
        var value = text.Trim();
        if (value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
            value = value["sha256:".Length..];
        value = value.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
        fingerprint = value;
        if (value.Length != 64)
            return false;
        foreach (var character in value)
        {
            if (!Uri.IsHexDigit(character))
                return false;
        }

        return true;
    }
}
