using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Spdf.Build.Core;
using Spdf.Build.Core.Sbom;

namespace Spdf.Build.Tasks;

/// <summary>
/// Writes the CycloneDX SBOM of a project (<c>&lt;AssemblyName&gt;.cdx.json</c>) and its FDA addendum
/// (<c>.fda-sbom.csv</c>, <c>.fda-sbom.md</c>) from the assets file, the packages folder and the build output.
/// No restore, no network.
/// </summary>
public sealed class GenerateSbom : SpdfTask
{
    [Required] public string AssetsFile { get; set; } = "";
    [Required] public string TargetFramework { get; set; } = "";
    public string? RuntimeIdentifier { get; set; }
    [Required] public string Name { get; set; } = "";
    [Required] public string Version { get; set; } = "";
    public string? OutputType { get; set; }
    public string? Description { get; set; }
    public string? LicenseExpression { get; set; }
    public string? Manufacturer { get; set; }
    public string? Company { get; set; }
    public string? Authors { get; set; }
    /// <summary>The repository URL (the targets pass <c>RepositoryUrl</c>, else SourceLink's, else git's origin).</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>The commit (the targets pass <c>SourceRevisionId</c>, else <c>SpdfGitCommit</c>); the task never starts git.</summary>
    public string? Commit { get; set; }
    [Required] public string MainArtefact { get; set; } = "";

    /// <summary>Built project references (<c>_ResolvedProjectReferencePaths</c>): item = output, <c>MSBuildSourceProjectFile</c> = project.</summary>
    public ITaskItem[] ProjectReferenceOutputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ResolvedFrameworkReference</c> items.</summary>
    public ITaskItem[] FrameworkReferences { get; set; } = Array.Empty<ITaskItem>();
    public bool SelfContained { get; set; }
    public bool IncludeDevelopmentDependencies { get; set; }
    public string? SupportCatalog { get; set; }
    public string? DotNetLifecycleData { get; set; }
    public string? VulnerabilityDatabase { get; set; }
    public string? VulnerabilityAssessments { get; set; }

    /// <summary><c>Error</c> or <c>Warning</c> for known vulnerabilities without an assessment.</summary>
    [Required] public string VulnerabilityPolicy { get; set; } = "";

    /// <summary><c>Error</c> or <c>Warning</c> for components past end of support or of unexplained unknown support.</summary>
    [Required] public string SupportPolicy { get; set; } = "";
    [Required] public string SpecVersion { get; set; } = "";
    [Required] public string Timestamp { get; set; } = "";
    [Required] public string SbomFile { get; set; } = "";
    [Required] public string AddendumCsvFile { get; set; } = "";
    [Required] public string AddendumMarkdownFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var stopwatch = Stopwatch.StartNew();
        if (!CycloneDxWriter.SupportedSpecVersions.Contains(SpecVersion))
            throw new SpdfException(DiagnosticIds.InvalidSbomSpecVersion, $"SpdfSbomSpecVersion is '{SpecVersion}'; Spdf.Build writes CycloneDX {string.Join(" or ", CycloneDxWriter.SupportedSpecVersions)}.");

        var manufacturer = FirstNonEmpty(Manufacturer, Company, Authors) ?? Name;
        var request = new SbomRequest
        {
            AssetsFilePath = AssetsFile,
            TargetFramework = TargetFramework,
            RuntimeIdentifier = NullIfEmpty(RuntimeIdentifier),
            Name = Name,
            Version = Version,
            IsApplication = OutputType is "Exe" or "WinExe" or "AppContainerExe",
            Description = NullIfEmpty(Description),
            LicenseExpression = NullIfEmpty(LicenseExpression),
            Manufacturer = manufacturer,
            Authors = (NullIfEmpty(Authors) ?? manufacturer).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            RepositoryUrl = NullIfEmpty(RepositoryUrl) is { } url ? GitRepository.WithoutCredentials(url) : null,
            Commit = NullIfEmpty(Commit),
            MainArtefactPath = MainArtefact,
            ProjectReferenceOutputs = ProjectReferenceOutputs
                .Select(i => new ProjectReferenceOutput(i.GetMetadata("MSBuildSourceProjectFile") is { Length: > 0 } project ? project : i.GetMetadata("OriginalItemSpec"), i.GetMetadata("FullPath")))
                .ToArray(),
            Frameworks = FrameworkReferences
                .Select(i => new FrameworkReference(
                    i.ItemSpec,
                    FirstNonEmpty(i.GetMetadata("RuntimePackVersion"), i.GetMetadata("TargetingPackVersion")) ?? "0.0.0",
                    NullIfEmpty(i.GetMetadata("RuntimePackName")),
                    SelfContained))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToArray(),
            IncludeDevelopmentDependencies = IncludeDevelopmentDependencies,
            SupportCatalogPath = NullIfEmpty(SupportCatalog),
            DotNetLifecycleDataPath = NullIfEmpty(DotNetLifecycleData),
            VulnerabilityDatabasePath = NullIfEmpty(VulnerabilityDatabase),
            AssessmentsPath = NullIfEmpty(VulnerabilityAssessments),
            VulnerabilityPolicyIsError = IsError(VulnerabilityPolicy, "SpdfVulnerabilityPolicy"),
            SupportPolicyIsError = IsError(SupportPolicy, "SpdfSupportPolicy"),
            Timestamp = DateTimeOffset.Parse(Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            SpecVersion = SpecVersion,
            ToolVersion = ToolVersion(),
        };

        var (document, findings) = SbomBuilder.Build(request);
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case SbomFindingSeverity.Error:
                    LogSpdfError(finding.Id, finding.Message, finding.File, finding.Line);
                    break;
                case SbomFindingSeverity.Warning:
                    LogSpdfWarning(finding.Id, finding.Message, finding.File, finding.Line);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Normal, finding.Message);
                    break;
            }
        }

        if (Log.HasLoggedErrors)
        {
            // A failed gate leaves no SBOM behind: an old one would pass for evidence of this build, and the
            // next incremental build would skip the gate. The errors name every ref to assess.
            foreach (var file in new[] { SbomFile, AddendumCsvFile, AddendumMarkdownFile })
                File.Delete(file);
            return;
        }

        AtomicFile.WriteAllBytes(SbomFile, CycloneDxWriter.Write(document));
        AtomicFile.WriteAllText(AddendumCsvFile, FdaSbomAddendum.Csv(document));
        AtomicFile.WriteAllText(AddendumMarkdownFile, FdaSbomAddendum.Markdown(document));
        Log.LogMessage(
            MessageImportance.High,
            "Spdf.Build SBOM: {0} (components: {1}, known vulnerabilities: {2}) in {3} ms",
            SbomFile,
            document.Components.Count,
            document.Vulnerabilities.Count,
            stopwatch.ElapsedMilliseconds);
    }

    private static bool IsError(string policy, string property) => policy.Trim().ToUpperInvariant() switch
    {
        "ERROR" => true,
        "WARNING" => false,
        _ => throw new SpdfException(DiagnosticIds.InvalidSbomPolicy, $"{property} is '{policy}'; allowed values are Error and Warning."),
    };

    private static string ToolVersion()
    {
        var version = typeof(GenerateSbom).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // Drop the +commit suffix: the tool version must not change the SBOM of an unchanged project on every commit.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FirstNonEmpty(params string?[] values) => values.Select(NullIfEmpty).FirstOrDefault(v => v is not null);
}
