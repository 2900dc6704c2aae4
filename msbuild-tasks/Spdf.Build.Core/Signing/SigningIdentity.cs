using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// A loaded signer: the certificate (public part only), the private key that belongs to it (a software key or an
/// external signer behind the <see cref="RSA"/>/<see cref="ECDsa"/> API), and the rest of the certificate chain.
/// </summary>
public sealed class SigningIdentity : IDisposable
{
    public SigningIdentity(X509Certificate2 certificate, AsymmetricAlgorithm privateKey, IReadOnlyList<X509Certificate2> chain, bool isEphemeral)
    {
        Certificate = certificate;
        PrivateKey = privateKey;
        Chain = chain;
        IsEphemeral = isEphemeral;
        KeyFingerprint = PublicKeyFingerprint.Of(certificate);
    }

    public X509Certificate2 Certificate { get; }

    public AsymmetricAlgorithm PrivateKey { get; }

    /// <summary>Issuer certificates from the configured chain, leaf excluded, in file order.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    public bool IsEphemeral { get; }

    /// <summary>Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo: the provenance bundle's key hint.</summary>
    public string KeyFingerprint { get; }

    /// <summary>The signature algorithm name DSSE and the manifest record: <c>ecdsa-sha256</c> or <c>rsa-pkcs1-sha256</c>.</summary>
    public string SignatureAlgorithm => PrivateKey is RSA ? "rsa-pkcs1-sha256" : "ecdsa-sha256";

    /// <summary>Signs a SHA-256 digest: PKCS#1 v1.5 for RSA (deterministic), DER-encoded ECDSA otherwise.</summary>
    public byte[] SignSha256Digest(byte[] digest)
        => PrivateKey switch
        {
            RSA rsa => rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => ecdsa.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence),
            _ => throw new SpdfException(DiagnosticIds.SigningKeyWeak, $"Key type {PrivateKey.GetType().Name} is not supported: use RSA or ECDSA."),
        };

    public void Dispose()
    {
        PrivateKey.Dispose();
        Certificate.Dispose();
        foreach (var certificate in Chain)
            certificate.Dispose();
    }
}
