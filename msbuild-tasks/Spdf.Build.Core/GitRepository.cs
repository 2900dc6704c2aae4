using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Spdf.Build.Core;

/// <summary>
/// The git facts evidence records (work-tree root, HEAD commit, uncommitted changes, origin URL), read with the
/// git command line. Every reader returns null outside a work tree or where git is not installed.
/// </summary>
public sealed record GitRepository(string Root, string Commit, bool Dirty, string? OriginUrl)
{
    /// <summary>The repository around <paramref name="directory"/>; the origin URL has its credentials removed.</summary>
    public static GitRepository? TryRead(string directory)
    {
        var root = Git(directory, "rev-parse", "--show-toplevel");
        var commit = Git(directory, "rev-parse", "HEAD");
        if (root is null || commit is null)
            return null;
        var status = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return new GitRepository(root, commit, status is not null, TryReadOriginUrl(directory));
    }

    public static string? TryReadHeadCommit(string directory) => Git(directory, "rev-parse", "HEAD");

    /// <summary>The origin URL without <c>user:token@</c>, so a CI token never reaches an evidence file.</summary>
    public static string? TryReadOriginUrl(string directory)
        => Git(directory, "config", "--get", "remote.origin.url") is { } url ? WithoutCredentials(url) : null;

    public static DateTimeOffset? TryReadHeadCommitTime(string directory)
        => long.TryParse(Git(directory, "log", "-1", "--format=%ct", "HEAD"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

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
