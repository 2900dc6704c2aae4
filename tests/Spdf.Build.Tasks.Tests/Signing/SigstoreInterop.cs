using System;
using System.Diagnostics;
using System.IO;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>Runs tests/interop/sigstore/verify-bundle.js: @sigstore/verify, the Sigstore project's own verifier.</summary>
public static class SigstoreInterop
{
    public static (int ExitCode, string Output) Verify(string bundle, string publicKeyPem)
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "interop", "sigstore", "verify-bundle.js");
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "@sigstore", "verify")))
            throw new InvalidOperationException("@sigstore/verify is not installed: run `npm ci --prefix tests/interop/sigstore` (.ci/run does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(bundle);
        start.ArgumentList.Add(publicKeyPem);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
