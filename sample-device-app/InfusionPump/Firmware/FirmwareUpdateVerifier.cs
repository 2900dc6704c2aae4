using System.Security.Cryptography;
using Spdf.Build;

namespace Contoso.InfusionPump.Firmware;

public enum FirmwareDecision
{
    Install,
    RejectedSignature,
    RejectedRollback,
}

/// <summary>
/// Decides whether a firmware image may be installed: the manufacturer's ECDSA P-256 / SHA-256 signature
/// must verify against the public key built into the pump, and the version must be newer than the running
/// one (no rollback to a version with known vulnerabilities).
/// </summary>
public sealed class FirmwareUpdateVerifier
{
    private readonly ECDsa _manufacturerKey;
    private readonly Version _runningVersion;

    public FirmwareUpdateVerifier(ECDsa manufacturerKey, Version runningVersion)
    {
        if (manufacturerKey.KeySize < 256)
            throw new ArgumentException("The manufacturer key must be at least P-256.", nameof(manufacturerKey));
        _manufacturerKey = manufacturerKey;
        _runningVersion = runningVersion;
    }

    [ImplementsControl("SC-007")]
    [ImplementsControl("SC-008")]
    public FirmwareDecision Decide(FirmwareImage image)
    {
        var signedBytes = SignedBytes(image);
        var signatureValid = _manufacturerKey.VerifyData(signedBytes, image.Signature, HashAlgorithmName.SHA256);
        if (!signatureValid)
            return FirmwareDecision.RejectedSignature;

        return image.Version > _runningVersion ? FirmwareDecision.Install : FirmwareDecision.RejectedRollback;
    }

    /// <summary>The version is signed together with the payload so it cannot be changed to allow a rollback.</summary>
    [ImplementsControl("SC-008")]
    public static byte[] SignedBytes(FirmwareImage image)
    {
        var version = System.Text.Encoding.UTF8.GetBytes(image.Version.ToString() + "\n");
        var bytes = new byte[version.Length + image.Payload.Length];
        version.CopyTo(bytes, 0);
        image.Payload.CopyTo(bytes, version.Length);
        return bytes;
    }
}
