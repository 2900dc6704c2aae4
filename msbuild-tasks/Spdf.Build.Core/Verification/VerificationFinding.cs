namespace Spdf.Build.Core.Verification;

/// <summary>How bad a finding is; the worst one decides the exit code of <c>spdf verify</c>.</summary>
public enum FindingKind
{
    /// <summary>Worth knowing, not a failure (for example: signed with an ephemeral key).</summary>
    Notice,

    /// <summary>The evidence is intact but the traceability coverage it records is failing.</summary>
    CoverageFailing,

    /// <summary>Something is missing: a listed file, a signature, the manifest or provenance; or a file is unlisted.</summary>
    Incomplete,

    /// <summary>Signatures are valid but the signer is not the trusted one.</summary>
    Untrusted,

    /// <summary>A file, signature, manifest or provenance does not match what was signed.</summary>
    Tampered,
}

/// <param name="File">The file concerned, relative to the verified folder (forward slashes).</param>
public sealed record VerificationFinding(string Id, FindingKind Kind, string File, string Message);
