namespace Spdf.Build.Core.Verification;

/// <summary>The documented exit codes of <c>spdf verify</c> (docs/verifying-evidence.md).</summary>
public static class VerificationExitCode
{
    public const int Verified = 0;

    /// <summary>Bad arguments, a folder that does not exist, an unreadable trust file (also System.CommandLine's parse errors).</summary>
    public const int UsageError = 1;

    public const int Tampered = 2;

    public const int Untrusted = 3;

    public const int Incomplete = 4;

    public const int CoverageFailing = 5;

    public static int For(FindingKind worst) => worst switch
    {
        FindingKind.Tampered => Tampered,
        FindingKind.Untrusted => Untrusted,
        FindingKind.Incomplete => Incomplete,
        FindingKind.CoverageFailing => CoverageFailing,
        _ => Verified,
    };
}
