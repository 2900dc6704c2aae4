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
    /// <summary>Where the rule pages live; every diagnostic links to <c>{HelpLinkBase}SPDFnnnn.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/spdf-build/spdf-build/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    // 0xxx: meta and configuration

    /// <summary>An Spdf.Build MSBuild property has a value that is not allowed.</summary>
    public const string InvalidConfiguration = "SPDF0001";

    // 0010-0019: traceability configuration

    /// <summary><c>SpdfThreatModel</c> names a file that does not exist or cannot be read.</summary>
    public const string ThreatModelNotFound = "SPDF0010";

    /// <summary><c>SpdfTraceabilityPolicy</c> has a value other than Error, Warning or None.</summary>
    public const string InvalidTraceabilityPolicy = "SPDF0011";

    /// <summary><c>spdf threatmodel import</c> would overwrite an existing file (the native model is the source of truth).</summary>
    public const string ImportOutputExists = "SPDF0012";
    // 0030-0039: signing configuration

    /// <summary><c>SpdfSigningKey</c> is not one of <c>pem:</c>, <c>pfx:</c>, <c>cmd:</c> or <c>ephemeral</c>.</summary>
    public const string InvalidSigningKeySpecification = "SPDF0030";

    /// <summary>The evidence folder is not inside the output folder, so one manifest cannot describe both.</summary>
    public const string EvidenceDirectoryOutsideOutput = "SPDF0031";
    // 0020-0029: SBOM configuration

    /// <summary><c>SpdfSbomSpecVersion</c> is not a CycloneDX version Spdf.Build writes (1.6, 1.7).</summary>
    public const string InvalidSbomSpecVersion = "SPDF0020";

    /// <summary><c>SpdfVulnerabilityPolicy</c> or <c>SpdfSupportPolicy</c> is not Error or Warning.</summary>
    public const string InvalidSbomPolicy = "SPDF0021";

    /// <summary>A file or folder named by an SBOM property (catalogue, VEX, advisories, lifecycle data) does not exist.</summary>
    public const string SbomInputNotFound = "SPDF0022";

    // 1xxx: cryptography and transport

    /// <summary>MD5, SHA-1, RIPEMD-160 or an HMAC over them used where a secure hash is needed.</summary>
    public const string WeakHashAlgorithm = "SPDF1001";

    /// <summary>DES, Triple DES, RC2 or RC4 used for encryption.</summary>
    public const string BrokenCipherAlgorithm = "SPDF1002";

    /// <summary>A block cipher in ECB mode.</summary>
    public const string EcbCipherMode = "SPDF1003";

    /// <summary>A constant or literal IV or nonce passed to an encryptor.</summary>
    public const string HardCodedInitializationVector = "SPDF1004";

    /// <summary>A constant or literal key passed to a cipher, MAC or key import.</summary>
    public const string HardCodedCryptographicKey = "SPDF1005";

    /// <summary>RSA below 2048 bits, DSA, or an elliptic curve below 256 bits.</summary>
    public const string InsufficientKeySize = "SPDF1006";

    /// <summary>PasswordDeriveBytes, PBKDF2 with SHA-1, too few iterations or a constant salt.</summary>
    public const string WeakPasswordKeyDerivation = "SPDF1007";

    /// <summary>System.Random output used for a key, IV, salt, nonce, token or password.</summary>
    public const string InsecureRandomness = "SPDF1008";

    /// <summary>A TLS certificate validation callback that accepts any certificate.</summary>
    public const string CertificateValidationDisabled = "SPDF1009";

    /// <summary>SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 enabled.</summary>
    public const string ObsoleteTlsProtocol = "SPDF1010";

    /// <summary>A specific TLS version pinned instead of the operating system default.</summary>
    public const string PinnedTlsProtocolVersion = "SPDF1011";

    /// <summary>Certificate revocation checking turned off.</summary>
    public const string RevocationCheckDisabled = "SPDF1012";

    /// <summary>An http://, ftp://, telnet:// or ws:// address passed to a network API.</summary>
    public const string ClearTextTransport = "SPDF1013";

    /// <summary>The result of a signature, MAC or certificate chain verification is discarded.</summary>
    public const string IgnoredVerificationResult = "SPDF1014";

    /// <summary>CBC encryption with no message authentication in the method, where an AEAD cipher is available.</summary>
    public const string UnauthenticatedCbcEncryption = "SPDF1015";

    // 2xxx: secrets and authentication

    /// <summary>A literal password, secret, API key, token or connection-string password in code.</summary>
    public const string HardCodedCredential = "SPDF2001";

    /// <summary>A MAC, hash, signature or token compared in variable time.</summary>
    public const string NonConstantTimeComparison = "SPDF2002";

    /// <summary>JWT validation parameters that turn off signature, issuer, audience or lifetime checks.</summary>
    public const string WeakenedTokenValidation = "SPDF2003";

    /// <summary>A catch block in an authentication or verification method that reports success.</summary>
    public const string FailOpenErrorHandling = "SPDF2004";

    /// <summary>A native library loaded without a safe DLL search path.</summary>
    public const string UnsafeNativeLibrarySearchPath = "SPDF2005";

    /// <summary>Path.GetTempFileName or a world-writable file or directory.</summary>
    public const string InsecureTemporaryFile = "SPDF2006";

    // 3xxx: input handling, injection, deserialization and logging

    /// <summary>Untrusted device input reaches the file name or arguments of a started process.</summary>
    public const string UntrustedInputInProcessStart = "SPDF3001";

    /// <summary>Untrusted device input reaches the text of a SQL command.</summary>
    public const string UntrustedInputInSqlCommand = "SPDF3002";

    /// <summary>Untrusted device input reaches a file-system path.</summary>
    public const string UntrustedInputInFilePath = "SPDF3003";

    /// <summary>Untrusted device input reaches an XPath expression.</summary>
    public const string UntrustedInputInXPath = "SPDF3004";

    /// <summary>Untrusted device input reaches an LDAP filter or path.</summary>
    public const string UntrustedInputInLdapQuery = "SPDF3005";

    /// <summary>Untrusted device input is used as a regular-expression pattern.</summary>
    public const string UntrustedInputInRegexPattern = "SPDF3006";

    /// <summary>Untrusted device input names a type or assembly to load or instantiate, or a member to invoke by reflection.</summary>
    public const string UntrustedInputInTypeName = "SPDF3007";

    /// <summary>Untrusted device input is used as a log message template.</summary>
    public const string UntrustedInputInLogTemplate = "SPDF3008";

    /// <summary>Untrusted device input is used as a composite format string.</summary>
    public const string UntrustedInputInFormatString = "SPDF3009";

    /// <summary>An insecure deserializer or polymorphic type handling is used.</summary>
    public const string InsecureDeserialization = "SPDF3010";

    /// <summary>An XML reader, document or transform may resolve external entities or documents.</summary>
    public const string XmlExternalEntityResolution = "SPDF3011";

    /// <summary>An archive entry's name is used as a path without a canonical prefix check (zip slip).</summary>
    public const string ArchiveEntryPathTraversal = "SPDF3012";

    /// <summary>A decompression stream is copied or read to the end without a size limit.</summary>
    public const string UnboundedDecompression = "SPDF3013";

    /// <summary>Personal or health information is written to a log.</summary>
    public const string PersonalHealthInformationInLog = "SPDF3014";

    /// <summary>A secret (password, token, key) is written to a log.</summary>
    public const string SecretInLog = "SPDF3015";

    /// <summary>Exception details are sent to a peer over a network, serial or HTTP channel.</summary>
    public const string ExceptionDetailsToPeer = "SPDF3016";

    /// <summary>A regular expression without a match timeout runs over untrusted device input.</summary>
    public const string RegexWithoutTimeoutOnInput = "SPDF3017";

    /// <summary>Code is loaded without a signature or hash check in the same method.</summary>
    public const string UnverifiedCodeLoading = "SPDF3018";

    /// <summary>The untrusted-input analysis stopped in a method at the configured work bound.</summary>
    public const string TaintAnalysisBoundReached = "SPDF3019";

    /// <summary>A whole archive is extracted with overwriteFiles: true, without a size or entry budget.</summary>
    public const string OverwritingArchiveExtraction = "SPDF3020";
    // 4xxx: traceability annotations ([Mitigates], [ImplementsControl], [Verifies])

    /// <summary>A traceability attribute names an ID that the threat model does not define.</summary>
    public const string UnknownTraceabilityId = "SPDF4001";

    /// <summary>A traceability attribute names an ID of the wrong kind (e.g. an asset in [Verifies]).</summary>
    public const string WrongKindOfTraceabilityId = "SPDF4002";

    /// <summary>A traceability attribute's ID is not PREFIX-digits.</summary>
    public const string MalformedTraceabilityId = "SPDF4003";

    /// <summary>[Verifies] on something that is not a test method.</summary>
    public const string VerifiesOutsideTestMethod = "SPDF4004";

    /// <summary>The same link appears twice on one symbol.</summary>
    public const string DuplicateTraceabilityLink = "SPDF4005";

    /// <summary>One symbol both implements and verifies the same ID.</summary>
    public const string ContradictoryTraceabilityLinks = "SPDF4006";

    // 5xxx: MSBuild task findings

    /// <summary>An Spdf.Build task failed in a way it has no specific diagnostic for.</summary>
    public const string UnexpectedTaskFailure = "SPDF5000";

    /// <summary><c>SOURCE_DATE_EPOCH</c> is set but is not a Unix time in seconds.</summary>
    public const string InvalidSourceDateEpoch = "SPDF5001";

    // 5201-5299: threat model input and traceability coverage

    /// <summary>The threat model (or a Threat Dragon / TMT file) is not well-formed or misses a required field.</summary>
    public const string ThreatModelMalformed = "SPDF5201";

    /// <summary>The threat model's schemaVersion is not one this Spdf.Build understands.</summary>
    public const string ThreatModelUnknownSchemaVersion = "SPDF5202";

    /// <summary>An ID is defined or listed twice in the threat model.</summary>
    public const string ThreatModelDuplicateId = "SPDF5203";

    /// <summary>An ID in the threat model is malformed or refers to nothing.</summary>
    public const string ThreatModelInvalidId = "SPDF5204";

    /// <summary>The threat model file is of no supported format.</summary>
    public const string ThreatModelUnsupportedFormat = "SPDF5205";

    /// <summary>A threat is open.</summary>
    public const string OpenThreat = "SPDF5210";

    /// <summary>A threat marked mitigated has no implemented control and no [Mitigates] link.</summary>
    public const string MitigatedThreatWithoutLink = "SPDF5211";

    /// <summary>An accepted, transferred or not-applicable threat has no rationale.</summary>
    public const string RiskDecisionWithoutRationale = "SPDF5212";

    /// <summary>A control cited by a mitigated threat has no [ImplementsControl] in the code.</summary>
    public const string ControlNotImplemented = "SPDF5213";

    /// <summary>A control cited by a mitigated threat has no [Verifies] test.</summary>
    public const string ControlNotVerified = "SPDF5214";

    /// <summary>A verifying test did not pass in this run's results.</summary>
    public const string VerifyingTestFailed = "SPDF5215";

    /// <summary>A verifying test is missing from its assembly's test results.</summary>
    public const string VerifyingTestNotRun = "SPDF5216";

    /// <summary>A traceability attribute in the built code names an ID the model does not define.</summary>
    public const string UnknownIdInCode = "SPDF5217";

    /// <summary>No current test results exist for a test assembly with verifying tests.</summary>
    public const string TestResultsMissing = "SPDF5218";

    /// <summary>A TRX test results file cannot be read.</summary>
    public const string TestResultsMalformed = "SPDF5219";

    /// <summary>A built assembly or its portable PDB cannot be read for traceability links.</summary>
    public const string AssemblyUnreadable = "SPDF5220";
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
    // 5101-5199: SBOM (GenerateSbom)

    /// <summary>The project's NuGet assets file (<c>project.assets.json</c>) does not exist: the project was not restored.</summary>
    public const string AssetsFileMissing = "SPDF5101";

    /// <summary>The NuGet assets file is not valid JSON or lacks what the SBOM needs.</summary>
    public const string AssetsFileInvalid = "SPDF5102";

    /// <summary>A package named in the assets file is missing from the packages folder (nuspec or .nupkg.sha512).</summary>
    public const string PackageFolderEntryMissing = "SPDF5103";

    /// <summary>A package's .nuspec cannot be read.</summary>
    public const string InvalidNuspec = "SPDF5104";

    /// <summary>The support catalogue (<c>SpdfSupportCatalog</c>) is not valid.</summary>
    public const string InvalidSupportCatalog = "SPDF5105";

    /// <summary>The vulnerability assessments (<c>SpdfVulnerabilityAssessments</c>, CycloneDX VEX) are not valid.</summary>
    public const string InvalidVulnerabilityAssessments = "SPDF5106";

    /// <summary>An advisory file in <c>SpdfVulnerabilityDatabase</c> is not a valid OSV advisory and was skipped.</summary>
    public const string InvalidAdvisorySkipped = "SPDF5107";

    /// <summary>A shipped component is past its end-of-support date.</summary>
    public const string ComponentPastEndOfSupport = "SPDF5108";

    /// <summary>A shipped component's level of support or end of support is unknown and no justification is recorded.</summary>
    public const string ComponentSupportUnknown = "SPDF5109";

    /// <summary>A shipped component has a known vulnerability that the manufacturer has not assessed.</summary>
    public const string UnassessedVulnerability = "SPDF5110";

    /// <summary>An assessment in the VEX file is for a vulnerability or component that no longer applies.</summary>
    public const string StaleVulnerabilityAssessment = "SPDF5111";

    /// <summary>The .NET lifecycle data (<c>SpdfDotNetLifecycleData</c>) is not a valid releases index.</summary>
    public const string InvalidDotNetLifecycleData = "SPDF5112";
}
