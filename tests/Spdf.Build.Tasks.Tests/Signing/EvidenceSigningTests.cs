using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spdf.Build.Core.Signing;
using Spdf.Build.Core.Verification;

namespace Spdf.Build.Tasks.Tests.Signing;

public sealed class EvidenceSigningTests : IClassFixture<SigningFixture>
{
    private readonly TestPki _pki;
    private readonly SigningIdentity _identity;

    public EvidenceSigningTests(SigningFixture fixture)
    {
        _pki = fixture.Pki;
        _identity = fixture.Identity;
    }

    [Fact]
    public void Every_file_gets_a_detached_signature_that_openssl_accepts()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        var signatures = folder.AllFiles().Where(f => f.EndsWith(".p7s", StringComparison.Ordinal)).ToArray();
        Assert.Equal(9, signatures.Length); // 7 files + spdf-signer.pem + the manifest
        foreach (var signature in signatures)
        {
            var (exitCode, output) = OpenSsl.VerifyDetached(folder.Combine(signature[..^4]), folder.Combine(signature), _pki.RootCertificatePath);
            Assert.True(exitCode == 0, signature + ": " + output);
        }
    }

    [Fact]
    public void Signature_carries_the_signing_time_and_SHA256()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        var (exitCode, output) = OpenSsl.Run("cms", "-cmsout", "-print", "-inform", "DER", "-in", folder.Combine("Contoso.Pump.dll.p7s"));
        Assert.Equal(0, exitCode);
        Assert.Contains("sha256", output, StringComparison.Ordinal);
        Assert.Contains("Jan  1 00:00:00 2026 GMT", output, StringComparison.Ordinal);
        Assert.Contains("Contoso Build Server", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_lists_every_artefact_and_evidence_file_with_size_and_sha256()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(folder.Combine("spdf/spdf-manifest.json")));
        var paths = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToArray();
        Assert.Equal(
            new[] { "Contoso.Pump.deps.json", "Contoso.Pump.dll", "Contoso.Pump.runtimeconfig.json", "Vendor.Library.dll", "runtimes/linux-x64/native/libpump.so", "spdf/Contoso.Pump.cdx.json", "spdf/spdf-signer.pem", "spdf/spdf-trace.json" },
            paths);
        var dll = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "Contoso.Pump.dll");
        Assert.Equal(40_000, dll.GetProperty("size").GetInt64());
        Assert.Equal("..", manifest.RootElement.GetProperty("artifactRoot").GetString());
        Assert.Equal(_pki.Fingerprint, manifest.RootElement.GetProperty("signer").GetProperty("keyFingerprint").GetString());
        Assert.False(manifest.RootElement.GetProperty("signer").GetProperty("ephemeral").GetBoolean());
    }

    [Fact]
    public void Provenance_is_a_sigstore_bundle_with_an_in_toto_slsa_statement()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(folder.Combine("spdf/spdf-provenance.sigstore.json")));
        Assert.Equal("application/vnd.dev.sigstore.bundle.v0.3+json", bundle.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(_pki.Fingerprint, bundle.RootElement.GetProperty("verificationMaterial").GetProperty("publicKey").GetProperty("hint").GetString());
        var envelope = bundle.RootElement.GetProperty("dsseEnvelope");
        Assert.Equal("application/vnd.in-toto+json", envelope.GetProperty("payloadType").GetString());
        using var statement = JsonDocument.Parse(Convert.FromBase64String(envelope.GetProperty("payload").GetString()!));
        var root = statement.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", root.GetProperty("predicateType").GetString());
        var subjects = root.GetProperty("subject").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToArray();
        Assert.Contains("Contoso.Pump.dll", subjects);
        Assert.Contains("spdf/spdf-manifest.json", subjects);
        Assert.Equal(9, subjects.Length);
        var definition = root.GetProperty("predicate").GetProperty("buildDefinition");
        Assert.Equal("https://spdf.build/buildtypes/dotnet-build/v1", definition.GetProperty("buildType").GetString());
        Assert.Equal("Release", definition.GetProperty("externalParameters").GetProperty("configuration").GetString());
        Assert.Equal("net10.0", definition.GetProperty("externalParameters").GetProperty("targetFramework").GetString());
        Assert.Equal("10.0.401", definition.GetProperty("internalParameters").GetProperty("sdkVersion").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToArray();
        Assert.Equal("git+https://example.com/contoso/pump.git", dependencies[0].GetProperty("uri").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", dependencies[0].GetProperty("digest").GetProperty("gitCommit").GetString());
        Assert.Equal("spdf/Contoso.Pump.cdx.json", dependencies[1].GetProperty("uri").GetString());
        var run = root.GetProperty("predicate").GetProperty("runDetails");
        Assert.Equal(BuilderIdentityDetector.LocalBuilderId, run.GetProperty("builder").GetProperty("id").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", run.GetProperty("metadata").GetProperty("startedOn").GetString());
    }

    [Fact]
    public void Same_files_key_and_time_give_byte_identical_signatures_manifest_and_provenance()
    {
        using var first = SignedOutputFolder.Create(_identity);
        using var second = SignedOutputFolder.Create(_identity);
        var outputs = first.AllFiles().Where(f => f.EndsWith(".p7s", StringComparison.Ordinal) || f.StartsWith("spdf/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(outputs, second.AllFiles().Where(f => f.EndsWith(".p7s", StringComparison.Ordinal) || f.StartsWith("spdf/", StringComparison.Ordinal)));
        foreach (var file in outputs)
            Assert.True(File.ReadAllBytes(first.Combine(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.Combine(file))), file + " differs");
    }

    [Fact]
    public void Sigstore_verify_accepts_the_bundle_offline_and_rejects_a_changed_one()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        var bundle = folder.Combine("spdf/spdf-provenance.sigstore.json");
        var accepted = SigstoreInterop.Verify(bundle, _pki.PublicKeyPath);
        Assert.True(accepted.ExitCode == 0, accepted.Output);
        Assert.Contains("  Contoso.Pump.dll", accepted.Output, StringComparison.Ordinal);

        var json = File.ReadAllText(bundle);
        using var document = JsonDocument.Parse(json);
        var payload = document.RootElement.GetProperty("dsseEnvelope").GetProperty("payload").GetString()!;
        var statement = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Replace("Contoso.Pump.dll", "Contoso.Pwnd.dll", StringComparison.Ordinal);
        File.WriteAllText(bundle, json.Replace(payload, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(statement)), StringComparison.Ordinal));
        var rejected = SigstoreInterop.Verify(bundle, _pki.PublicKeyPath);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("signature verification failed", rejected.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_folder_outside_the_output_folder_is_SPDF0031()
    {
        using var folder = SignedOutputFolder.Create(_identity);
        var outside = Directory.CreateTempSubdirectory("spdf-outside-").FullName;
        var error = Assert.Throws<Spdf.Build.Core.SpdfException>(() => EvidenceSigner.Sign(new EvidenceSigningRequest(folder.Path, outside, Array.Empty<string>(), _identity, TestPki.SigningTime, SignedOutputFolder.Build)));
        Assert.Equal("SPDF0031", error.DiagnosticId);
        Directory.Delete(outside, recursive: true);
    }

    [Fact]
    public void Ephemeral_signing_is_recorded_in_manifest_and_provenance_and_still_verifies()
    {
        using var ephemeral = SigningKeyLoader.CreateEphemeral(TestPki.SigningTime);
        using var folder = SignedOutputFolder.Create(ephemeral);
        Assert.Contains("\"ephemeral\": true", File.ReadAllText(folder.Combine("spdf/spdf-manifest.json")), StringComparison.Ordinal);
        var report = EvidenceVerifier.Verify(folder.Path, TrustAnchor.None());
        Assert.Equal(0, report.ExitCode);
        Assert.Contains(report.Findings, f => f.Id == "SPDF9012" && f.Kind == FindingKind.Notice);
        using var pem = new TemporaryPem(folder.Combine("spdf/spdf-signer.pem"));
        Assert.Equal(0, OpenSsl.VerifyDetached(folder.Combine("Contoso.Pump.dll"), folder.Combine("Contoso.Pump.dll.p7s"), pem.Path).ExitCode);
    }

    private sealed class TemporaryPem : IDisposable
    {
        public TemporaryPem(string source)
        {
            Path = System.IO.Path.GetTempFileName();
            File.Copy(source, Path, overwrite: true);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
