using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spdf.Build.Core.Signing;

namespace Spdf.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spdf-cli-verify-").FullName;
    private readonly SigningIdentity _identity = SigningKeyLoader.CreateEphemeral(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public VerifyCommandTests()
    {
        File.WriteAllBytes(Path.Combine(_folder, "Contoso.Pump.dll"), new byte[] { 0x4d, 0x5a, 1, 2, 3, 4, 5, 6, 7, 8 });
        File.WriteAllText(Path.Combine(_folder, "Contoso.Pump.deps.json"), "{}\n");
        var build = new BuildDescription("Pump.csproj", "Release", "net10.0", "", "10.0.401", "0.1.0", null,
            new BuilderIdentity(BuilderIdentityDetector.LocalBuilderId, null, new Dictionary<string, string>()), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        EvidenceSigner.Sign(new EvidenceSigningRequest(_folder, Path.Combine(_folder, "spdf"), Directory.GetFiles(_folder), _identity, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), build));
    }

    public void Dispose()
    {
        _identity.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var exitCode = Program.CreateRootCommand().Parse(arguments).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }

    [Fact]
    public void Intact_output_folder_verifies_with_a_readable_summary()
    {
        var (exitCode, output) = Run("verify", _folder);
        Assert.True(exitCode == 0, output);
        Assert.Contains("manifest:  spdf/spdf-manifest.json (3 files)", output, StringComparison.Ordinal);
        Assert.Contains("(ephemeral key)", output, StringComparison.Ordinal);
        Assert.Contains("note SPDF9012", output, StringComparison.Ordinal);
        Assert.Contains("Result: verified (exit code 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_folder_itself_can_be_given()
        => Assert.Equal(0, Run("verify", Path.Combine(_folder, "spdf"), "--key-fingerprint", _identity.KeyFingerprint).ExitCode);

    [Fact]
    public void Tampered_file_is_exit_code_2_with_one_line_naming_it()
    {
        File.AppendAllText(Path.Combine(_folder, "Contoso.Pump.deps.json"), " ");
        var (exitCode, output) = Run("verify", _folder);
        Assert.Equal(2, exitCode);
        Assert.Contains("FAIL SPDF9001 Contoso.Pump.deps.json: The file differs from the manifest", output, StringComparison.Ordinal);
        Assert.Contains("Result: tampered", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_for_machines()
    {
        File.WriteAllText(Path.Combine(_folder, "unlisted.txt"), "added");
        var (exitCode, output) = Run("verify", _folder, "--json");
        Assert.Equal(4, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("incomplete", json.RootElement.GetProperty("result").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.True(json.RootElement.GetProperty("ephemeralKey").GetBoolean());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "SPDF9005");
        Assert.Equal("unlisted.txt", finding.GetProperty("file").GetString());
        Assert.Equal("incomplete", finding.GetProperty("kind").GetString());
        Assert.EndsWith("/docs/rules/SPDF9005.md", finding.GetProperty("helpLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_fingerprint_is_exit_code_3()
    {
        var (exitCode, output) = Run("verify", _folder, "--key-fingerprint", new string('a', 64));
        Assert.Equal(3, exitCode);
        Assert.Contains("FAIL SPDF9003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_certificate_that_did_not_issue_the_signer_is_exit_code_3()
    {
        var root = Path.Combine(_folder, "..", Path.GetFileName(_folder) + "-root.pem");
        using (var other = SigningKeyLoader.CreateEphemeral(DateTimeOffset.UtcNow))
            File.WriteAllText(root, other.Certificate.ExportCertificatePem());
        try
        {
            Assert.Equal(3, Run("verify", _folder, "--trust", root).ExitCode);
        }
        finally
        {
            File.Delete(root);
        }
    }

    [Fact]
    public void Unsigned_folder_is_exit_code_4()
    {
        var unsigned = Directory.CreateTempSubdirectory("spdf-cli-unsigned-").FullName;
        try
        {
            var (exitCode, output) = Run("verify", unsigned);
            Assert.Equal(4, exitCode);
            Assert.Contains("SPDF9007", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(unsigned);
        }
    }

    [Theory]
    [InlineData("verify", "/nonexistent/spdf-output")]
    [InlineData("verify", ".", "--trust", "a.pem", "--key-fingerprint", "abc")]
    [InlineData("verify", ".", "--key-fingerprint", "not-hex")]
    [InlineData("verify", ".", "--trust", "/nonexistent/root.pem")]
    [InlineData("verify")]
    public void Usage_errors_are_exit_code_1(params string[] arguments)
        => Assert.Equal(1, Run(arguments).ExitCode);
}
