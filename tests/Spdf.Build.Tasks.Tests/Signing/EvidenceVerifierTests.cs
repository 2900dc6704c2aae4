using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spdf.Build.Core.Signing;
using Spdf.Build.Core.Verification;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>
/// The tamper matrix: every change to any file of a signed folder (a flipped byte anywhere, a deleted file, an
/// added file, another signer) fails verification with the file named, and openssl agrees on the CMS cases.
/// </summary>
public sealed class EvidenceVerifierTests : IClassFixture<SigningFixture>, IDisposable
{
    private readonly TestPki _pki;
    private readonly SigningIdentity _identity;
    private readonly SignedOutputFolder _signed;
    private readonly List<string> _temporary = new();

    public EvidenceVerifierTests(SigningFixture fixture)
    {
        _pki = fixture.Pki;
        _identity = fixture.Identity;
        _signed = fixture.Signed;
    }

    public void Dispose()
    {
        foreach (var folder in _temporary)
            Directory.Delete(folder, recursive: true);
    }

    private SignedOutputFolder Copy()
    {
        var destination = Directory.CreateTempSubdirectory("spdf-tamper-").FullName;
        _temporary.Add(destination);
        return _signed.CopyTo(destination);
    }

    private TrustAnchor Roots() => TrustAnchor.ForRoots(_pki.RootCertificatePath);

    [Fact]
    public void Untouched_folder_verifies_with_each_kind_of_trust_anchor()
    {
        using var roots = Roots();
        var report = EvidenceVerifier.Verify(_signed.Path, roots);
        Assert.True(report.ExitCode == 0, string.Join("\n", report.Findings));
        Assert.Empty(report.Findings);
        Assert.Equal(8, report.FilesChecked);
        Assert.Equal(9, report.SignaturesChecked);
        Assert.Equal(9, report.SubjectsChecked);

        Assert.Equal(0, EvidenceVerifier.Verify(_signed.Path, TrustAnchor.ForFingerprint(_pki.Fingerprint)).ExitCode);
        var none = EvidenceVerifier.Verify(_signed.Evidence, TrustAnchor.None());
        Assert.Equal(0, none.ExitCode);
        Assert.All(none.Findings, f => Assert.Equal(FindingKind.Notice, f.Kind));
    }

    /// <summary>Every file a signed folder holds (artefacts, evidence, signatures, manifest, provenance): an ECDSA-signed folder names the same files.</summary>
    public static IEnumerable<object[]> SignedFiles()
    {
        using var identity = SigningKeyLoader.CreateEphemeral(TestPki.SigningTime);
        using var folder = SignedOutputFolder.Create(identity);
        return folder.AllFiles().Select(f => new object[] { f });
    }

    [Theory]
    [MemberData(nameof(SignedFiles))]
    public void Flipping_a_byte_anywhere_in_any_file_fails_naming_it(string file)
    {
        var length = (int)new FileInfo(_signed.Combine(file)).Length;
        foreach (var position in new[] { 0, length / 3, length / 2, length - 2 }.Distinct())
        {
            var copy = Copy();
            SignedOutputFolder.FlipByte(copy.Combine(file), position);
            using var roots = Roots();
            var report = EvidenceVerifier.Verify(copy.Path, roots);
            Assert.True(report.ExitCode is VerificationExitCode.Tampered or VerificationExitCode.Untrusted, $"{file} @ {position}: exit {report.ExitCode}\n{string.Join("\n", report.Findings)}");
            Assert.True(
                report.Findings.Any(f => f.Kind != FindingKind.Notice && (f.File == file || f.Message.Contains(Path.GetFileName(file), StringComparison.Ordinal))),
                $"{file} @ {position} not named:\n{string.Join("\n", report.Findings)}");

            if (file.EndsWith(".p7s", StringComparison.Ordinal) || File.Exists(copy.Combine(file + ".p7s")))
            {
                var (content, signature) = file.EndsWith(".p7s", StringComparison.Ordinal) ? (file[..^4], file) : (file, file + ".p7s");
                var openssl = OpenSsl.VerifyDetached(copy.Combine(content), copy.Combine(signature), _pki.RootCertificatePath);
                Assert.True(openssl.ExitCode != 0, $"openssl accepted {file} with a byte flipped at {position}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SignedFiles))]
    public void Deleting_any_file_fails_naming_it(string file)
    {
        var copy = Copy();
        File.Delete(copy.Combine(file));
        using var roots = Roots();
        var report = EvidenceVerifier.Verify(copy.Path, roots);
        Assert.NotEqual(0, report.ExitCode);
        Assert.True(
            report.Findings.Any(f => f.Kind != FindingKind.Notice && (f.File == file || f.Message.Contains(Path.GetFileName(file), StringComparison.Ordinal))),
            $"{file} not named:\n{string.Join("\n", report.Findings)}");
    }

    [Fact]
    public void Deleting_an_artefact_is_incomplete()
    {
        var copy = Copy();
        File.Delete(copy.Combine("Vendor.Library.dll"));
        using var roots = Roots();
        var report = EvidenceVerifier.Verify(copy.Path, roots);
        Assert.Equal(VerificationExitCode.Incomplete, report.ExitCode);
        Assert.Contains(report.Findings, f => f.Id == "SPDF9004" && f.File == "Vendor.Library.dll");
    }

    [Theory]
    [InlineData("payload.dll")]
    [InlineData("runtimes/linux-x64/native/extra.so")]
    [InlineData("spdf/notes.txt")]
    [InlineData("Contoso.Pump.pdb.p7s")]
    public void Adding_an_unlisted_file_is_incomplete_naming_it(string file)
    {
        var copy = Copy();
        copy.Write(file, "added after signing\n"u8.ToArray());
        using var roots = Roots();
        var report = EvidenceVerifier.Verify(copy.Path, roots);
        Assert.Equal(VerificationExitCode.Incomplete, report.ExitCode);
        Assert.Contains(report.Findings, f => f.Id == "SPDF9005" && f.File == file);
    }

    [Fact]
    public void Replacing_a_file_and_re_signing_it_with_another_key_is_untrusted_and_openssl_agrees()
    {
        using var attacker = TestPki.CreateECDsa();
        using var resigned = SigningKeyLoader.Load(SigningKeySpecification.Parse("pem:key.pem"), "chain.pem", null, attacker.Folder, TestPki.SigningTime);
        var copy = Copy();
        foreach (var file in copy.AllFiles().Where(f => f.EndsWith(".p7s", StringComparison.Ordinal) || f.StartsWith("spdf/spdf-", StringComparison.Ordinal)))
            File.Delete(copy.Combine(file));
        copy.Sign(resigned);

        using var roots = Roots();
        var report = EvidenceVerifier.Verify(copy.Path, roots);
        Assert.Equal(VerificationExitCode.Untrusted, report.ExitCode);
        Assert.Contains(report.Findings, f => f.Id == "SPDF9003" && f.File == "Contoso.Pump.dll.p7s");
        Assert.Equal(VerificationExitCode.Untrusted, EvidenceVerifier.Verify(copy.Path, TrustAnchor.ForFingerprint(_pki.Fingerprint)).ExitCode);
        Assert.NotEqual(0, OpenSsl.VerifyDetached(copy.Combine("Contoso.Pump.dll"), copy.Combine("Contoso.Pump.dll.p7s"), _pki.RootCertificatePath).ExitCode);
    }

    [Fact]
    public void Signature_copied_from_another_signer_is_reported_even_without_a_trust_anchor()
    {
        using var other = TestPki.CreateECDsa();
        using var otherIdentity = SigningKeyLoader.Load(SigningKeySpecification.Parse("pem:key.pem"), "chain.pem", null, other.Folder, TestPki.SigningTime);
        var copy = Copy();
        var content = File.ReadAllBytes(copy.Combine("Vendor.Library.dll"));
        File.WriteAllBytes(copy.Combine("Vendor.Library.dll.p7s"), CmsDetachedSignature.Sign(content, otherIdentity, TestPki.SigningTime));
        var report = EvidenceVerifier.Verify(copy.Path, TrustAnchor.None());
        Assert.Equal(VerificationExitCode.Tampered, report.ExitCode);
        Assert.Contains(report.Findings, f => f.File == "Vendor.Library.dll.p7s" && f.Kind == FindingKind.Tampered);
    }

    [Fact]
    public void Sbom_component_hash_that_is_not_the_artefact_fails()
    {
        using var folder = SignedOutputFolder.Create(_identity, sbomMatches: false);
        var report = EvidenceVerifier.Verify(folder.Path, TrustAnchor.ForFingerprint(_pki.Fingerprint));
        Assert.Equal(VerificationExitCode.Tampered, report.ExitCode);
        var finding = Assert.Single(report.Findings, f => f.Id == "SPDF9010");
        Assert.Equal("spdf/Contoso.Pump.cdx.json", finding.File);
        Assert.Contains("Contoso.Pump.dll", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_trace_coverage_has_its_own_exit_code()
    {
        using var folder = SignedOutputFolder.Create(_identity, traceCoverageFailing: true);
        var report = EvidenceVerifier.Verify(folder.Path, TrustAnchor.ForFingerprint(_pki.Fingerprint));
        Assert.Equal(VerificationExitCode.CoverageFailing, report.ExitCode);
        var finding = Assert.Single(report.Findings, f => f.Id == "SPDF9011");
        Assert.Equal("spdf/spdf-trace.json", finding.File);
        Assert.Contains("11 of 12 threats addressed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_a_manifest_is_incomplete()
    {
        var empty = Directory.CreateTempSubdirectory("spdf-unsigned-").FullName;
        _temporary.Add(empty);
        File.WriteAllText(Path.Combine(empty, "App.dll"), "unsigned");
        var report = EvidenceVerifier.Verify(empty, TrustAnchor.None());
        Assert.Equal(VerificationExitCode.Incomplete, report.ExitCode);
        Assert.Equal("SPDF9007", Assert.Single(report.Findings).Id);
    }

    [Fact]
    public void Manifest_path_escaping_the_output_folder_is_rejected()
    {
        var copy = Copy();
        var manifestPath = copy.Combine("spdf/spdf-manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("\"path\": \"Vendor.Library.dll\"", "\"path\": \"../../etc/passwd\"", StringComparison.Ordinal));
        var report = EvidenceVerifier.Verify(copy.Path, TrustAnchor.None());
        Assert.Equal(VerificationExitCode.Tampered, report.ExitCode);
        Assert.Contains(report.Findings, f => f.Id == "SPDF9007" && f.Message.Contains("../../etc/passwd", StringComparison.Ordinal));
    }
}
