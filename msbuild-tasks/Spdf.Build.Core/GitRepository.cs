using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Spdf.Build.Core;

/// <summary>
/// The git facts evidence records (work-tree root, HEAD commit and its time, uncommitted changes, origin URL),
/// read with the git command line. A build reads them once (the <c>ResolveGitFacts</c> task, cached in the
/// intermediate folder) and hands them to every evidence task, so the tasks themselves never start git.
/// </summary>
public sealed record GitRepository(string Root, string Commit, DateTimeOffset CommitTime, bool Dirty, string? OriginUrl)
{
    /// <summary>
    /// The repository around <paramref name="directory"/> (four git processes), or null outside a work tree,
    /// before the first commit or where git is not installed. The origin URL has its credentials removed.
    /// </summary>
    public static GitRepository? TryRead(string directory)
    {
        var root = Git(directory, "rev-parse", "--show-toplevel");
        var head = root is null ? null : Git(directory, "log", "-1", "--format=%H %ct", "HEAD");
        if (root is null || head is null || !TryParseHead(head, out var commit, out var commitTime))
            return null;
        // --no-optional-locks: reading the state must not rewrite the index, which would look like a change
        // of the repository to the next build's up-to-date check (and race with a parallel build's git).
        var status = Git(directory, "--no-optional-locks", "status", "--porcelain", "--untracked-files=no");
        var origin = Git(directory, "config", "--get", "remote.origin.url");
        return new GitRepository(root, commit, commitTime, status is not null, origin is null ? null : WithoutCredentials(origin));
    }

    private static bool TryParseHead(string head, out string commit, out DateTimeOffset commitTime)
    {
        var parts = head.Split(' ');
        commit = parts[0];
        commitTime = default;
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        commitTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Removes <c>user:token@</c> from an http(s) URL.</summary>
    public static string WithoutCredentials(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 && uri.Scheme is "https" or "http")
            return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        return url;
    }

    /// <summary>An https remote as a browsable repository URL (no credentials, no ".git"); null for ssh and local remotes.</summary>
    public static string? ToBrowsableUrl(string? remote)
    {
        if (remote is null || !Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            return null;
        var url = WithoutCredentials(uri.GetLeftPart(UriPartial.Path));
        return url.EndsWith(".git", StringComparison.Ordinal) ? url[..^4] : url;
    }

    /// <summary>Runs git and returns its trimmed output, or null when it fails or prints nothing.</summary>
    private static string? Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000) || process.ExitCode != 0)
                return null;
            error.Wait();
            var trimmed = output.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }
        catch (Win32Exception)
        {
            // git is not installed: the evidence simply has no repository facts.
            return null;
        }
    }
}
