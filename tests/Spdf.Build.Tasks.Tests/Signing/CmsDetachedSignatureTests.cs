using System;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

public sealed class CmsDetachedSignatureTests : IClassFixture<SigningFixture>
{
    private static readonly byte[] Content = System.Text.Encoding.UTF8.GetBytes("firmware image 2.4.0\n");

    private readonly SigningFixture _fixture;

    public CmsDetachedSignatureTests(SigningFixture fixture) => _fixture = fixture;

    /// <summary>What SignedCms writes for the same signer, content and time: the reference encoding.</summary>
    private static byte[] SignWithSignedCms(SigningIdentity identity, DateTimeOffset time)
    {
        var signedCms = new SignedCms(new ContentInfo(Content), detached: true);
        var signer = identity.PrivateKey is RSA rsa
            ? new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, identity.Certificate, rsa, RSASignaturePadding.Pkcs1)
            : new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, identity.Certificate, identity.PrivateKey);
        signer.DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1");
        signer.IncludeOption = X509IncludeOption.EndCertOnly;
        signer.SignedAttributes.Add(new Pkcs9SigningTime(time.UtcDateTime));
        signedCms.ComputeSignature(signer, silent: true);
        return signedCms.Encode();
    }

    [Fact]
    public void Rsa_signature_is_byte_for_byte_what_SignedCms_writes()
        => Assert.Equal(SignWithSignedCms(_fixture.Identity, TestPki.SigningTime), CmsDetachedSignature.Sign(Content, _fixture.Identity, TestPki.SigningTime));

    [Fact]
    public void Signing_time_before_2050_is_a_UTCTime_as_SignedCms_writes_it()
    {
        var time = new DateTimeOffset(2049, 12, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.Equal(SignWithSignedCms(_fixture.Identity, time), CmsDetachedSignature.Sign(Content, _fixture.Identity, time));
    }

    [Fact]
    public void Signing_time_from_2050_is_a_GeneralizedTime_and_still_verifies()
    {
        var time = new DateTimeOffset(2051, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var signedCms = new SignedCms(new ContentInfo(Content), detached: true);
        signedCms.Decode(CmsDetachedSignature.Sign(Content, _fixture.Identity, time));
        signedCms.CheckSignature(verifySignatureOnly: true);
        var attribute = signedCms.SignerInfos[0].SignedAttributes[1].Values[0];
        Assert.Equal("1.2.840.113549.1.9.5", attribute.Oid!.Value);
        Assert.Equal("20510601120000Z", System.Text.Encoding.ASCII.GetString(attribute.RawData, 2, attribute.RawData.Length - 2));
        Assert.Equal(0x18, attribute.RawData[0]); // GeneralizedTime
    }

    [Fact]
    public void Ecdsa_signature_decodes_and_verifies_with_SignedCms()
    {
        using var identity = SigningKeyLoader.CreateEphemeral(TestPki.SigningTime);
        var signedCms = new SignedCms(new ContentInfo(Content), detached: true);
        signedCms.Decode(CmsDetachedSignature.Sign(Content, identity, TestPki.SigningTime));
        signedCms.CheckSignature(verifySignatureOnly: true);
        Assert.True(signedCms.SignerInfos.Count == 1);
        var signer = signedCms.SignerInfos[0];
        Assert.Equal(identity.Certificate.RawData, signer.Certificate!.RawData);
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
    }

    [Fact]
    public void Signature_over_other_content_does_not_verify()
    {
        var signedCms = new SignedCms(new ContentInfo(System.Text.Encoding.UTF8.GetBytes("firmware image 2.4.1\n")), detached: true);
        signedCms.Decode(CmsDetachedSignature.Sign(Content, _fixture.Identity, TestPki.SigningTime));
        Assert.ThrowsAny<CryptographicException>(() => signedCms.CheckSignature(verifySignatureOnly: true));
    }
}
