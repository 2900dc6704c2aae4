using System;
using System.Text;

namespace Spdf.Build.Core.Signing;

/// <summary>Dead Simple Signing Envelope (DSSE v1): what is signed is the pre-authentication encoding of type and payload.</summary>
public static class Dsse
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary><c>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, lengths in ASCII decimal.</summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        var typeBytes = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"DSSEv1 {typeBytes.Length} {payloadType} {payload.Length} "));
        var result = new byte[header.Length + payload.Length];
        header.CopyTo(result, 0);
        payload.CopyTo(result.AsSpan(header.Length));
        return result;
    }
}
