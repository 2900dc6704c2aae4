using System.Security.Cryptography;
using Contoso.InfusionPump.Firmware;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class FirmwareUpdateVerifierTests
{
    private static FirmwareImage Signed(ECDsa key, Version version)
    {
        var unsigned = new FirmwareImage(version, new byte[] { 1, 2, 3, 4 }, Array.Empty<byte>());
        return unsigned with { Signature = key.SignData(FirmwareUpdateVerifier.SignedBytes(unsigned), HashAlgorithmName.SHA256) };
    }

    [Fact]
    [Verifies("SC-007")]
    public void Newer_image_signed_by_the_manufacturer_is_installed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new FirmwareUpdateVerifier(key, new Version(2, 4, 0));
        Assert.Equal(FirmwareDecision.Install, verifier.Decide(Signed(key, new Version(2, 5, 0))));
    }

    [Fact]
    [Verifies("SC-007")]
    public void Image_signed_by_another_key_is_rejected()
    {
        using var manufacturer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new FirmwareUpdateVerifier(manufacturer, new Version(2, 4, 0));
        Assert.Equal(FirmwareDecision.RejectedSignature, verifier.Decide(Signed(attacker, new Version(2, 5, 0))));
    }

    [Fact]
    [Verifies("SC-008")]
    public void Rollback_to_an_older_signed_version_is_rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new FirmwareUpdateVerifier(key, new Version(2, 4, 0));
        Assert.Equal(FirmwareDecision.RejectedRollback, verifier.Decide(Signed(key, new Version(2, 3, 9))));
    }

    [Fact]
    [Verifies("SC-008")]
    public void Changing_the_version_of_a_signed_image_breaks_the_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new FirmwareUpdateVerifier(key, new Version(2, 4, 0));
        var image = Signed(key, new Version(2, 3, 0)) with { Version = new Version(9, 0, 0) };
        Assert.Equal(FirmwareDecision.RejectedSignature, verifier.Decide(image));
    }
}
