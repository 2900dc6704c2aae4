namespace Contoso.InfusionPump.Firmware;

/// <summary>A firmware update as delivered: the image, its version and the manufacturer's ECDSA P-256 signature.</summary>
public sealed record FirmwareImage(Version Version, byte[] Payload, byte[] Signature);
