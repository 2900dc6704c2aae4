using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using Spdf.Build.Core.Signing;

namespace Spdf.Build.Core.Verification;

/// <summary>
/// Who the verifier trusts: root certificates (the signer must chain to one of them, as with
/// <c>openssl cms -verify -CAfile</c>), one public key by SHA-256 fingerprint, or nobody in particular (then
/// every signature must merely be by the signer the manifest names: integrity and consistency, not origin).
/// </summary>
public sealed class TrustAnchor : IDisposable
{
    private readonly X509Certificate2Collection _roots;
    private readonly ConcurrentDictionary<string, string?> _chainResults = new(StringComparer.Ordinal);

    private TrustAnchor(string? fingerprint, X509Certificate2Collection roots, string description)
    {
        Fingerprint = fingerprint;
        _roots = roots;
        Description = description;
    }

    public string? Fingerprint { get; }

    public bool HasRoots => _roots.Count > 0;

    /// <summary>True when neither roots nor a fingerprint were given.</summary>
    public bool IsNone => Fingerprint is null && _roots.Count == 0;

    public string Description { get; }

    public static TrustAnchor None() => new(null, new X509Certificate2Collection(), "none given: signatures checked for integrity and for one consistent signer, not for origin");

    public static TrustAnchor ForFingerprint(string fingerprint) => new(fingerprint, new X509Certificate2Collection(), "public key with SHA-256 fingerprint " + fingerprint);

    /// <summary>Loads PEM root certificates; throws <see cref="ArgumentException"/> when the file holds none.</summary>
    public static TrustAnchor ForRoots(string pemFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(pemFile);
        if (roots.Count == 0)
            throw new ArgumentException($"'{pemFile}' contains no PEM certificate.");
        var subjects = new List<string>();
        foreach (var root in roots)
            subjects.Add(root.Subject);
        return new TrustAnchor(null, roots, "root certificate(s) " + string.Join("; ", subjects));
    }

    /// <summary>Null when <paramref name="signer"/> is trusted, else the reason it is not.</summary>
    public string? Check(X509Certificate2 signer, X509Certificate2Collection embedded, DateTime signingTimeUtc, string expectedFingerprint)
    {
        var fingerprint = PublicKeyFingerprint.Of(signer);
        if (Fingerprint is not null)
            return fingerprint == Fingerprint ? null : $"signed by key {fingerprint}, not by the trusted key {Fingerprint}";
        if (_roots.Count == 0)
            return fingerprint == expectedFingerprint ? null : $"signed by key {fingerprint}, but the manifest names signer {expectedFingerprint}";
        return _chainResults.GetOrAdd(signer.Thumbprint + "|" + signingTimeUtc.Ticks, _ => BuildChain(signer, embedded, signingTimeUtc));
    }

    private string? BuildChain(X509Certificate2 signer, X509Certificate2Collection embedded, DateTime signingTimeUtc)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = signingTimeUtc;
        if (chain.Build(signer))
            return null;
        var reasons = new List<string>();
        foreach (var status in chain.ChainStatus)
            reasons.Add(status.StatusInformation.Trim().Length > 0 ? status.StatusInformation.Trim() : status.Status.ToString());
        return $"signer '{signer.Subject}' does not chain to the trusted root ({string.Join("; ", reasons)})";
    }

    public void Dispose()
    {
        foreach (var root in _roots)
            root.Dispose();
    }
}
