using System;
using System.ComponentModel;
using System.Diagnostics;

namespace Spdf.Build.Core.Signing;

/// <summary>The source revision of a working tree, read with git; null outside a repository or without git.</summary>
public static class GitRepository
{
    /// <summary>The repository's top folder, origin URL (credentials removed) and HEAD commit.</summary>
    public static (string TopLevel, SourceRevision Revision)? Read(string workingDirectory)
    {
        var topLevel = Git(workingDirectory, "rev-parse", "--show-toplevel");
        var commit = Git(workingDirectory, "rev-parse", "HEAD");
        if (topLevel is null || commit is null)
            return null;
        var url = Git(workingDirectory, "config", "--get", "remote.origin.url") ?? "";
        return (topLevel, new SourceRevision(WithoutCredentials(url), commit));
    }

    /// <summary>Removes <c>user:token@</c> from an https URL so that a CI token never reaches the provenance.</summary>
    public static string WithoutCredentials(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 && uri.Scheme is "https" or "http")
            return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        return url;
    }

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
            return null;
        }
    }
}
