using System;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Spdf.Build.Core.Verification;

/// <summary>The outcome of checking one detached CMS signature against its content.</summary>
public sealed record CmsSignatureCheck(bool IsValid, string? Problem, X509Certificate2? Signer, X509Certificate2Collection Embedded, DateTime SigningTimeUtc)
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string Sha384Oid = "2.16.840.1.101.3.4.2.2";
    private const string Sha512Oid = "2.16.840.1.101.3.4.2.3";

    /// <summary>Checks that <paramref name="signature"/> is one DER CMS signature over <paramref name="content"/> by its embedded signer, with SHA-2.</summary>
    public static CmsSignatureCheck Check(byte[] content, byte[] signature)
    {
        var signedCms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            signedCms.Decode(signature);
        }
        catch (CryptographicException)
        {
            return Invalid("the signature file is not a DER CMS signature");
        }

        if (signedCms.SignerInfos.Count != 1)
            return Invalid($"the signature has {signedCms.SignerInfos.Count} signers instead of one");
        var signerInfo = signedCms.SignerInfos[0];
        if (signerInfo.DigestAlgorithm.Value is not (Sha256Oid or Sha384Oid or Sha512Oid))
            return Invalid($"the signature uses digest {signerInfo.DigestAlgorithm.FriendlyName ?? signerInfo.DigestAlgorithm.Value}, not SHA-2");
        var signer = signerInfo.Certificate;
        if (signer is null)
            return Invalid("the signature does not embed its signer certificate");
        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Invalid("the signature does not match the file's content");
        }

        return new CmsSignatureCheck(true, null, signer, signedCms.Certificates, SigningTime(signerInfo));
    }

    /// <summary>The signing-time attribute, or now when there is none or it is a GeneralizedTime (2050 on), which .NET does not decode.</summary>
    private static DateTime SigningTime(SignerInfo signerInfo)
    {
        foreach (var attribute in signerInfo.SignedAttributes)
        {
            if (attribute.Values.Count > 0 && attribute.Values[0] is Pkcs9SigningTime time)
            {
                try
                {
                    return time.SigningTime.ToUniversalTime();
                }
                catch (CryptographicException)
                {
                    break;
                }
            }
        }

        return DateTime.UtcNow;
    }

    private static CmsSignatureCheck Invalid(string problem) => new(false, problem, null, new X509Certificate2Collection(), default);
}
