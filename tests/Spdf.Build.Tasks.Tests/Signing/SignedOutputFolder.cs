using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Tasks.Tests.Signing;

/// <summary>An output folder as a build leaves it (app, dependencies, native asset, SBOM, trace file), signed.</summary>
public sealed class SignedOutputFolder : IDisposable
{
    private SignedOutputFolder(string path) => Path = path;

    public string Path { get; }

    public string Evidence => System.IO.Path.Combine(Path, "spdf");

    public EvidenceSigningResult Result { get; private set; } = null!;

    public static readonly BuildDescription Build = new(
        "src/Pump/Pump.csproj",
        "Release",
        "net10.0",
        "",
        "10.0.401",
        "0.1.0",
        new SourceRevision("https://example.com/contoso/pump.git", "0123456789abcdef0123456789abcdef01234567"),
        new BuilderIdentity(BuilderIdentityDetector.LocalBuilderId, null, new Dictionary<string, string>()),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z");

    public static SignedOutputFolder Create(SigningIdentity identity, bool traceCoverageFailing = false, bool sbomMatches = true)
    {
        var folder = new SignedOutputFolder(Directory.CreateTempSubdirectory("spdf-signed-").FullName);
        folder.Write("Contoso.Pump.dll", Bytes(40_000, 1));
        folder.Write("Contoso.Pump.deps.json", "{ \"runtimeTarget\": { \"name\": \".NETCoreApp,Version=v10.0\" } }\n"u8.ToArray());
        folder.Write("Contoso.Pump.runtimeconfig.json", "{ \"runtimeOptions\": { \"tfm\": \"net10.0\" } }\n"u8.ToArray());
        folder.Write("Vendor.Library.dll", Bytes(25_000, 2));
        folder.Write("runtimes/linux-x64/native/libpump.so", Bytes(10_000, 3));
        var appDigest = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(folder.Path, "Contoso.Pump.dll")))).ToLowerInvariant();
        folder.Write("spdf/Contoso.Pump.cdx.json", System.Text.Encoding.UTF8.GetBytes(
            "{ \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": { \"component\": { \"name\": \"Contoso.Pump\", \"hashes\": [ { \"alg\": \"SHA-256\", \"content\": \""
            + (sbomMatches ? appDigest : new string('0', 64)) + "\" } ] } } }\n"));
        folder.Write("spdf/spdf-trace.json", System.Text.Encoding.UTF8.GetBytes(
            "{ \"coverage\": { \"threats\": 12, \"threatsAddressed\": " + (traceCoverageFailing ? "11" : "12")
            + ", \"controlsRequired\": 5, \"controlsVerified\": 5, \"testsFailed\": 0, \"errors\": " + (traceCoverageFailing ? "1" : "0") + ", \"warnings\": 0 } }\n"));
        folder.Sign(identity);
        return folder;
    }

    public void Sign(SigningIdentity identity)
    {
        var files = Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(f => !EvidenceSigner.IsSpdfSigningOutput(f, System.IO.Path.Combine(Evidence, EvidenceManifest.FileName), System.IO.Path.Combine(Evidence, SigstoreBundle.FileName)))
            .ToArray();
        Result = EvidenceSigner.Sign(new EvidenceSigningRequest(Path, Evidence, files, identity, TestPki.SigningTime, Build));
    }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Every file in the folder, relative, forward slashes, ordinal order.</summary>
    public IReadOnlyList<string> AllFiles()
        => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    public SignedOutputFolder CopyTo(string destination)
    {
        foreach (var file in AllFiles())
        {
            var target = System.IO.Path.Combine(destination, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(Combine(file), target);
        }

        return new SignedOutputFolder(destination) { Result = Result };
    }

    public void Write(string relativePath, byte[] content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public static void FlipByte(string path, int position)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[position] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temporary folder.
        }
    }
}
