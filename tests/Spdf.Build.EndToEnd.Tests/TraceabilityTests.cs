using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spdf.Build.EndToEnd.Tests.Infrastructure;

namespace Spdf.Build.EndToEnd.Tests;

/// <summary>
/// The traceability matrix the README's main commands produce for the sample, and what a reader sees when
/// opening it in a browser.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TraceabilityTests
{
    private readonly SampleBuildFixture _sample;

    public TraceabilityTests(SampleBuildFixture sample) => _sample = sample;

    private static string SampleModel => Path.Combine(RepositoryPaths.SampleDeviceApp, "threat-model.spdf.json");

    private static string ScreenshotDirectory => RepositoryPaths.InRepository("artifacts", "test-results", "traceability");

    /// <summary>Runs only the trace target on the already built sample app, with another model and evidence folder.</summary>
    private static CommandResult TraceSampleWith(string model, string evidenceDirectory, string policy = "Warning", params string[] extra)
        => DotNet.Run(
            RepositoryPaths.Root,
            new[]
            {
                "msbuild", "sample-device-app/InfusionPump/InfusionPump.csproj", "-nr:false", "-t:SpdfGenerateTraceability",
                "-p:Configuration=Release", "-p:BuildProjectReferences=false",
                "-p:SpdfThreatModel=" + model, "-p:SpdfEvidenceDirectory=" + evidenceDirectory + "/", "-p:SpdfTraceabilityPolicy=" + policy,
            }.Concat(extra).ToArray());

    [Fact]
    public void Main_commands_produce_the_complete_matrix_with_test_outcomes()
    {
        _sample.TestResult.AssertSuccess();
        _sample.Result.AssertSuccess();
        using var trace = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_sample.EvidenceDirectory, "spdf-trace.json")));
        var root = trace.RootElement;
        var coverage = root.GetProperty("coverage");

        Assert.Equal(14, coverage.GetProperty("threats").GetInt32());
        Assert.Equal(14, coverage.GetProperty("threatsAddressed").GetInt32());
        Assert.Equal(coverage.GetProperty("controlsRequired").GetInt32(), coverage.GetProperty("controlsVerified").GetInt32());
        Assert.True(coverage.GetProperty("verifyingTests").GetInt32() >= 13);
        Assert.Equal(coverage.GetProperty("verifyingTests").GetInt32(), coverage.GetProperty("testsPassed").GetInt32());
        Assert.True(coverage.GetProperty("testResultsComplete").GetBoolean());
        Assert.Equal(0, coverage.GetProperty("errors").GetInt32() + coverage.GetProperty("warnings").GetInt32());

        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(SampleModel))).ToLowerInvariant(), root.GetProperty("threatModel").GetProperty("sha256").GetString());
        Assert.Equal(new[] { "code", "test" }, root.GetProperty("artefacts").EnumerateArray().Select(a => a.GetProperty("role").GetString()).Distinct().Order());
        Assert.Single(root.GetProperty("testResults").EnumerateArray());

        var authentication = root.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "SC-001");
        var implementation = authentication.GetProperty("implementations").EnumerateArray().Single();
        Assert.Equal("Contoso.InfusionPump.Communication.CommandAuthenticator.TryAccept", implementation.GetProperty("symbol").GetString());
        Assert.Equal("sample-device-app/InfusionPump/Communication/CommandAuthenticator.cs", implementation.GetProperty("file").GetString());
        var theory = authentication.GetProperty("verifications").EnumerateArray().Single(v => v.GetProperty("test").GetString()!.EndsWith(".Malformed_lines_are_rejected", StringComparison.Ordinal));
        Assert.Equal(("passed", 4), (theory.GetProperty("outcome").GetString(), theory.GetProperty("resultCount").GetInt32()));
    }

    [Fact]
    public void Reader_sees_the_summary_in_a_browser()
    {
        var html = Path.Combine(_sample.EvidenceDirectory, "spdf-trace.html");

        var dom = HeadlessChromium.DumpDom(html);
        HeadlessChromium.Screenshot(html, Path.Combine(ScreenshotDirectory, "sample-spdf-trace.png"));

        Assert.Matches(@"id=""summary-threats-addressed""><span class=""value"">14 of 14</span>", dom);
        Assert.Matches(@"id=""summary-open-threats""><span class=""value"">0</span>", dom);
        Assert.DoesNotContain("GAP:", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_sees_a_gap_row_for_an_open_threat()
    {
        using var folder = new TemporaryDirectory("spdf-trace-gap-");
        var model = Path.Combine(folder.Path, "gap.spdf.json");
        File.WriteAllText(model, File.ReadAllText(SampleModel).Replace(
            "\"threats\": [",
            "\"threats\": [\n    { \"id\": \"TM-015\", \"title\": \"Connection flooding stalls the command channel\", \"category\": \"denial-of-service\", \"assets\": [\"AS-001\"], \"severity\": \"high\", \"status\": \"open\", \"controls\": [] },",
            StringComparison.Ordinal));

        var result = TraceSampleWith(model, Path.Combine(folder.Path, "evidence"));

        result.AssertSuccess();
        Assert.Matches(new Regex(@"gap\.spdf\.json\(\d+\): warning SPDF5210: Threat TM-015 'Connection flooding"), result.Output);
        var html = Path.Combine(folder.Path, "evidence", "spdf-trace.html");
        var dom = HeadlessChromium.DumpDom(html);
        HeadlessChromium.Screenshot(html, Path.Combine(ScreenshotDirectory, "gap-spdf-trace.png"));
        Assert.Matches(@"id=""summary-threats-addressed""><span class=""value"">14 of 15</span>", dom);
        Assert.Matches(@"<tr id=""TM-015"" class=""gap""><td><strong>TM-015</strong> Connection flooding stalls the command channel</td>.*GAP: open threat", dom);
    }

    [Fact]
    public void Malformed_model_fails_with_file_and_line_and_writes_nothing()
    {
        using var folder = new TemporaryDirectory("spdf-trace-broken-");
        var model = Path.Combine(folder.Path, "broken.spdf.json");
        File.WriteAllText(model, "{\n  \"schemaVersion\": \"1.0\",\n  \"system\": { \"name\": \"Pump\" \"version\": \"1\" }\n}\n");

        var result = TraceSampleWith(model, Path.Combine(folder.Path, "evidence"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(new Regex(@"broken\.spdf\.json\(3,\d+\): error SPDF5201: Not valid JSON"), result.Output);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "evidence")) && Directory.EnumerateFiles(Path.Combine(folder.Path, "evidence")).Any());
    }

    [Fact]
    public void Design_time_builds_skip_the_trace()
    {
        using var folder = new TemporaryDirectory("spdf-trace-design-time-");

        var result = TraceSampleWith(SampleModel, Path.Combine(folder.Path, "evidence"), "Error", "-p:DesignTimeBuild=true");

        result.AssertSuccess();
        Assert.False(File.Exists(Path.Combine(folder.Path, "evidence", "spdf-trace.json")));
    }

    [Fact]
    public void Unchanged_inputs_skip_the_trace_target()
    {
        _sample.Result.AssertSuccess();
        // Other tests of the collection compile probes into the sample's obj folder: settle first.
        DotNet.Run(RepositoryPaths.Root, "build", "sample-device-app/InfusionPump/InfusionPump.csproj", "-c", "Release").AssertSuccess();
        var json = Path.Combine(_sample.EvidenceDirectory, "spdf-trace.json");
        var before = File.GetLastWriteTimeUtc(json);

        var result = DotNet.Run(RepositoryPaths.Root, "build", "sample-device-app/InfusionPump/InfusionPump.csproj", "-c", "Release", "-v:d");

        result.AssertSuccess();
        Assert.Contains("Skipping target \"_SpdfGenerateTraceabilityCore\" because all output files are up-to-date", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(json));
    }
}
