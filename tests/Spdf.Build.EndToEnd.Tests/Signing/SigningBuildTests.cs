using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Signing;

/// <summary>Real <c>dotnet build</c>s of a small project with each kind of key: secrets, determinism, incrementality, errors.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SigningBuildTests : IClassFixture<SigningProjectFixture>
{
    private readonly SigningProjectFixture _pki;

    public SigningBuildTests(SigningProjectFixture pki) => _pki = pki;

    private Dictionary<string, string> Environment(bool withPassword = true)
    {
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = SigningProjectFixture.SourceDateEpoch };
        if (withPassword)
            environment[SigningProjectFixture.PasswordVariable] = SigningProjectFixture.Password;
        return environment;
    }

    private string[] EncryptedKeyArguments() => new[]
    {
        "-c", "Release",
        "-p:SpdfSigningKey=pem:" + _pki.EncryptedKeyPath,
        "-p:SpdfSigningCertificate=" + _pki.ChainPath,
        "-p:SpdfSigningKeyPasswordVariable=" + SigningProjectFixture.PasswordVariable,
    };

    private static Dictionary<string, byte[]> SigningOutputs(string outputDirectory)
        => Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".p7s", StringComparison.Ordinal) || f.Contains("/spdf/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(outputDirectory, f), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public void Encrypted_key_build_keeps_the_password_out_of_logs_binlog_and_outputs_and_is_reproducible()
    {
        using var project = _pki.CreateProject();
        var binlog = project.Combine("build.binlog");
        var build = SigningProjectFixture.Build(project, Environment(), EncryptedKeyArguments().Append("-bl:" + binlog).ToArray()).AssertSuccess();
        var output = SigningProjectFixture.OutputDirectory(project);

        var verified = SigningTools.SpdfVerify(output, "--trust", _pki.RootPath);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.True(SigningTools.OpenSslVerify(Path.Combine(output, "Device.dll"), _pki.RootPath).ExitCode == 0);

        // The password reaches neither the console, nor the binary log, nor any file the build wrote.
        Assert.DoesNotContain(SigningProjectFixture.Password, build.Output, StringComparison.Ordinal);
        var events = Decompress(binlog);
        Assert.True(Contains(events, SigningProjectFixture.PasswordVariable), "the binlog search must see property values");
        Assert.False(Contains(events, SigningProjectFixture.Password), "the password is in the binlog");
        foreach (var file in Directory.EnumerateFiles(project.Path, "*", SearchOption.AllDirectories).Where(f => f != binlog))
            Assert.False(Contains(File.ReadAllBytes(file), SigningProjectFixture.Password), "the password is in " + file);

        // Determinism: a second clean build gives byte-identical signatures, manifest and provenance.
        var first = SigningOutputs(output);
        Directory.Delete(project.Combine("bin"), recursive: true);
        Directory.Delete(project.Combine("obj"), recursive: true);
        SigningProjectFixture.Build(project, Environment(), EncryptedKeyArguments()).AssertSuccess();
        var second = SigningOutputs(output);
        Assert.Equal(first.Keys.OrderBy(k => k, StringComparer.Ordinal), second.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (file, bytes) in first)
            Assert.True(bytes.AsSpan().SequenceEqual(second[file]), file + " differs between two clean builds");
    }

    [Fact]
    public void No_op_build_does_not_re_sign_and_a_changed_artefact_is_re_signed()
    {
        // In process (AssemblyTaskFactory), as a package consumer runs the task: System.Security.Cryptography.Pkcs
        // then comes from MSBuild's own folder, since the task assembly does not ship it.
        using var project = _pki.CreateProject($"<SpdfSigningKey>pem:{_pki.KeyPath}</SpdfSigningKey><SpdfSigningCertificate>{_pki.ChainPath}</SpdfSigningCertificate><SpdfUseTaskHost>false</SpdfUseTaskHost>");
        var environment = new Dictionary<string, string>();
        SigningProjectFixture.Build(project, environment, "-c", "Release").AssertSuccess();
        var output = SigningProjectFixture.OutputDirectory(project);
        var manifest = Path.Combine(output, "spdf", "spdf-manifest.json");
        var signature = Path.Combine(output, "Device.dll.p7s");
        var manifestTime = File.GetLastWriteTimeUtc(manifest);
        var signatureBytes = File.ReadAllBytes(signature);

        var noOp = SigningProjectFixture.Build(project, environment, "-c", "Release", "-v:d").AssertSuccess();
        Assert.Contains("Skipping target \"_SpdfSignOutputFolder\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);
        Assert.Equal(manifestTime, File.GetLastWriteTimeUtc(manifest));

        File.WriteAllText(project.Combine("Program.cs"), "Console.WriteLine(\"infusion pump controller v2\");\n");
        SigningProjectFixture.Build(project, environment, "-c", "Release").AssertSuccess();
        Assert.NotEqual(signatureBytes, File.ReadAllBytes(signature));
        var verified = SigningTools.SpdfVerify(output, "--trust", _pki.RootPath);
        Assert.True(verified.ExitCode == 0, verified.Output);

        // Clean removes every signing output.
        SigningProjectFixture.Build(project, environment, "-c", "Release", "-t:Clean").AssertSuccess();
        Assert.False(File.Exists(signature));
        Assert.False(File.Exists(manifest));
        Assert.False(File.Exists(Path.Combine(output, "spdf", "spdf-provenance.sigstore.json")));
    }

    [Fact]
    public void External_cmd_signer_around_openssl_signs_the_build_and_the_package()
    {
        using var project = _pki.CreateProject();
        var environment = new Dictionary<string, string>();
        var pack = DotNet.Run(project.Path, environment, "pack", "Device.csproj", "-c", "Release",
            $"-p:SpdfSigningKey=cmd:/bin/sh {_pki.SignerScriptPath} {_pki.KeyPath}",
            "-p:SpdfSigningCertificate=" + _pki.ChainPath).AssertSuccess();
        var output = SigningProjectFixture.OutputDirectory(project);
        var verified = SigningTools.SpdfVerify(output, "--trust", _pki.RootPath);
        Assert.True(verified.ExitCode == 0, verified.Output + pack.Output);
        Assert.Equal(0, SigningTools.OpenSslVerify(Path.Combine(output, "Device.runtimeconfig.json"), _pki.RootPath).ExitCode);

        var package = project.Combine("bin", "Release", "Device.1.0.0.nupkg");
        var packageSignature = SigningTools.OpenSslVerify(package, _pki.RootPath);
        Assert.True(packageSignature.ExitCode == 0, packageSignature.Output + pack.Output);
    }

    [Fact]
    public void Release_without_a_key_fails_with_SPDF5301_saying_how_to_configure_one_and_Debug_skips_signing()
    {
        using var project = _pki.CreateProject();
        var release = SigningProjectFixture.Build(project, null, "-c", "Release");
        Assert.NotEqual(0, release.ExitCode);
        Assert.Matches(@"Device\.csproj[^\r\n]*error SPDF5301: The Release build of Device must be signed but no signing key is configured\. Set SpdfSigningKey to pem:<key\.pem>", release.Output);

        var debug = SigningProjectFixture.Build(project, null, "-c", "Debug").AssertSuccess();
        Assert.DoesNotContain("SPDF", debug.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(SigningProjectFixture.OutputDirectory(project, "Debug"), "spdf", "spdf-manifest.json")));
    }

    [Fact]
    public void Wrong_password_is_SPDF5303_without_a_stack_trace_or_the_password()
    {
        using var project = _pki.CreateProject();
        var environment = new Dictionary<string, string> { [SigningProjectFixture.PasswordVariable] = "wrong-" + SigningProjectFixture.Password };
        var result = SigningProjectFixture.Build(project, environment, EncryptedKeyArguments());
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error SPDF5303: The password in the environment variable 'SPDF_E2E_SIGNING_KEY_PASSWORD' does not decrypt", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningProjectFixture.Password, result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(SigningProjectFixture.OutputDirectory(project), "spdf", "spdf-manifest.json")));
    }

    private static byte[] Decompress(string binlog)
    {
        using var file = File.OpenRead(binlog);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle)
        => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
