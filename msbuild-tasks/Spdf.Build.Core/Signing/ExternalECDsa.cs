using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// An ECDSA key whose private half lives outside the process: signing goes through
/// <see cref="ExternalSignerProcess"/> (which returns DER), verification through the certificate's key.
/// </summary>
public sealed class ExternalECDsa : ECDsa
{
    private readonly ECDsa _publicKey;
    private readonly ExternalSignerProcess _signer;

    public ExternalECDsa(ECDsa publicKey, ExternalSignerProcess signer)
    {
        _publicKey = publicKey;
        _signer = signer;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = new[] { new KeySizes(publicKey.KeySize, publicKey.KeySize, 0) };
    }

    public override ECParameters ExportParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters)
            throw new CryptographicException("The private key of an external signer cannot be exported.");
        return _publicKey.ExportParameters(false);
    }

    public override ECParameters ExportExplicitParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters)
            throw new CryptographicException("The private key of an external signer cannot be exported.");
        return _publicKey.ExportExplicitParameters(false);
    }

    public override void ImportParameters(ECParameters parameters)
        => throw new CryptographicException("An external signer's key cannot be replaced.");

    /// <summary>Returns the IEEE P1363 form (r || s) the <see cref="ECDsa"/> contract asks for.</summary>
    public override byte[] SignHash(byte[] hash)
    {
        if (hash.Length != 32)
            throw new CryptographicException("The external signer protocol signs SHA-256 digests only.");
        var der = _signer.Sign(hash, "ecdsa");
        byte[] signature;
        try
        {
            signature = DerToIeeeP1363(der, (KeySize + 7) / 8);
        }
        catch (AsnContentException)
        {
            throw _signer.Failed("its output is not a DER-encoded ECDSA signature");
        }

        if (!_publicKey.VerifyHash(hash, signature))
            throw _signer.Failed("its ECDSA signature does not verify with the public key of SpdfSigningCertificate (wrong key?)");
        return signature;
    }

    public override bool VerifyHash(byte[] hash, byte[] signature) => _publicKey.VerifyHash(hash, signature);

    protected override byte[] HashData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm)
        => hashAlgorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(data.AsSpan(offset, count)) : throw new CryptographicException("Only SHA-256 is supported.");

    protected override byte[] HashData(System.IO.Stream data, HashAlgorithmName hashAlgorithm)
        => hashAlgorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(data) : throw new CryptographicException("Only SHA-256 is supported.");

    internal static byte[] DerToIeeeP1363(byte[] der, int fieldSize)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var r = sequence.ReadIntegerBytes().Span;
        var s = sequence.ReadIntegerBytes().Span;
        sequence.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        var result = new byte[2 * fieldSize];
        CopyUnsigned(r, result.AsSpan(0, fieldSize));
        CopyUnsigned(s, result.AsSpan(fieldSize, fieldSize));
        return result;
    }

    private static void CopyUnsigned(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        while (integer.Length > 0 && integer[0] == 0)
            integer = integer[1..];
        if (integer.Length > destination.Length)
            throw new AsnContentException("ECDSA signature component is larger than the curve's field.");
        integer.CopyTo(destination[(destination.Length - integer.Length)..]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _publicKey.Dispose();
        base.Dispose(disposing);
    }
}
