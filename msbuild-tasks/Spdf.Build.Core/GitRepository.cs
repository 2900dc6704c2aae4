using System.ComponentModel;
using System.Diagnostics;

namespace Spdf.Build.Core;

/// <summary>Reads the commit and remote of a git working tree, for evidence when SourceLink did not provide them.</summary>
public static class GitRepository
{
    public static string? TryReadHeadCommit(string workingDirectory) => Run(workingDirectory, "rev-parse HEAD");

    public static string? TryReadOriginUrl(string workingDirectory) => Run(workingDirectory, "config --get remote.origin.url");

    private static string? Run(string workingDirectory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000) || process.ExitCode != 0)
                return null;
            output = output.Trim();
            return output.Length == 0 ? null : output;
        }
        catch (Win32Exception)
        {
            // git is not installed: the evidence simply has no commit.
            return null;
        }
    }
}
