using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace Spdf.Build.Core.Signing;

/// <summary>What to sign: every file of one output folder (artefacts and evidence), by whom, and the build's description.</summary>
public sealed record EvidenceSigningRequest(
    string ArtifactRoot,
    string EvidenceDirectory,
    IReadOnlyCollection<string> Files,
    SigningIdentity Identity,
    DateTimeOffset SigningTime,
    BuildDescription Build);

public sealed record EvidenceSigningResult(EvidenceManifest Manifest, IReadOnlyList<string> WrittenFiles);

/// <summary>
/// Signs an output folder: a detached CMS signature <c>&lt;file&gt;.p7s</c> next to every file, the signer's
/// certificate chain (<c>spdf-signer.pem</c>), the manifest (signed too) and the provenance bundle. Files are
/// streamed once each (their SHA-256 serves manifest and signature alike), in parallel; every output is written atomically.
/// </summary>
public static class EvidenceSigner
{
    public const string SignatureExtension = ".p7s";
    public const string SignerCertificateFileName = "spdf-signer.pem";

    public static EvidenceSigningResult Sign(EvidenceSigningRequest request)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.ArtifactRoot));
        var evidenceDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.EvidenceDirectory));
        if (!IsInside(evidenceDirectory, root))
        {
            throw new SpdfException(
                DiagnosticIds.EvidenceDirectoryOutsideOutput,
                $"SpdfEvidenceDirectory '{evidenceDirectory}' is not inside the output folder '{root}': signing describes both in one manifest with relative paths, so keep the evidence folder inside the output folder.");
        }

        var signerCertificatePath = Path.Combine(evidenceDirectory, SignerCertificateFileName);
        AtomicFile.WriteAllText(signerCertificatePath, SignerCertificatePem(request.Identity));

        var manifestPath = Path.Combine(evidenceDirectory, EvidenceManifest.FileName);
        var bundlePath = Path.Combine(evidenceDirectory, SigstoreBundle.FileName);
        var files = request.Files
            .Select(Path.GetFullPath)
            .Append(signerCertificatePath)
            .Where(f => !IsSpdfSigningOutput(f, manifestPath, bundlePath))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        var entries = SignFiles(files, root, request.Identity, request.SigningTime);

        var signer = new ManifestSigner(
            request.Identity.KeyFingerprint,
            request.Identity.SignatureAlgorithm,
            request.Identity.IsEphemeral,
            request.Identity.Certificate.Subject);
        var manifest = new EvidenceManifest(
            request.Build.SpdfBuildVersion,
            request.Build.Project,
            request.Build.Configuration,
            request.Build.TargetFramework,
            BuildTimestamp.Format(request.SigningTime),
            Path.GetRelativePath(evidenceDirectory, root).Replace('\\', '/'),
            signer,
            entries);
        var manifestJson = manifest.ToJson();
        AtomicFile.WriteAllBytes(manifestPath, manifestJson);
        AtomicFile.WriteAllBytes(manifestPath + SignatureExtension, CmsDetachedSignature.Sign(manifestJson, request.Identity, request.SigningTime));

        var manifestEntry = new ManifestEntry(RelativePath(manifestPath, root), manifestJson.Length, Hex(SHA256.HashData(manifestJson)));
        var sbom = entries.FirstOrDefault(e => e.Path.EndsWith(".cdx.json", StringComparison.OrdinalIgnoreCase));
        var statement = SlsaProvenance.CreateStatement(entries.Append(manifestEntry), request.Build, signer, sbom);
        AtomicFile.WriteAllBytes(bundlePath, SigstoreBundle.Create(statement, request.Identity));

        var written = files.Select(f => f + SignatureExtension)
            .Concat(new[] { signerCertificatePath, manifestPath, manifestPath + SignatureExtension, bundlePath })
            .ToArray();
        return new EvidenceSigningResult(manifest, written);
    }

    /// <summary>Files Spdf.Build's signing step writes itself and never lists: signatures, the manifest, the bundle.</summary>
    public static bool IsSpdfSigningOutput(string fullPath, string manifestPath, string bundlePath)
        => fullPath.EndsWith(SignatureExtension, StringComparison.OrdinalIgnoreCase)
           || string.Equals(fullPath, manifestPath, StringComparison.Ordinal)
           || string.Equals(fullPath, bundlePath, StringComparison.Ordinal);

    private static ManifestEntry[] SignFiles(string[] files, string root, SigningIdentity identity, DateTimeOffset signingTime)
    {
        var entries = new ManifestEntry[files.Length];
        var external = identity.PrivateKey is ExternalRsa or ExternalECDsa;
        var options = new ParallelOptions { MaxDegreeOfParallelism = external ? 1 : Environment.ProcessorCount };
        try
        {
            Parallel.For(0, files.Length, options, index =>
            {
                var file = files[index];
                var relativePath = RelativePath(file, root);
                if (relativePath.StartsWith("../", StringComparison.Ordinal))
                    throw new SpdfException(DiagnosticIds.EvidenceDirectoryOutsideOutput, $"'{file}' is not inside the output folder '{root}' and cannot be listed in its manifest.", file);
                var (size, digest) = HashFile(file);
                var signature = CmsDetachedSignature.SignDigest(digest, identity, signingTime);
                AtomicFile.WriteAllBytes(file + SignatureExtension, signature, flushToDisk: false);
                entries[index] = new ManifestEntry(relativePath, size, Hex(digest), Hex(SHA256.HashData(signature)));
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.OfType<SpdfException>().FirstOrDefault() is { } spdfException)
        {
            throw spdfException;
        }

        return entries;
    }

    /// <summary>Streams the file once: its size and SHA-256, which both the manifest and the signature use.</summary>
    private static (long Size, byte[] Digest) HashFile(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
            var digest = SHA256.HashData(stream);
            return (stream.Length, digest);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.UnexpectedTaskFailure, $"'{file}' cannot be read for signing: {exception.Message}", file);
        }
    }

    internal static string SignerCertificatePem(SigningIdentity identity)
    {
        var builder = new StringBuilder();
        foreach (var certificate in new[] { identity.Certificate }.Concat(identity.Chain))
            builder.Append(PemEncoding.Write("CERTIFICATE", certificate.RawData)).Append('\n');
        return builder.ToString();
    }

    internal static string RelativePath(string path, string root) => Path.GetRelativePath(root, path).Replace('\\', '/');

    internal static string Hex(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();

    private static bool IsInside(string directory, string root)
        => string.Equals(directory, root, StringComparison.Ordinal)
           || directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
