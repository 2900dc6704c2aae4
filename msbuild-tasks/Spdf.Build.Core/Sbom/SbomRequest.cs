using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Sbom;

/// <summary>A built project reference: its project file and the assembly it produced.</summary>
public sealed record ProjectReferenceOutput(string ProjectPath, string OutputPath);

/// <summary>A shared framework the app runs on (Microsoft.NETCore.App, Microsoft.AspNetCore.App, ...).</summary>
public sealed record FrameworkReference(string Name, string Version, string? RuntimePackName, bool SelfContained);

/// <summary>Everything <see cref="SbomBuilder"/> needs from the build; the task fills it from MSBuild properties and items.</summary>
public sealed class SbomRequest
{
    public required string AssetsFilePath { get; init; }

    public required string TargetFramework { get; init; }

    public string? RuntimeIdentifier { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public bool IsApplication { get; init; }

    public string? Description { get; init; }

    public string? LicenseExpression { get; init; }

    public required string Manufacturer { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = Array.Empty<string>();

    public string? RepositoryUrl { get; init; }

    public string? Commit { get; init; }

    public required string MainArtefactPath { get; init; }

    public IReadOnlyList<ProjectReferenceOutput> ProjectReferenceOutputs { get; init; } = Array.Empty<ProjectReferenceOutput>();

    public IReadOnlyList<FrameworkReference> Frameworks { get; init; } = Array.Empty<FrameworkReference>();

    public bool IncludeDevelopmentDependencies { get; init; }

    public string? SupportCatalogPath { get; init; }

    public string? DotNetLifecycleDataPath { get; init; }

    public string? VulnerabilityDatabasePath { get; init; }

    public string? AssessmentsPath { get; init; }

    /// <summary>Known vulnerabilities without a conclusive assessment are errors (Release default) rather than warnings.</summary>
    public bool VulnerabilityPolicyIsError { get; init; }

    /// <summary>Components past end of support or of unexplained unknown support are errors rather than warnings.</summary>
    public bool SupportPolicyIsError { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string SpecVersion { get; init; } = "1.6";

    public required string ToolVersion { get; init; }
}
