using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.Core;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

public sealed class SigningKeyLoaderTests : IClassFixture<SigningFixture>, IDisposable
{
    private readonly TestPki _rsa;
    private readonly string _passwordVariable = "SPDF_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");

    public SigningKeyLoaderTests(SigningFixture fixture)
    {
        _rsa = fixture.Pki;
        Environment.SetEnvironmentVariable(_passwordVariable, TestPki.Password);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_passwordVariable, null);

    private SigningIdentity Load(string key, string? certificate = null, string? passwordVariable = null)
        => SigningKeyLoader.Load(SigningKeySpecification.Parse(key), certificate, passwordVariable, _rsa.Folder, TestPki.SigningTime);

    private SpdfException Fails(string key, string? certificate = null, string? passwordVariable = null)
        => Assert.Throws<SpdfException>(() => Load(key, certificate, passwordVariable).Dispose());

    [Fact]
    public void Pem_key_with_its_certificate_chain()
    {
        using var identity = Load("pem:key.pem", "chain.pem");
        Assert.IsAssignableFrom<RSA>(identity.PrivateKey);
        Assert.Equal("CN=Contoso Build Server, O=Contoso Medical Devices", identity.Certificate.Subject);
        Assert.Single(identity.Chain);
        Assert.Equal(_rsa.Fingerprint, identity.KeyFingerprint);
        Assert.False(identity.IsEphemeral);
    }

    [Fact]
    public void Encrypted_pem_key_reads_its_password_from_the_named_variable()
    {
        using var identity = Load("pem:key.encrypted.pem", "chain.pem", _passwordVariable);
        Assert.Equal(_rsa.Fingerprint, identity.KeyFingerprint);
    }

    [Fact]
    public void Wrong_password_is_SPDF5303_naming_the_variable_not_the_password()
    {
        var wrongVariable = _passwordVariable + "_WRONG";
        Environment.SetEnvironmentVariable(wrongVariable, "not the password");
        try
        {
            var error = Fails("pem:key.encrypted.pem", "chain.pem", wrongVariable);
            Assert.Equal("SPDF5303", error.DiagnosticId);
            Assert.Contains(wrongVariable, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not the password", error.Message, StringComparison.Ordinal);
            Assert.Equal(_rsa.EncryptedKeyPath, error.File);
        }
        finally
        {
            Environment.SetEnvironmentVariable(wrongVariable, null);
        }
    }

    [Fact]
    public void Encrypted_key_without_a_password_variable_is_SPDF5304()
    {
        Assert.Equal("SPDF5304", Fails("pem:key.encrypted.pem", "chain.pem").DiagnosticId);
        var unset = Fails("pem:key.encrypted.pem", "chain.pem", "SPDF_TEST_VARIABLE_THAT_IS_NOT_SET");
        Assert.Equal("SPDF5304", unset.DiagnosticId);
        Assert.Contains("SPDF_TEST_VARIABLE_THAT_IS_NOT_SET", unset.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pfx_with_password()
    {
        using var identity = Load("pfx:signer.pfx", passwordVariable: _passwordVariable);
        Assert.Equal(_rsa.Fingerprint, identity.KeyFingerprint);
    }

    [Fact]
    public void Pfx_with_wrong_password_is_SPDF5303()
    {
        var wrongVariable = _passwordVariable + "_PFX";
        Environment.SetEnvironmentVariable(wrongVariable, "nope");
        try
        {
            Assert.Equal("SPDF5303", Fails("pfx:signer.pfx", passwordVariable: wrongVariable).DiagnosticId);
        }
        finally
        {
            Environment.SetEnvironmentVariable(wrongVariable, null);
        }
    }

    [Fact]
    public void Pfx_holding_only_a_certificate_is_SPDF5306()
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(_rsa.ChainPath);
        File.WriteAllBytes(_rsa.Combine("public-only.pfx"), certificate.Export(X509ContentType.Pkcs12, TestPki.Password));
        var error = Fails("pfx:public-only.pfx", passwordVariable: _passwordVariable);
        Assert.Equal("SPDF5306", error.DiagnosticId);
        Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pem:missing.pem", "chain.pem")]
    [InlineData("pfx:missing.pfx", null)]
    [InlineData("pem:key.pem", "missing-chain.pem")]
    public void Missing_file_is_SPDF5302_naming_it(string key, string? certificate)
    {
        var error = Fails(key, certificate);
        Assert.Equal("SPDF5302", error.DiagnosticId);
        Assert.Contains("missing", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_key_file_is_SPDF5310()
    {
        File.WriteAllText(_rsa.Combine("garbage.pem"), "this is not a key\n");
        Assert.Equal("SPDF5310", Fails("pem:garbage.pem", "chain.pem").DiagnosticId);
        File.WriteAllText(_rsa.Combine("garbage.pfx"), "this is not a pfx\n");
        Assert.Equal("SPDF5310", Fails("pfx:garbage.pfx").DiagnosticId);
    }

    [Fact]
    public void Certificate_of_another_key_is_SPDF5307()
    {
        using var other = TestPki.CreateECDsa();
        var error = Fails("pem:key.pem", other.ChainPath);
        Assert.Equal("SPDF5307", error.DiagnosticId);
    }

    [Fact]
    public void Pem_key_without_a_certificate_is_SPDF5311()
        => Assert.Equal("SPDF5311", Fails("pem:key.pem").DiagnosticId);

    [Fact]
    public void Cmd_signer_without_a_certificate_is_SPDF5311()
        => Assert.Equal("SPDF5311", Fails("cmd:openssl pkeyutl -sign -inkey key.pem -pkeyopt digest:sha256").DiagnosticId);

    [Fact]
    public void Rsa_1024_is_too_weak_SPDF5305()
    {
        using var weak = TestPki.CreateRsa(1024);
        var error = Assert.Throws<SpdfException>(() => SigningKeyLoader.Load(SigningKeySpecification.Parse("pem:key.pem"), "chain.pem", null, weak.Folder, TestPki.SigningTime));
        Assert.Equal("SPDF5305", error.DiagnosticId);
        Assert.Contains("1024 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ecdsa_P521_is_outside_the_policy_SPDF5305()
    {
        using var p521 = TestPki.CreateECDsa(ECCurve.NamedCurves.nistP521);
        var error = Assert.Throws<SpdfException>(() => SigningKeyLoader.Load(SigningKeySpecification.Parse("pem:key.pem"), "chain.pem", null, p521.Folder, TestPki.SigningTime));
        Assert.Equal("SPDF5305", error.DiagnosticId);
        Assert.Contains("P-256 or P-384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_signed_with_SHA1_is_SPDF5305()
    {
        // .NET refuses to create SHA-1 certificates; openssl still does, as legacy PKIs did.
        var (exitCode, output) = OpenSsl.Run("req", "-x509", "-newkey", "rsa:3072", "-sha1", "-nodes", "-keyout", _rsa.Combine("sha1-key.pem"), "-out", _rsa.Combine("sha1.pem"), "-subj", "/CN=Legacy SHA-1 signer", "-days", "2");
        Assert.True(exitCode == 0, output);
        var error = Fails("pem:sha1-key.pem", "sha1.pem");
        Assert.Equal("SPDF5305", error.DiagnosticId);
        Assert.Contains("SHA-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_key_is_a_P256_key_with_a_self_signed_certificate_marked_as_such()
    {
        using var identity = Load("ephemeral");
        Assert.True(identity.IsEphemeral);
        var ecdsa = Assert.IsAssignableFrom<ECDsa>(identity.PrivateKey);
        Assert.Equal(256, ecdsa.KeySize);
        Assert.Contains("ephemeral", identity.Certificate.Subject, StringComparison.Ordinal);
        using var other = Load("ephemeral");
        Assert.NotEqual(identity.KeyFingerprint, other.KeyFingerprint);
    }
}
