using System;
using System.Security.Cryptography;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// An RSA key whose private half lives outside the process (HSM, cloud KMS): signing goes through
/// <see cref="ExternalSignerProcess"/>, everything public through the certificate's key. Being an
/// <see cref="RSA"/>, it signs CMS (SignedCms) and DSSE alike.
/// </summary>
public sealed class ExternalRsa : RSA
{
    private readonly RSA _publicKey;
    private readonly ExternalSignerProcess _signer;

    public ExternalRsa(RSA publicKey, ExternalSignerProcess signer)
    {
        _publicKey = publicKey;
        _signer = signer;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = new[] { new KeySizes(publicKey.KeySize, publicKey.KeySize, 0) };
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters)
            throw new CryptographicException("The private key of an external signer cannot be exported.");
        return _publicKey.ExportParameters(false);
    }

    public override void ImportParameters(RSAParameters parameters)
        => throw new CryptographicException("An external signer's key cannot be replaced.");

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1 || hash.Length != 32)
            throw new CryptographicException($"The external signer protocol signs SHA-256 digests with PKCS#1 v1.5 only, not {hashAlgorithm.Name} with {padding}.");
        var signature = _signer.Sign(hash, "rsa");
        if (!_publicKey.VerifyHash(hash, signature, hashAlgorithm, padding))
            throw _signer.Failed("its RSA signature does not verify with the public key of SpdfSigningCertificate (wrong key, or not a PKCS#1 v1.5 SHA-256 signature)");
        return signature;
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        => _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    public override byte[] Encrypt(byte[] data, RSAEncryptionPadding padding) => _publicKey.Encrypt(data, padding);

    public override byte[] Decrypt(byte[] data, RSAEncryptionPadding padding)
        => throw new CryptographicException("The external signer protocol signs; it does not decrypt.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _publicKey.Dispose();
        base.Dispose(disposing);
    }
}
