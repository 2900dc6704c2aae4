using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;

namespace Spdf.Build.Tasks.Tests.Sbom;

public sealed class GenerateSbomTaskTests
{
    private static GenerateSbom Task(GeneratedRestore restore, RecordingBuildEngine engine, string evidence) => new()
    {
        BuildEngine = engine,
        AssetsFile = restore.AssetsPath,
        TargetFramework = "net10.0",
        Name = "Contoso.App",
        Version = "1.2.3",
        OutputType = "Exe",
        Company = "Contoso Medical Devices",
        MainArtefact = restore.MainArtefact,
        VulnerabilityPolicy = "Error",
        SupportPolicy = "Warning",
        SpecVersion = "1.6",
        Timestamp = "2026-01-01T00:00:00Z",
        SbomFile = Path.Combine(evidence, "Contoso.App.cdx.json"),
        AddendumCsvFile = Path.Combine(evidence, "Contoso.App.fda-sbom.csv"),
        AddendumMarkdownFile = Path.Combine(evidence, "Contoso.App.fda-sbom.md"),
    };

    [Fact]
    public void Writes_the_SBOM_and_the_addendum_and_reports_findings_as_coded_warnings()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var engine = new RecordingBuildEngine();
        var evidence = Path.Combine(restore.Root, "spdf");
        var task = Task(restore, engine, evidence);
        Assert.True(task.Execute());
        CycloneDxSchema.AssertValid(File.ReadAllText(task.SbomFile));
        Assert.True(File.Exists(task.AddendumCsvFile));
        Assert.True(File.Exists(task.AddendumMarkdownFile));
        Assert.Contains(engine.Warnings, w => w.Code == "SPDF5109" && w.HelpLink!.EndsWith("SPDF5109.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_vulnerability_gate_leaves_no_SBOM_behind()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("HtmlSanitizer", "8.0.601").AddDirect("HtmlSanitizer").Write();
        var engine = new RecordingBuildEngine();
        var evidence = Path.Combine(restore.Root, "spdf");
        var task = Task(restore, engine, evidence);
        Directory.CreateDirectory(evidence);
        File.WriteAllText(task.SbomFile, "an SBOM of an earlier build");
        task.VulnerabilityDatabase = SharedData.OsvNuGet;
        Assert.False(task.Execute());
        Assert.Contains(engine.Errors, e => e.Code == "SPDF5110");
        Assert.False(File.Exists(task.SbomFile));
        Assert.False(File.Exists(task.AddendumCsvFile));
    }

    [Theory]
    [InlineData("SpecVersion", "1.4", "SPDF0020")]
    [InlineData("VulnerabilityPolicy", "Strict", "SPDF0021")]
    [InlineData("SupportPolicy", "", "SPDF0021")]
    public void Invalid_configuration_is_an_SPDF002x_error(string property, string value, string id)
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        var engine = new RecordingBuildEngine();
        var task = Task(restore, engine, Path.Combine(restore.Root, "spdf"));
        typeof(GenerateSbom).GetProperty(property)!.SetValue(task, value);
        Assert.False(task.Execute());
        Assert.Equal(id, Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(task.SbomFile));
    }

    [Fact]
    public void Corrupt_assets_file_is_an_error_naming_the_file_without_a_stack_trace()
    {
        using var restore = new GeneratedRestore();
        restore.AddPackage("A", "1.0.0").AddDirect("A").Write();
        File.WriteAllText(restore.AssetsPath, "{ \"version\": 3, \"targets\": ");
        var engine = new RecordingBuildEngine();
        var task = Task(restore, engine, Path.Combine(restore.Root, "spdf"));
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SPDF5102", error.Code);
        Assert.Equal(restore.AssetsPath, error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(task.SbomFile));
    }
}

internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.csproj";
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();
    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) { }
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
