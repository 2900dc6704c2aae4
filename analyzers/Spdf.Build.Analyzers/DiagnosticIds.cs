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

    // 1xxx: cryptography and transport

    /// <summary>MD5, SHA-1, RIPEMD-160 or an HMAC over them used where a secure hash is needed.</summary>
    public const string WeakHashAlgorithm = "SPDF1001";

    // 5xxx: MSBuild task findings

    /// <summary>An Spdf.Build task failed in a way it has no specific diagnostic for.</summary>
    public const string UnexpectedTaskFailure = "SPDF5000";

    /// <summary><c>SOURCE_DATE_EPOCH</c> is set but is not a Unix time in seconds.</summary>
    public const string InvalidSourceDateEpoch = "SPDF5001";
}
