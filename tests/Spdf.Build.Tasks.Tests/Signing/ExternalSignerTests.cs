using System;
using System.IO;
using Spdf.Build.Core;
using Spdf.Build.Core.Signing;
using Spdf.Build.Core.Verification;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>The cmd: protocol driven by a small script around openssl, as an HSM or KMS client would be.</summary>
public sealed class ExternalSignerTests : IClassFixture<SigningFixture>
{
    private const string Script = "#!/bin/sh\n# digest on stdin, signature on stdout\nexec openssl pkeyutl -sign -inkey \"$1\" -pkeyopt digest:sha256\n";

    private readonly SigningFixture _rsa;

    public ExternalSignerTests(SigningFixture rsa) => _rsa = rsa;

    private static SigningIdentity LoadCommand(TestPki pki, string command)
    {
        File.WriteAllText(pki.Combine("sign.sh"), Script);
        return SigningKeyLoader.Load(SigningKeySpecification.Parse(command), "chain.pem", null, pki.Folder, TestPki.SigningTime);
    }

    [Fact]
    public void Rsa_external_signer_signs_cms_and_provenance_that_openssl_and_the_verifier_accept()
    {
        using var identity = LoadCommand(_rsa.Pki, "cmd:/bin/sh sign.sh key.pem");
        Assert.IsType<ExternalRsa>(identity.PrivateKey);
        using var folder = SignedOutputFolder.Create(identity);

        Assert.Equal(0, OpenSsl.VerifyDetached(folder.Combine("Contoso.Pump.dll"), folder.Combine("Contoso.Pump.dll.p7s"), _rsa.Pki.RootCertificatePath).ExitCode);
        using var roots = TrustAnchor.ForRoots(_rsa.Pki.RootCertificatePath);
        var report = EvidenceVerifier.Verify(folder.Path, roots);
        Assert.True(report.ExitCode == 0, string.Join("\n", report.Findings));

        // PKCS#1 v1.5 is deterministic: the external signer gives the same bytes as the software key.
        var software = File.ReadAllBytes(_rsa.Signed.Combine("Contoso.Pump.dll.p7s"));
        Assert.Equal(software, File.ReadAllBytes(folder.Combine("Contoso.Pump.dll.p7s")));
    }

    [Fact]
    public void Ecdsa_external_signer_output_is_converted_from_DER_and_verifies()
    {
        using var pki = TestPki.CreateECDsa();
        using var identity = LoadCommand(pki, "cmd:/bin/sh sign.sh key.pem");
        Assert.IsType<ExternalECDsa>(identity.PrivateKey);
        using var folder = SignedOutputFolder.Create(identity);
        Assert.Equal(0, OpenSsl.VerifyDetached(folder.Combine("Vendor.Library.dll"), folder.Combine("Vendor.Library.dll.p7s"), pki.RootCertificatePath).ExitCode);
        Assert.Equal(0, SigstoreInterop.Verify(folder.Combine("spdf/spdf-provenance.sigstore.json"), pki.PublicKeyPath).ExitCode);
        using var roots = TrustAnchor.ForRoots(pki.RootCertificatePath);
        Assert.Equal(0, EvidenceVerifier.Verify(folder.Path, roots).ExitCode);
    }

    [Fact]
    public void Failing_signer_is_SPDF5308_with_its_error_output()
    {
        File.WriteAllText(_rsa.Pki.Combine("broken.sh"), "#!/bin/sh\necho 'HSM slot 3 is locked' >&2\nexit 3\n");
        using var identity = SigningKeyLoader.Load(SigningKeySpecification.Parse("cmd:/bin/sh broken.sh"), "chain.pem", null, _rsa.Pki.Folder, TestPki.SigningTime);
        var error = Assert.Throws<SpdfException>(() => CmsDetachedSignature.Sign("content"u8.ToArray(), identity, TestPki.SigningTime));
        Assert.Equal("SPDF5308", error.DiagnosticId);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("HSM slot 3 is locked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signer_using_a_key_that_is_not_the_certificates_is_SPDF5308()
    {
        using var other = TestPki.CreateRsa(2048);
        File.WriteAllText(_rsa.Pki.Combine("sign.sh"), Script);
        using var identity = SigningKeyLoader.Load(SigningKeySpecification.Parse("cmd:/bin/sh sign.sh " + other.KeyPath), "chain.pem", null, _rsa.Pki.Folder, TestPki.SigningTime);
        var error = Assert.Throws<SpdfException>(() => CmsDetachedSignature.Sign("content"u8.ToArray(), identity, TestPki.SigningTime));
        Assert.Equal("SPDF5308", error.DiagnosticId);
        Assert.Contains("does not verify with the public key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_program_is_SPDF5308()
    {
        using var identity = SigningKeyLoader.Load(SigningKeySpecification.Parse("cmd:/nonexistent/kms-sign"), "chain.pem", null, _rsa.Pki.Folder, TestPki.SigningTime);
        var error = Assert.Throws<SpdfException>(() => CmsDetachedSignature.Sign("content"u8.ToArray(), identity, TestPki.SigningTime));
        Assert.Equal("SPDF5308", error.DiagnosticId);
        Assert.Contains("could not be started", error.Message, StringComparison.Ordinal);
    }
}
