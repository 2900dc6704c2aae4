using System;
using System.Diagnostics;
using System.IO;
using Spdf.Build.Tasks.Tests.Infrastructure;

namespace Spdf.Build.Tasks.Tests.Git;

/// <summary>The one task that asks git, in a scratch repository: what it resolves and when it rewrites the facts file.</summary>
public sealed class ResolveGitFactsTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("spdf-git-facts-").FullName;

    public ResolveGitFactsTests()
    {
        Git("init", "-q", "-b", "main");
        Git("remote", "add", "origin", "https://ci-user:s3cr3t-token@example.com/contoso/pump.git");
        File.WriteAllText(Path.Combine(_repository, "pump.txt"), "v1\n");
        Git("add", "pump.txt");
        Commit("1767225600");
    }

    private string FactsFile => Path.Combine(_repository, "obj", "spdf", "git-facts.txt");

    [Fact]
    public void Resolves_commit_time_dirty_state_and_origin_without_credentials()
    {
        var task = Resolve();

        Assert.Equal(Git("rev-parse", "HEAD"), task.Commit);
        Assert.Equal("false", task.Dirty);
        Assert.Equal("2026-01-01T00:00:00Z", task.Timestamp);
        Assert.Equal("CommitTime", task.TimestampOrigin);
        Assert.Equal("https://example.com/contoso/pump.git", task.RemoteUrl);
        Assert.Equal(Path.GetFullPath(Git("rev-parse", "--show-toplevel")), Path.GetFullPath(task.RepositoryRoot));

        var facts = ResolveGitFacts.Read(File.ReadAllText(FactsFile));
        Assert.Equal(task.Commit, facts["commit"]);
        Assert.Equal("2026-01-01T00:00:00Z", facts["timestamp"]);
        Assert.DoesNotContain("s3cr3t", File.ReadAllText(FactsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncommitted_change_is_dirty_and_a_new_commit_changes_commit_and_time()
    {
        var first = Resolve();
        File.WriteAllText(Path.Combine(_repository, "pump.txt"), "v2\n");
        Assert.Equal("true", Resolve().Dirty);

        Git("add", "pump.txt");
        Commit("1767312000");
        var second = Resolve();

        Assert.NotEqual(first.Commit, second.Commit);
        Assert.Equal("false", second.Dirty);
        Assert.Equal("2026-01-02T00:00:00Z", second.Timestamp);
        Assert.Equal(second.Commit, ResolveGitFacts.Read(File.ReadAllText(FactsFile))["commit"]);
    }

    [Fact]
    public void Unchanged_facts_leave_the_content_and_only_advance_the_time_stamp_of_the_file()
    {
        Resolve();
        var content = File.ReadAllBytes(FactsFile);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(FactsFile, old);

        Resolve();

        Assert.Equal(content, File.ReadAllBytes(FactsFile));
        Assert.True(File.GetLastWriteTimeUtc(FactsFile) > old, "the facts file is the target's output: it must be newer than the inputs after a resolve");
    }

    [Fact]
    public void Outside_a_repository_the_first_current_time_stays_on_later_resolves()
    {
        var folder = Directory.CreateTempSubdirectory("spdf-no-git-").FullName;
        try
        {
            var facts = Path.Combine(folder, "git-facts.txt");
            File.WriteAllText(facts, "timestamp=2026-02-03T04:05:06Z\ntimestamp-origin=CurrentTime\n");
            var task = new ResolveGitFacts { BuildEngine = new RecordingBuildEngine(), WorkingDirectory = folder, FactsFile = facts, ReadEnvironmentVariable = _ => null };

            Assert.True(task.Execute());

            Assert.Equal("CurrentTime", task.TimestampOrigin);
            Assert.Equal("2026-02-03T04:05:06Z", task.Timestamp);
            Assert.Equal("", task.Commit);
            Assert.Equal("", task.Dirty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    private ResolveGitFacts Resolve()
    {
        var engine = new RecordingBuildEngine();
        var task = new ResolveGitFacts { BuildEngine = engine, WorkingDirectory = _repository, FactsFile = FactsFile, ReadEnvironmentVariable = _ => null };
        Assert.True(task.Execute(), string.Join("\n", engine.Errors));
        return task;
    }

    /// <summary>A commit whose committer time (what the build time stamp uses) is <paramref name="unixTime"/>.</summary>
    private void Commit(string unixTime)
        => Run(unixTime + " +0000", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgSign=false", "commit", "-q", "-m", "change", "--no-verify");

    private string Git(params string[] arguments) => Run(null, arguments);

    private string Run(string? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + error.Result);
        return output.Trim();
    }
}
