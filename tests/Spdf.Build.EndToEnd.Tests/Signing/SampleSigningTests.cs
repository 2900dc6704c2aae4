using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Signing;

/// <summary>The README's main command signs the sample with an ephemeral key; an auditor verifies it three ways.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleSigningTests
{
    private readonly SampleBuildFixture _sample;

    public SampleSigningTests(SampleBuildFixture sample) => _sample = sample;

    private string Evidence => Path.Combine(_sample.AppOutputDirectory, "spdf");

    [Fact]
    public void Sample_output_verifies_with_spdf_verify()
    {
        _sample.Result.AssertSuccess();
        var result = SigningTools.SpdfVerify(_sample.AppOutputDirectory);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("(ephemeral key)", result.Output, StringComparison.Ordinal);
        Assert.Contains("SPDF5309", _sample.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_covers_the_deliverables_and_every_evidence_file()
    {
        _sample.Result.AssertSuccess();
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Evidence, "spdf-manifest.json")));
        var paths = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToHashSet(StringComparer.Ordinal);
        foreach (var deliverable in new[] { "Contoso.InfusionPump.dll", "Contoso.InfusionPump.deps.json", "Contoso.InfusionPump.runtimeconfig.json", "System.IO.Ports.dll", "Microsoft.Extensions.Logging.Abstractions.dll" })
            Assert.Contains(deliverable, paths);
        foreach (var evidence in Directory.EnumerateFiles(Evidence).Select(Path.GetFileName))
        {
            if (evidence!.EndsWith(".p7s", StringComparison.Ordinal) || evidence is "spdf-manifest.json" or "spdf-provenance.sigstore.json")
                continue;
            Assert.Contains("spdf/" + evidence, paths);
        }

        Assert.True(manifest.RootElement.GetProperty("signer").GetProperty("ephemeral").GetBoolean());
    }

    [Fact]
    public void Every_signature_verifies_with_openssl()
    {
        _sample.Result.AssertSuccess();
        using var work = new TemporaryDirectory("spdf-sample-openssl-");
        var root = work.Combine("signer.pem");
        File.Copy(Path.Combine(Evidence, "spdf-signer.pem"), root);
        var signatures = Directory.GetFiles(_sample.AppOutputDirectory, "*.p7s", SearchOption.AllDirectories);
        Assert.True(signatures.Length >= 10, $"{signatures.Length} signatures");
        foreach (var signature in signatures)
        {
            var result = SigningTools.OpenSslVerify(signature[..^4], root);
            Assert.True(result.ExitCode == 0, signature + ": " + result.Output);
        }
    }

    [Fact]
    public void Provenance_bundle_verifies_with_sigstore_verify()
    {
        _sample.Result.AssertSuccess();
        using var work = new TemporaryDirectory("spdf-sample-sigstore-");
        var publicKey = SigningTools.PublicKeyOf(Path.Combine(Evidence, "spdf-signer.pem"), work.Combine("public.pem"));
        var result = SigningTools.SigstoreVerify(Path.Combine(Evidence, "spdf-provenance.sigstore.json"), publicKey);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("  Contoso.InfusionPump.dll", result.Output, StringComparison.Ordinal);
    }
}
