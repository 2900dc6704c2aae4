namespace Spdf.Build;

/// <summary>
/// The one registry of Spdf.Build diagnostic IDs. Every ID is <c>SPDF</c> followed by four digits, has a page
/// <c>docs/rules/SPDFnnnn.md</c>, and is never reused for another meaning once shipped.
/// Ranges: 0xxx meta and configuration, 1xxx cryptography and transport, 2xxx secrets and authentication,
/// 3xxx input handling, injection, deserialization and logging, 4xxx traceability annotations,
/// 5xxx MSBuild task findings, 9xxx verifier findings.
/// This file is compiled into the analyzers, the core library, the tasks and the CLI (as a linked file), so
/// the whole product draws IDs from one list.
/// </summary>
internal static class DiagnosticIds
{
    // 0xxx: meta and configuration

    /// <summary>An Spdf.Build MSBuild property has a value that is not allowed.</summary>
    public const string InvalidConfiguration = "SPDF0001";

    // 0030-0039: signing configuration

    /// <summary><c>SpdfSigningKey</c> is not one of <c>pem:</c>, <c>pfx:</c>, <c>cmd:</c> or <c>ephemeral</c>.</summary>
    public const string InvalidSigningKeySpecification = "SPDF0030";

    /// <summary>The evidence folder is not inside the output folder, so one manifest cannot describe both.</summary>
    public const string EvidenceDirectoryOutsideOutput = "SPDF0031";

    // 1xxx: cryptography and transport

    /// <summary>MD5, SHA-1, RIPEMD-160 or an HMAC over them used where a secure hash is needed.</summary>
    public const string WeakHashAlgorithm = "SPDF1001";

    // 5xxx: MSBuild task findings

    /// <summary>An Spdf.Build task failed in a way it has no specific diagnostic for.</summary>
    public const string UnexpectedTaskFailure = "SPDF5000";

    /// <summary><c>SOURCE_DATE_EPOCH</c> is set but is not a Unix time in seconds.</summary>
    public const string InvalidSourceDateEpoch = "SPDF5001";

    // 5301-5399: signing

    /// <summary>A Release build of a deliverable project has no signing key and unsigned output is not allowed.</summary>
    public const string SigningKeyNotConfigured = "SPDF5301";

    /// <summary>The key, certificate or PFX file named by the signing configuration does not exist.</summary>
    public const string SigningFileNotFound = "SPDF5302";

    /// <summary>The password of an encrypted key or PFX file is wrong.</summary>
    public const string SigningKeyPasswordWrong = "SPDF5303";

    /// <summary>The key or PFX file is encrypted but no password variable is configured or set.</summary>
    public const string SigningKeyPasswordMissing = "SPDF5304";

    /// <summary>The signing key or its certificate does not meet the key policy (RSA 2048+, ECDSA P-256/P-384, no SHA-1).</summary>
    public const string SigningKeyWeak = "SPDF5305";

    /// <summary>The certificate has no private key and the key source does not supply one.</summary>
    public const string SigningCertificateWithoutPrivateKey = "SPDF5306";

    /// <summary>The signing certificate's public key is not the public key of the signing key.</summary>
    public const string SigningCertificateKeyMismatch = "SPDF5307";

    /// <summary>The external (<c>cmd:</c>) signer failed or returned an invalid signature.</summary>
    public const string ExternalSignerFailed = "SPDF5308";

    /// <summary>The artefacts were signed with a throwaway key: integrity, not origin.</summary>
    public const string EphemeralSigningKey = "SPDF5309";

    /// <summary>The key, certificate or PFX file cannot be read (not PEM/PKCS#8/PKCS#12, corrupt).</summary>
    public const string SigningFileUnreadable = "SPDF5310";

    /// <summary>The key source carries no certificate and <c>SpdfSigningCertificate</c> is not set.</summary>
    public const string SigningCertificateNotConfigured = "SPDF5311";

    // 9001-9099: verifier findings (spdf verify)

    /// <summary>A file's size or SHA-256 differs from the manifest.</summary>
    public const string VerifyFileTampered = "SPDF9001";

    /// <summary>A detached signature does not verify against its file.</summary>
    public const string VerifySignatureInvalid = "SPDF9002";

    /// <summary>A signature is valid but its signer is not the trusted key or does not chain to the trusted root.</summary>
    public const string VerifySignerUntrusted = "SPDF9003";

    /// <summary>A file listed in the manifest is missing.</summary>
    public const string VerifyFileMissing = "SPDF9004";

    /// <summary>A file is present in the output but not listed in the manifest.</summary>
    public const string VerifyFileUnlisted = "SPDF9005";

    /// <summary>A listed file has no detached signature next to it.</summary>
    public const string VerifySignatureMissing = "SPDF9006";

    /// <summary>The evidence manifest is missing or not a valid Spdf.Build manifest.</summary>
    public const string VerifyManifestInvalid = "SPDF9007";

    /// <summary>The provenance bundle is missing, malformed, or its DSSE signature does not verify.</summary>
    public const string VerifyProvenanceInvalid = "SPDF9008";

    /// <summary>The provenance subjects differ from the manifest or from the files.</summary>
    public const string VerifyProvenanceSubjectMismatch = "SPDF9009";

    /// <summary>The SBOM's <c>metadata.component</c> SHA-256 is not the shipped artefact's.</summary>
    public const string VerifySbomComponentHashMismatch = "SPDF9010";

    /// <summary>The traceability file reports failing coverage.</summary>
    public const string VerifyTraceCoverageFailing = "SPDF9011";

    /// <summary>The evidence was signed with an ephemeral key: it proves integrity, not origin.</summary>
    public const string VerifyEphemeralKey = "SPDF9012";
}
