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

    // 0010-0019: traceability configuration

    /// <summary><c>SpdfThreatModel</c> names a file that does not exist or cannot be read.</summary>
    public const string ThreatModelNotFound = "SPDF0010";

    /// <summary><c>SpdfTraceabilityPolicy</c> has a value other than Error, Warning or None.</summary>
    public const string InvalidTraceabilityPolicy = "SPDF0011";

    /// <summary><c>spdf threatmodel import</c> would overwrite an existing file (the native model is the source of truth).</summary>
    public const string ImportOutputExists = "SPDF0012";

    // 1xxx: cryptography and transport

    /// <summary>MD5, SHA-1, RIPEMD-160 or an HMAC over them used where a secure hash is needed.</summary>
    public const string WeakHashAlgorithm = "SPDF1001";

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
}
