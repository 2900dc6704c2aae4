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

    // 5xxx: MSBuild task findings

    /// <summary>An Spdf.Build task failed in a way it has no specific diagnostic for.</summary>
    public const string UnexpectedTaskFailure = "SPDF5000";

    /// <summary><c>SOURCE_DATE_EPOCH</c> is set but is not a Unix time in seconds.</summary>
    public const string InvalidSourceDateEpoch = "SPDF5001";

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
