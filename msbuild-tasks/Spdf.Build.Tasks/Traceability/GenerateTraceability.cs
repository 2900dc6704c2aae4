using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Build.Tasks.Traceability;

/// <summary>
/// Writes spdf-trace.json and spdf-trace.html from the threat model, the links in the built assemblies and
/// the test results, and reports the coverage findings (errors or warnings per SpdfTraceabilityPolicy).
/// </summary>
public sealed class GenerateTraceability : SpdfTask
{
    [Required]
    public string ThreatModel { get; set; } = "";

    /// <summary>The project's assembly and the assemblies of its project references.</summary>
    [Required]
    public ITaskItem[] CodeAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Test assemblies whose [Verifies] links count.</summary>
    public ITaskItem[] TestAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Declared test assemblies that are not built yet.</summary>
    public ITaskItem[] MissingTestAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>TRX files.</summary>
    public ITaskItem[] TestResults { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string JsonFile { get; set; } = "";

    [Required]
    public string HtmlFile { get; set; } = "";

    [Required]
    public string ProjectName { get; set; } = "";

    public string? Version { get; set; }

    public string? Configuration { get; set; }

    public string? SdkVersion { get; set; }

    public string? RepositoryUrl { get; set; }

    /// <summary>Git facts from <c>SpdfResolveGitFacts</c> (the task never starts git): work-tree root, HEAD commit, <c>true</c>/<c>false</c>, origin URL.</summary>
    public string? GitRepositoryRoot { get; set; }

    public string? GitCommit { get; set; }

    public string? GitDirty { get; set; }

    public string? GitRemoteUrl { get; set; }

    [Required]
    public string Timestamp { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Error, Warning or None.</summary>
    [Required]
    public string Policy { get; set; } = "";

    public bool RequireTestResults { get; set; }

    protected override void ExecuteCore()
    {
        if (!Enum.TryParse<TraceabilityPolicy>(Policy, ignoreCase: true, out var policy) || !Enum.IsDefined(policy) || char.IsDigit(Policy.Trim().FirstOrDefault()))
            throw new SpdfException(DiagnosticIds.InvalidTraceabilityPolicy, $"SpdfTraceabilityPolicy is '{Policy}'; allowed values are Error, Warning and None.");

        var build = new BuildIdentity(
            ProjectName,
            Empty(Version),
            Empty(Configuration),
            Empty(GitCommit),
            Empty(GitCommit) is null ? null : string.Equals(GitDirty, "true", StringComparison.OrdinalIgnoreCase),
            Empty(SdkVersion),
            typeof(GenerateTraceability).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            Empty(RepositoryUrl) is { } url ? GitRepository.ToBrowsableUrl(url) ?? url : GitRepository.ToBrowsableUrl(Empty(GitRemoteUrl)));

        // A test assembly older than the code it tests is from an earlier build: `dotnet test` rebuilds it after
        // this project, so its [Verifies] links are not known yet and it counts as not built.
        var newestCode = CodeAssemblies.Select(i => File.GetLastWriteTimeUtc(i.ItemSpec)).DefaultIfEmpty(DateTime.MinValue).Max();
        var outdatedTests = TestAssemblies.Where(i => File.GetLastWriteTimeUtc(i.ItemSpec) < newestCode).Select(i => i.ItemSpec).ToList();

        var report = TraceGeneration.Run(new TraceGenerationRequest
        {
            ThreatModelPath = ThreatModel,
            CodeAssemblies = CodeAssemblies.Select(i => i.ItemSpec).ToList(),
            TestAssemblies = TestAssemblies.Select(i => i.ItemSpec).Except(outdatedTests, StringComparer.Ordinal).ToList(),
            TestResultFiles = TestResults.Select(i => i.ItemSpec).ToList(),
            MissingTestAssemblies = MissingTestAssemblies.Select(i => i.ItemSpec).Concat(outdatedTests).ToList(),
            Build = build,
            Timestamp = Timestamp,
            JsonOutputPath = JsonFile,
            HtmlOutputPath = HtmlFile,
            RepositoryRoot = Empty(GitRepositoryRoot),
            Policy = policy,
            RequireTestResults = RequireTestResults,
        });

        foreach (var finding in report.Findings)
        {
            switch (finding.Severity)
            {
                case FindingSeverity.Error:
                    LogSpdfError(finding.Id, finding.Message, finding.File, finding.Line);
                    break;
                case FindingSeverity.Warning:
                    LogSpdfWarning(finding.Id, finding.Message, finding.File, finding.Line);
                    break;
                default:
                    Log.LogMessage(MessageImportance.High, "{0}: {1}", finding.Id, finding.Message);
                    break;
            }
        }

        var c = report.Coverage;
        Log.LogMessage(
            MessageImportance.High,
            "Spdf.Build traceability: {0} of {1} threats addressed, {2} of {3} required controls implemented, {4} verified; {5} of {6} verifying tests passed -> {7}",
            c.ThreatsAddressed, c.Threats, c.ControlsImplemented, c.ControlsRequired, c.ControlsVerified, c.TestsPassed, c.VerifyingTests, HtmlFile);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
