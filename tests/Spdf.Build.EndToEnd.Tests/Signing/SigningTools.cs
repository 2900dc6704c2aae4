using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests.Signing;

/// <summary>The independent judges (openssl, @sigstore/verify) and our own (spdf verify), run on build outputs.</summary>
public static class SigningTools
{
    public static CommandResult SpdfVerify(params string[] arguments)
    {
        var output = new StringWriter();
        var all = new string[arguments.Length + 1];
        all[0] = "verify";
        arguments.CopyTo(all, 1);
        var exitCode = Spdf.Cli.Program.CreateRootCommand().Parse(all).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return new CommandResult(exitCode, output.ToString());
    }

    public static CommandResult Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CommandResult(process.ExitCode, output + error.Result);
    }

    public static CommandResult OpenSslVerify(string file, string rootCertificate)
        => Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", file + ".p7s", "-content", file, "-CAfile", rootCertificate, "-purpose", "any", "-out", "/dev/null");

    public static CommandResult SigstoreVerify(string bundle, string publicKeyPem)
    {
        var folder = RepositoryPaths.InRepository("tests", "interop", "sigstore");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@sigstore", "verify")))
            throw new InvalidOperationException("@sigstore/verify is not installed: run `npm ci --prefix tests/interop/sigstore` (.ci/run does).");
        return Run("node", Path.Combine(folder, "verify-bundle.js"), bundle, publicKeyPem);
    }

    /// <summary>Writes the public key of the first certificate in <paramref name="certificatePem"/> as PEM.</summary>
    public static string PublicKeyOf(string certificatePem, string destination)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(certificatePem);
        File.WriteAllText(destination, PemEncoding.WriteString("PUBLIC KEY", certificates[0].PublicKey.ExportSubjectPublicKeyInfo()) + "\n");
        return destination;
    }
}
