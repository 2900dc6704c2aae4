using System.Collections.Generic;

namespace Spdf.Build.Core.Signing;

/// <summary>Where the sources came from: repository URL (credentials removed) and commit.</summary>
public sealed record SourceRevision(string RepositoryUrl, string Commit);

/// <summary>What the provenance says about the build: SLSA external/internal parameters and run details.</summary>
public sealed record BuildDescription(
    string Project,
    string Configuration,
    string TargetFramework,
    string RuntimeIdentifier,
    string SdkVersion,
    string SpdfBuildVersion,
    SourceRevision? Source,
    BuilderIdentity Builder,
    string StartedOn,
    string FinishedOn);

/// <summary>The SLSA builder: an id URI for the CI system (or the local machine) and this run's invocation id.</summary>
public sealed record BuilderIdentity(string Id, string? InvocationId, IReadOnlyDictionary<string, string> Details);
