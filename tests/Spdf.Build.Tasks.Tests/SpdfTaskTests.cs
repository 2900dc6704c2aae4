using System;
using System.IO;
using Spdf.Build.Core;
using Spdf.Build.Tasks.Tests.Infrastructure;

namespace Spdf.Build.Tasks.Tests;

public sealed class SpdfTaskTests
{
    private sealed class ThrowingTask : SpdfTask
    {
        public Exception? ToThrow { get; set; }

        protected override void ExecuteCore()
        {
            if (ToThrow is not null)
                throw ToThrow;
        }
    }

    [Fact]
    public void Input_problem_becomes_an_SPDF_error_with_file_line_and_help_link()
    {
        var engine = new RecordingBuildEngine();
        var task = new ThrowingTask { BuildEngine = engine, ToThrow = new SpdfException("SPDF5001", "bad value", "model.json", 12, 4) };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("SPDF5001", error.Code);
        Assert.Equal("model.json", error.File);
        Assert.Equal(12, error.LineNumber);
        Assert.Equal(4, error.ColumnNumber);
        Assert.Equal("bad value", error.Message);
        Assert.EndsWith("/docs/rules/SPDF5001.md", error.HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_exception_becomes_SPDF5000_without_a_stack_trace()
    {
        var engine = new RecordingBuildEngine();
        var task = new ThrowingTask { BuildEngine = engine, ToThrow = new InvalidOperationException("disk on fire") };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("SPDF5000", error.Code);
        Assert.Contains("ThrowingTask failed unexpectedly: InvalidOperationException: disk on fire", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Successful_task_logs_no_error()
    {
        var engine = new RecordingBuildEngine();
        Assert.True(new ThrowingTask { BuildEngine = engine }.Execute());
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void ResolveGitFacts_reports_a_malformed_SOURCE_DATE_EPOCH_as_SPDF5001()
    {
        var engine = new RecordingBuildEngine();
        var task = new ResolveGitFacts
        {
            BuildEngine = engine,
            WorkingDirectory = ".",
            FactsFile = Path.Combine(Path.GetTempPath(), "spdf-never-written-" + Guid.NewGuid().ToString("N") + ".txt"),
            ReadEnvironmentVariable = name => name == "SOURCE_DATE_EPOCH" ? "tomorrow" : null,
        };

        Assert.False(task.Execute());
        Assert.Equal("SPDF5001", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(task.FactsFile));
    }

    [Fact]
    public void ResolveGitFacts_outputs_the_SOURCE_DATE_EPOCH_time()
    {
        var folder = Directory.CreateTempSubdirectory("spdf-facts-").FullName;
        try
        {
            var task = new ResolveGitFacts
            {
                BuildEngine = new RecordingBuildEngine(),
                WorkingDirectory = folder,
                FactsFile = Path.Combine(folder, "git-facts.txt"),
                ReadEnvironmentVariable = name => name == "SOURCE_DATE_EPOCH" ? "1767225600" : null,
            };

            Assert.True(task.Execute());
            Assert.Equal("2026-01-01T00:00:00Z", task.Timestamp);
            Assert.Equal("SourceDateEpoch", task.TimestampOrigin);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
