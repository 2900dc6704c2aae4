using System;
using System.IO;
using System.Linq;
using Spdf.Build.Core.Traceability;

namespace Spdf.Cli.Tests;

public sealed class ThreatModelImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spdf-cli-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SharedThreatModels()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "threat-models"));
        }

        throw new InvalidOperationException("Spdf.Build.sln not found");
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.CreateRootCommand().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("threat-dragon/v2-threat-model.json", 14, 10, 4)]
    [InlineData("tmt/startleft-MTMT_example.tm7", 43, 43, 0)]
    public void Import_writes_a_valid_spdf_model_with_the_expected_counts(string input, int threats, int open, int mitigated)
    {
        var output = Path.Combine(_folder, "model.spdf.json");

        var (exitCode, stdout, stderr) = Run("threatmodel", "import", Path.Combine(SharedThreatModels(), input), "-o", output);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains($"Imported {threats} threats", stdout, StringComparison.Ordinal);
        var model = SpdfThreatModelReader.Read(File.ReadAllBytes(output), output);
        Assert.Equal(threats, model.Threats.Count);
        Assert.Equal(open, model.Threats.Count(t => t.Status == ThreatStatus.Open));
        Assert.Equal(mitigated, model.Threats.Count(t => t.Status == ThreatStatus.Mitigated));
    }

    [Fact]
    public void Import_never_overwrites_the_source_of_truth_without_force()
    {
        var output = Path.Combine(_folder, "model.spdf.json");
        File.WriteAllText(output, "{ \"edited\": true }");
        var input = Path.Combine(SharedThreatModels(), "threat-dragon", "v2-threat-model.json");

        var (exitCode, _, stderr) = Run("threatmodel", "import", input, "-o", output);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(output + ": error SPDF0012: ", stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(output));
        Assert.Equal(0, Run("threatmodel", "import", input, "-o", output, "--force").ExitCode);
    }

    [Fact]
    public void Broken_input_is_one_error_line_with_file_line_and_id()
    {
        var input = Path.Combine(_folder, "broken.json");
        File.WriteAllText(input, "{\n  \"detail\": { \"diagrams\": [ }\n}\n");
        var output = Path.Combine(_folder, "out.spdf.json");

        var (exitCode, stdout, stderr) = Run("threatmodel", "import", input, "-o", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Matches(@"^.*broken\.json\(2,\d+\): error SPDF5201: Not valid JSON: .*\r?\n$", stderr);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Missing_output_option_is_a_usage_error()
        => Assert.Equal(1, Run("threatmodel", "import", "model.json").ExitCode);
}
