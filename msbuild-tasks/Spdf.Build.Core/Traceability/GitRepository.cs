using System.ComponentModel;
using System.Diagnostics;

namespace Spdf.Build.Core.Traceability;

/// <summary>The git facts a trace records: repository root, HEAD commit, uncommitted changes, origin URL.</summary>
public sealed record GitRepository(string Root, string Commit, bool Dirty, string? RemoteUrl)
{
    /// <summary>Null when <paramref name="directory"/> is not in a git work tree or git is not installed.</summary>
    public static GitRepository? TryRead(string directory)
    {
        var root = Git(directory, "rev-parse --show-toplevel");
        var commit = Git(directory, "rev-parse HEAD");
        if (root is null || commit is null)
            return null;
        var status = Git(directory, "status --porcelain --untracked-files=no");
        var remote = Git(directory, "remote get-url origin");
        return new GitRepository(root, commit, status is { Length: > 0 }, ToBrowsableUrl(remote));
    }

    /// <summary>https URLs are kept (without ".git" and credentials); ssh and local remotes give no link.</summary>
    internal static string? ToBrowsableUrl(string? remote)
    {
        if (remote is null || !System.Uri.TryCreate(remote, System.UriKind.Absolute, out var uri) || uri.Scheme != "https")
            return null;
        var url = uri.GetLeftPart(System.UriPartial.Path);
        if (uri.UserInfo.Length > 0)
            url = url.Replace(uri.UserInfo + "@", "", System.StringComparison.Ordinal);
        return url.EndsWith(".git", System.StringComparison.Ordinal) ? url[..^4] : url;
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
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
            return process.WaitForExit(10_000) && process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
