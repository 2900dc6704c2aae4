using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Spdf.Build.Core.Signing;

/// <summary>
/// The <c>cmd:</c> signer protocol, for HSMs and cloud KMS: Spdf.Build runs the program once per signature with
/// the 32-byte SHA-256 digest (raw bytes) on standard input and reads the raw signature from standard output:
/// an RSA PKCS#1 v1.5 signature over the digest, or a DER-encoded ECDSA signature. Exit code 0 means success.
/// <c>openssl pkeyutl -sign -inkey key.pem -pkeyopt digest:sha256</c> behaves exactly so. The variables
/// <c>SPDF_SIGN_DIGEST_ALGORITHM</c> (<c>sha256</c>) and <c>SPDF_SIGN_KEY_TYPE</c> (<c>rsa</c> or <c>ecdsa</c>)
/// tell the program what is asked.
/// </summary>
public sealed class ExternalSignerProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _program;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _workingDirectory;

    public ExternalSignerProcess(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        _program = program;
        _arguments = arguments;
        _workingDirectory = workingDirectory;
    }

    public byte[] Sign(ReadOnlySpan<byte> sha256Digest, string keyType)
    {
        var start = new ProcessStartInfo(_program)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in _arguments)
            start.ArgumentList.Add(argument);
        start.Environment["SPDF_SIGN_DIGEST_ALGORITHM"] = "sha256";
        start.Environment["SPDF_SIGN_KEY_TYPE"] = keyType;

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception exception)
        {
            throw Failed($"it could not be started ({exception.Message})");
        }

        if (process is null)
            throw Failed("it could not be started");

        using (process)
        {
            var standardError = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var standardOutput = process.StandardOutput.BaseStream.CopyToAsync(output);
            try
            {
                process.StandardInput.BaseStream.Write(sha256Digest);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The program exited without reading its input; its exit code and error output say why.
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw Failed($"it did not finish within {Timeout.TotalSeconds:0} seconds");
            }

            Task.WaitAll(standardError, standardOutput);
            if (process.ExitCode != 0)
                throw Failed($"it exited with code {process.ExitCode}: {FirstLines(standardError.Result)}");
            if (output.Length == 0)
                throw Failed("it wrote no signature to standard output");
            return output.ToArray();
        }
    }

    internal SpdfException Failed(string reason)
        => new(DiagnosticIds.ExternalSignerFailed, $"The external signer '{_program}' (SpdfSigningKey cmd:) failed: {reason}.");

    private static string FirstLines(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return "(no error output)";
        return trimmed.Length <= 500 ? trimmed : trimmed[..500] + "...";
    }
}
