using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Core.Verification;

/// <summary>What <c>spdf verify</c> found: counts for the summary and one finding per problem.</summary>
public sealed record VerificationReport(
    string Folder,
    string? ManifestPath,
    string? SignerFingerprint,
    bool Ephemeral,
    string Trust,
    int FilesChecked,
    int SignaturesChecked,
    int SubjectsChecked,
    IReadOnlyList<VerificationFinding> Findings)
{
    public FindingKind Worst => Findings.Count == 0 ? FindingKind.Notice : Findings.Max(f => f.Kind);

    public int ExitCode => VerificationExitCode.For(Worst);
}

/// <summary>
/// Verifies an Spdf.Build output folder offline: every listed file against the manifest and its detached
/// signature, the signer against the trust anchor, files present but unlisted, the provenance bundle's DSSE
/// signature and subjects, the SBOM's component hash and the traceability coverage status.
/// </summary>
public static class EvidenceVerifier
{
    public const string TraceFileName = "spdf-trace.json";

    /// <summary>Finds the manifest in <paramref name="folder"/>: itself an evidence folder, or an output folder holding one.</summary>
    public static string? FindManifest(string folder)
    {
        var direct = Path.Combine(folder, EvidenceManifest.FileName);
        if (File.Exists(direct))
            return direct;
        var conventional = Path.Combine(folder, "spdf", EvidenceManifest.FileName);
        if (File.Exists(conventional))
            return conventional;
        var found = Directory.EnumerateFiles(folder, EvidenceManifest.FileName, SearchOption.AllDirectories).Take(2).ToArray();
        if (found.Length > 1)
            throw new ArgumentException($"'{folder}' holds several evidence manifests ({string.Join(", ", found)}); pass the output folder of one project.");
        return found.SingleOrDefault();
    }

    public static VerificationReport Verify(string folder, TrustAnchor trust)
    {
        folder = Path.GetFullPath(folder);
        var findings = new ConcurrentBag<VerificationFinding>();
        var manifestPath = FindManifest(folder);
        if (manifestPath is null)
        {
            findings.Add(new(DiagnosticIds.VerifyManifestInvalid, FindingKind.Incomplete, ".", $"No {EvidenceManifest.FileName} in '{folder}' or its spdf/ folder: this output was not signed by Spdf.Build, or the evidence folder was not shipped."));
            return new VerificationReport(folder, null, null, false, trust.Description, 0, 0, 0, findings.ToArray());
        }

        var context = new Context(folder, manifestPath, trust, findings);
        return context.Run();
    }

    private sealed class Context
    {
        private readonly string _folder;
        private readonly string _manifestPath;
        private readonly TrustAnchor _trust;
        private readonly ConcurrentBag<VerificationFinding> _findings;
        private readonly ConcurrentDictionary<string, string> _actualDigests = new(StringComparer.Ordinal);
        private readonly HashSet<string> _tampered = new(StringComparer.Ordinal);
        private string _root = "";
        private X509Certificate2? _expectedCertificate;
        private int _signaturesChecked;
        private int _subjectsChecked;

        public Context(string folder, string manifestPath, TrustAnchor trust, ConcurrentBag<VerificationFinding> findings)
        {
            _folder = folder;
            _manifestPath = manifestPath;
            _trust = trust;
            _findings = findings;
        }

        public VerificationReport Run()
        {
            var manifestBytes = File.ReadAllBytes(_manifestPath);
            EvidenceManifest manifest;
            try
            {
                manifest = EvidenceManifest.Parse(manifestBytes, Display(_manifestPath), DiagnosticIds.VerifyManifestInvalid);
            }
            catch (SpdfException exception)
            {
                Add(exception.DiagnosticId, FindingKind.Tampered, _manifestPath, exception.Message);
                CheckManifestSignature(manifestBytes, expectedCertificate: null);
                return Report(null, 0);
            }

            var root = ResolveRoot(manifest);
            if (root is null)
                return Report(manifest, 0);
            _root = root;

            var entries = ValidEntries(manifest, root);
            _expectedCertificate = ReadSignerCertificate(entries);
            var manifestSigner = CheckManifestSignature(manifestBytes, _expectedCertificate);
            var expectedFingerprint = manifest.Signer.KeyFingerprint;
            if (manifestSigner is not null && PublicKeyFingerprint.Of(manifestSigner) != expectedFingerprint)
                Add(DiagnosticIds.VerifySignerUntrusted, FindingKind.Untrusted, _manifestPath, $"The manifest names signer {expectedFingerprint} but is signed by {PublicKeyFingerprint.Of(manifestSigner)}.");

            Parallel.ForEach(entries, entry => CheckEntry(entry.Key, entry.Value, expectedFingerprint));
            ReportUnlisted(root, entries);
            CheckProvenance(manifest, manifestBytes, root, manifestSigner);
            CheckSbom(manifest, root);
            CheckTraceCoverage(manifest, root);
            if (manifest.Signer.Ephemeral)
            {
                Add(DiagnosticIds.VerifyEphemeralKey, FindingKind.Notice, _manifestPath,
                    "The evidence was signed with an ephemeral (throwaway) key: it proves the files were not changed after the build, not who built them. Sign release builds with your organisation's key.");
            }

            if (_trust.IsNone)
            {
                Add(DiagnosticIds.VerifySignerUntrusted, FindingKind.Notice, _manifestPath,
                    $"No trust anchor given: the signer {expectedFingerprint} was checked for consistency only. Pass --trust <root.pem> or --key-fingerprint <sha256> to check origin.");
            }

            return Report(manifest, entries.Count);
        }

        /// <summary>The build's signer certificate, from the listed <c>spdf-signer.pem</c>; every signature must embed exactly it.</summary>
        private X509Certificate2? ReadSignerCertificate(Dictionary<string, ManifestEntry> entries)
        {
            var entry = entries.Keys.FirstOrDefault(p => Path.GetFileName(p) == EvidenceSigner.SignerCertificateFileName);
            if (entry is null)
            {
                Add(DiagnosticIds.VerifyFileMissing, FindingKind.Incomplete, _manifestPath, $"The manifest lists no {EvidenceSigner.SignerCertificateFileName}.");
                return null;
            }

            var path = Path.Combine(_root, entry);
            if (!File.Exists(path))
                return null;
            try
            {
                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPemFile(path);
                return certificates.Count > 0 ? certificates[0] : null;
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        private X509Certificate2? CheckManifestSignature(byte[] manifestBytes, X509Certificate2? expectedCertificate)
        {
            var signaturePath = _manifestPath + EvidenceSigner.SignatureExtension;
            if (!File.Exists(signaturePath))
            {
                Add(DiagnosticIds.VerifySignatureMissing, FindingKind.Incomplete, signaturePath, "The manifest's signature is missing.");
                return null;
            }

            var check = CmsSignatureCheck.Check(manifestBytes, File.ReadAllBytes(signaturePath));
            Interlocked.Increment(ref _signaturesChecked);
            if (!check.IsValid)
            {
                Add(DiagnosticIds.VerifySignatureInvalid, FindingKind.Tampered, _manifestPath, $"The manifest or its signature {EvidenceManifest.FileName}{EvidenceSigner.SignatureExtension} was changed: {check.Problem}.");
                return null;
            }

            if (expectedCertificate is not null && !check.Signer!.RawData.AsSpan().SequenceEqual(expectedCertificate.RawData))
            {
                Add(DiagnosticIds.VerifySignatureInvalid, FindingKind.Tampered, signaturePath, $"The manifest's signature embeds a signer certificate that is not the build's ({EvidenceSigner.SignerCertificateFileName}).");
                return null;
            }

            var fingerprint = PublicKeyFingerprint.Of(check.Signer!);
            if (_trust.Check(check.Signer!, check.Embedded, check.SigningTimeUtc, fingerprint) is { } problem)
                Add(DiagnosticIds.VerifySignerUntrusted, FindingKind.Untrusted, _manifestPath, $"The manifest is {problem}.");
            return check.Signer;
        }

        private string? ResolveRoot(EvidenceManifest manifest)
        {
            var manifestDirectory = Path.GetDirectoryName(_manifestPath)!;
            var root = Path.GetFullPath(Path.Combine(manifestDirectory, manifest.ArtifactRoot));
            if (!IsSafeRelativePath(manifest.ArtifactRoot, allowParent: true) || !Directory.Exists(root))
            {
                Add(DiagnosticIds.VerifyManifestInvalid, FindingKind.Tampered, _manifestPath, $"The manifest's artifactRoot '{manifest.ArtifactRoot}' does not name a folder.");
                return null;
            }

            return Path.TrimEndingDirectorySeparator(root);
        }

        private Dictionary<string, ManifestEntry> ValidEntries(EvidenceManifest manifest, string root)
        {
            var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            foreach (var entry in manifest.Files)
            {
                if (!IsSafeRelativePath(entry.Path, allowParent: false) || !entries.TryAdd(entry.Path, entry))
                    Add(DiagnosticIds.VerifyManifestInvalid, FindingKind.Tampered, _manifestPath, $"The manifest lists the path '{entry.Path}', which is not a unique relative path inside the output folder.");
            }

            return entries;
        }

        private void CheckEntry(string relativePath, ManifestEntry entry, string expectedFingerprint)
        {
            var path = Path.Combine(_root, relativePath);
            if (!File.Exists(path))
            {
                Add(DiagnosticIds.VerifyFileMissing, FindingKind.Incomplete, path, "The file is listed in the manifest but missing.");
                return;
            }

            var content = File.ReadAllBytes(path);
            var digest = EvidenceSigner.Hex(SHA256.HashData(content));
            _actualDigests[relativePath] = digest;
            if (content.LongLength != entry.Size || !string.Equals(digest, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                lock (_tampered)
                    _tampered.Add(relativePath);
                Add(DiagnosticIds.VerifyFileTampered, FindingKind.Tampered, path, $"The file differs from the manifest (size {content.LongLength}, SHA-256 {digest}; manifest: size {entry.Size}, SHA-256 {entry.Sha256}).");
            }

            var signaturePath = path + EvidenceSigner.SignatureExtension;
            if (!File.Exists(signaturePath))
            {
                Add(DiagnosticIds.VerifySignatureMissing, FindingKind.Incomplete, signaturePath, "The file's detached signature is missing.");
                return;
            }

            var signature = File.ReadAllBytes(signaturePath);
            if (entry.SignatureSha256.Length > 0 && !string.Equals(EvidenceSigner.Hex(SHA256.HashData(signature)), entry.SignatureSha256, StringComparison.OrdinalIgnoreCase))
                Add(DiagnosticIds.VerifySignatureInvalid, FindingKind.Tampered, signaturePath, $"The signature file of '{relativePath}' differs from the one the manifest lists.");

            var check = CmsSignatureCheck.Check(content, signature);
            Interlocked.Increment(ref _signaturesChecked);
            if (!check.IsValid)
            {
                Add(DiagnosticIds.VerifySignatureInvalid, FindingKind.Tampered, signaturePath, $"The signature of '{relativePath}' is invalid: {check.Problem}.");
                return;
            }

            if (_expectedCertificate is not null && !check.Signer!.RawData.AsSpan().SequenceEqual(_expectedCertificate.RawData))
            {
                Add(DiagnosticIds.VerifySignatureInvalid, FindingKind.Tampered, signaturePath, $"The signature of '{relativePath}' embeds a signer certificate that is not the build's ({EvidenceSigner.SignerCertificateFileName}).");
                return;
            }

            if (_trust.Check(check.Signer!, check.Embedded, check.SigningTimeUtc, expectedFingerprint) is { } problem)
                Add(DiagnosticIds.VerifySignerUntrusted, FindingKind.Untrusted, signaturePath, $"The signature of '{relativePath}' is valid but {problem}.");
        }

        private void ReportUnlisted(string root, Dictionary<string, ManifestEntry> entries)
        {
            var bundlePath = Path.Combine(Path.GetDirectoryName(_manifestPath)!, SigstoreBundle.FileName);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (file == _manifestPath || file == _manifestPath + EvidenceSigner.SignatureExtension || file == bundlePath)
                    continue;
                var relativePath = EvidenceSigner.RelativePath(file, root);
                if (entries.ContainsKey(relativePath))
                    continue;
                if (relativePath.EndsWith(EvidenceSigner.SignatureExtension, StringComparison.Ordinal)
                    && entries.ContainsKey(relativePath[..^EvidenceSigner.SignatureExtension.Length]))
                    continue;
                Add(DiagnosticIds.VerifyFileUnlisted, FindingKind.Incomplete, file, "The file is in the output folder but not in the manifest: it was added after signing, or is not covered by the evidence.");
            }
        }

        private void CheckProvenance(EvidenceManifest manifest, byte[] manifestBytes, string root, X509Certificate2? manifestSigner)
        {
            var bundlePath = Path.Combine(Path.GetDirectoryName(_manifestPath)!, SigstoreBundle.FileName);
            if (!File.Exists(bundlePath))
            {
                Add(DiagnosticIds.VerifyProvenanceInvalid, FindingKind.Incomplete, bundlePath, "The provenance bundle is missing.");
                return;
            }

            string hint, payloadType;
            byte[] payload, signature;
            try
            {
                (hint, payloadType, payload, signature) = SigstoreBundle.Read(File.ReadAllBytes(bundlePath));
            }
            catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                Add(DiagnosticIds.VerifyProvenanceInvalid, FindingKind.Tampered, bundlePath, $"The provenance bundle is not a valid Sigstore bundle: {exception.Message}");
                return;
            }

            if (manifestSigner is null)
            {
                Add(DiagnosticIds.VerifyProvenanceInvalid, FindingKind.Incomplete, bundlePath, "The provenance signature cannot be checked: the signer's key comes from the manifest's signature, which is missing or invalid.");
                return;
            }

            if (!string.Equals(hint, PublicKeyFingerprint.Of(manifestSigner), StringComparison.Ordinal))
                Add(DiagnosticIds.VerifySignerUntrusted, FindingKind.Untrusted, bundlePath, $"The provenance bundle names key {hint}, not the manifest's signer {PublicKeyFingerprint.Of(manifestSigner)}.");
            if (payloadType != Dsse.InTotoPayloadType || !VerifyDsse(manifestSigner, payloadType, payload, signature))
            {
                Add(DiagnosticIds.VerifyProvenanceInvalid, FindingKind.Tampered, bundlePath, "The provenance's DSSE signature does not verify with the signer's key.");
                return;
            }

            IReadOnlyDictionary<string, string> subjects;
            try
            {
                using var statement = JsonDocument.Parse(payload);
                subjects = SlsaProvenance.ReadSubjects(statement.RootElement);
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Add(DiagnosticIds.VerifyProvenanceInvalid, FindingKind.Tampered, bundlePath, $"The provenance statement is not an in-toto Statement v1 with SLSA Provenance v1: {exception.Message}");
                return;
            }

            var expected = manifest.Files.ToDictionary(e => e.Path, e => e.Sha256, StringComparer.Ordinal);
            expected[EvidenceSigner.RelativePath(_manifestPath, root)] = EvidenceSigner.Hex(SHA256.HashData(manifestBytes));
            foreach (var (name, digest) in expected)
            {
                _subjectsChecked++;
                if (!subjects.TryGetValue(name, out var subjectDigest))
                    Add(DiagnosticIds.VerifyProvenanceSubjectMismatch, FindingKind.Tampered, bundlePath, $"The provenance has no subject for '{name}'.");
                else if (!string.Equals(subjectDigest, digest, StringComparison.OrdinalIgnoreCase))
                    Add(DiagnosticIds.VerifyProvenanceSubjectMismatch, FindingKind.Tampered, bundlePath, $"The provenance subject '{name}' has SHA-256 {subjectDigest}, but the signed manifest says {digest}.");
            }

            foreach (var name in subjects.Keys.Where(n => !expected.ContainsKey(n)))
                Add(DiagnosticIds.VerifyProvenanceSubjectMismatch, FindingKind.Tampered, bundlePath, $"The provenance subject '{name}' is not in the manifest.");
        }

        private static bool VerifyDsse(X509Certificate2 signer, string payloadType, byte[] payload, byte[] signature)
        {
            var digest = SHA256.HashData(Dsse.PreAuthenticationEncoding(payloadType, payload));
            using var rsa = signer.GetRSAPublicKey();
            if (rsa is not null)
                return rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var ecdsa = signer.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
        }

        private void CheckSbom(EvidenceManifest manifest, string root)
        {
            foreach (var sbom in manifest.Files.Where(e => e.Path.EndsWith(".cdx.json", StringComparison.OrdinalIgnoreCase)))
            {
                if (!_actualDigests.ContainsKey(sbom.Path) || _tampered.Contains(sbom.Path))
                    continue;
                var sbomPath = Path.Combine(root, sbom.Path);
                string? componentDigest;
                try
                {
                    using var document = JsonDocument.Parse(File.ReadAllBytes(sbomPath));
                    componentDigest = ComponentSha256(document.RootElement);
                }
                catch (JsonException exception)
                {
                    Add(DiagnosticIds.VerifySbomComponentHashMismatch, FindingKind.Notice, sbomPath, $"The SBOM is not valid JSON ({exception.Message}); its component hash was not compared.");
                    continue;
                }

                if (componentDigest is null)
                {
                    Add(DiagnosticIds.VerifySbomComponentHashMismatch, FindingKind.Notice, sbomPath, "The SBOM's metadata.component has no SHA-256 hash; it was not compared with the artefact.");
                    continue;
                }

                var stem = Path.GetFileName(sbom.Path)[..^".cdx.json".Length];
                var candidates = manifest.Files.Where(e => Path.GetFileName(e.Path) is var name && (name == stem + ".dll" || name == stem + ".exe" || name == stem)).ToArray();
                if (candidates.Length == 0)
                    candidates = manifest.Files.ToArray();
                if (!candidates.Any(c => string.Equals(c.Sha256, componentDigest, StringComparison.OrdinalIgnoreCase)))
                {
                    var names = candidates.Length <= 3 ? string.Join(", ", candidates.Select(c => c.Path)) : "any listed file";
                    Add(DiagnosticIds.VerifySbomComponentHashMismatch, FindingKind.Tampered, sbomPath, $"The SBOM's metadata.component SHA-256 {componentDigest} is not the hash of the shipped artefact ({names}).");
                }
            }
        }

        private static string? ComponentSha256(JsonElement sbom)
        {
            if (!sbom.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("component", out var component)
                || !component.TryGetProperty("hashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array)
                return null;
            foreach (var hash in hashes.EnumerateArray())
            {
                if (hash.TryGetProperty("alg", out var alg) && alg.GetString() == "SHA-256" && hash.TryGetProperty("content", out var content))
                    return content.GetString();
            }

            return null;
        }

        private void CheckTraceCoverage(EvidenceManifest manifest, string root)
        {
            foreach (var trace in manifest.Files.Where(e => Path.GetFileName(e.Path) == TraceFileName))
            {
                if (!_actualDigests.ContainsKey(trace.Path) || _tampered.Contains(trace.Path))
                    continue;
                var tracePath = Path.Combine(root, trace.Path);
                try
                {
                    using var document = JsonDocument.Parse(File.ReadAllBytes(tracePath));
                    switch (TraceCoverage.Read(document.RootElement))
                    {
                        case TraceCoverage.Status.Failing failing:
                            Add(DiagnosticIds.VerifyTraceCoverageFailing, FindingKind.CoverageFailing, tracePath, "Traceability coverage is failing: " + failing.Summary);
                            break;
                        case TraceCoverage.Status.Unknown:
                            Add(DiagnosticIds.VerifyTraceCoverageFailing, FindingKind.Notice, tracePath, "The trace file records no coverage figures (coverage.errors); coverage was not checked.");
                            break;
                    }
                }
                catch (JsonException exception)
                {
                    Add(DiagnosticIds.VerifyTraceCoverageFailing, FindingKind.Notice, tracePath, $"The trace file is not valid JSON ({exception.Message}); coverage was not checked.");
                }
            }
        }

        private VerificationReport Report(EvidenceManifest? manifest, int filesChecked)
        {
            var ordered = _findings.OrderByDescending(f => f.Kind).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToArray();
            return new VerificationReport(_folder, Display(_manifestPath), manifest?.Signer.KeyFingerprint, manifest?.Signer.Ephemeral ?? false, _trust.Description, filesChecked, _signaturesChecked, _subjectsChecked, ordered);
        }

        private void Add(string id, FindingKind kind, string path, string message) => _findings.Add(new VerificationFinding(id, kind, Display(path), message));

        private string Display(string path) => EvidenceSigner.RelativePath(path, _folder);

    }

    private static bool IsSafeRelativePath(string path, bool allowParent)
    {
        if (allowParent && path == ".")
            return true;
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
            return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                return false;
            if (segment == ".." && !allowParent)
                return false;
        }

        return true;
    }
}
