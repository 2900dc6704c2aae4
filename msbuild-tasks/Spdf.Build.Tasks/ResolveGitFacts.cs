using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Spdf.Build.Core;

namespace Spdf.Build.Tasks;

/// <summary>
/// Resolves, once per build, what all evidence of the build shares: the git facts (work-tree root, HEAD commit
/// and its time, uncommitted changes, origin URL without credentials) and the one time stamp
/// (<see cref="BuildTimestamp"/>). It writes them to <see cref="FactsFile"/>, which the targets read into the
/// <c>SpdfGit*</c> and <c>SpdfBuildTimestamp*</c> properties; the target that runs this task is skipped while the
/// repository's HEAD, refs, index and config and the build's outputs are unchanged, so a no-op build starts no git.
/// </summary>
public sealed class ResolveGitFacts : SpdfTask
{
    /// <summary>The folder whose repository is read (the project folder).</summary>
    [Required]
    public string WorkingDirectory { get; set; } = "";

    /// <summary>The facts file: <c>name=value</c> lines, rewritten only when a fact changed.</summary>
    [Required]
    public string FactsFile { get; set; } = "";

    /// <summary>ISO 8601 UTC, seconds precision.</summary>
    [Output]
    public string Timestamp { get; private set; } = "";

    /// <summary><c>SourceDateEpoch</c>, <c>CommitTime</c> or <c>CurrentTime</c>.</summary>
    [Output]
    public string TimestampOrigin { get; private set; } = "";

    [Output]
    public string RepositoryRoot { get; private set; } = "";

    [Output]
    public string Commit { get; private set; } = "";

    /// <summary><c>true</c> or <c>false</c>; empty outside a repository.</summary>
    [Output]
    public string Dirty { get; private set; } = "";

    /// <summary>The origin URL without <c>user:token@</c>.</summary>
    [Output]
    public string RemoteUrl { get; private set; } = "";

    /// <summary>Reads the environment; tests replace it because the process environment is shared.</summary>
    internal Func<string, string?> ReadEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    protected override void ExecuteCore()
    {
        // A malformed SOURCE_DATE_EPOCH fails before git is asked anything.
        var sourceDateEpoch = ReadEnvironmentVariable(BuildTimestamp.SourceDateEpochVariable);
        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
            BuildTimestamp.ParseSourceDateEpoch(sourceDateEpoch!);

        var repository = GitRepository.TryRead(WorkingDirectory);
        var (time, origin) = BuildTimestamp.Resolve(sourceDateEpoch, repository?.CommitTime, () => DateTimeOffset.UtcNow);
        Timestamp = BuildTimestamp.Format(time);
        TimestampOrigin = origin.ToString();
        RepositoryRoot = repository?.Root ?? "";
        Commit = repository?.Commit ?? "";
        Dirty = repository is null ? "" : repository.Dirty ? "true" : "false";
        RemoteUrl = repository?.OriginUrl ?? "";

        var written = WriteFactsFile(origin == BuildTimestamp.Origin.CurrentTime);
        Log.LogMessage(
            MessageImportance.Low,
            "Spdf.Build git facts: commit {0}, dirty {1}, evidence time stamp {2} ({3}); {4} {5}.",
            Commit.Length > 0 ? Commit : "(none)",
            Dirty.Length > 0 ? Dirty : "(no repository)",
            Timestamp,
            TimestampOrigin,
            written ? "written to" : "unchanged in",
            FactsFile);
    }

    /// <summary>
    /// Writes the facts only when one changed, so files derived from them are not rebuilt for nothing; an
    /// unchanged file is touched instead, because it is the Outputs of the skipped-while-unchanged target.
    /// </summary>
    private bool WriteFactsFile(bool timeIsCurrentTime)
    {
        var previous = File.Exists(FactsFile) ? File.ReadAllText(FactsFile, Encoding.UTF8) : null;
        // "Now" would rewrite the file on every resolve: outside a repository the first time stamp stays, like
        // the evidence that carries it (docs/msbuild-reference.md, SpdfBuildTimestamp).
        if (timeIsCurrentTime && previous is not null)
        {
            var before = Read(previous);
            if (before.GetValueOrDefault("timestamp-origin") == TimestampOrigin && before.GetValueOrDefault("timestamp") is { Length: > 0 } previousTime)
                Timestamp = previousTime;
        }

        var content = Format();
        if (string.Equals(previous, content, StringComparison.Ordinal))
        {
            File.SetLastWriteTimeUtc(FactsFile, DateTime.UtcNow);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FactsFile))!);
        AtomicFile.WriteAllText(FactsFile, content);
        return true;
    }

    private string Format()
    {
        var text = new StringBuilder();
        text.Append("# Spdf.Build: git facts and evidence time stamp of this build (ResolveGitFacts).\n");
        foreach (var (name, value) in Facts())
            text.Append(name).Append('=').Append(value).Append('\n');
        return text.ToString();
    }

    private IEnumerable<(string Name, string Value)> Facts()
    {
        yield return ("timestamp", Timestamp);
        yield return ("timestamp-origin", TimestampOrigin);
        yield return ("repository-root", RepositoryRoot);
        yield return ("commit", Commit);
        yield return ("dirty", Dirty);
        yield return ("remote-url", RemoteUrl);
    }

    /// <summary>The <c>name=value</c> lines of a facts file (what the targets read with ReadLinesFromFile).</summary>
    internal static Dictionary<string, string> Read(string content)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in content.Split('\n'))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && !line.StartsWith('#'))
                facts[line[..separator]] = line[(separator + 1)..].TrimEnd('\r');
        }

        return facts;
    }
}
