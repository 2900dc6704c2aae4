using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Traceability;

/// <summary>Who built what: the identity a trace records so an auditor can tie it to one build.</summary>
public sealed record BuildIdentity(
    string Project,
    string? Version,
    string? Configuration,
    string? Commit,
    bool? Dirty,
    string? SdkVersion,
    string SpdfBuildVersion,
    string? RepositoryUrl);

public enum ArtefactRole
{
    Code,
    Test,
}

/// <summary>A built assembly the links were read from.</summary>
public sealed record Artefact(string Path, string DisplayPath, ArtefactRole Role, string AssemblyName, string Sha256, DateTime LastWriteTimeUtc);

public enum TraceabilityPolicy
{
    /// <summary>Findings fail the build (the default in Release).</summary>
    Error,

    /// <summary>Findings are warnings (the default in other configurations).</summary>
    Warning,

    /// <summary>Findings are recorded in the trace but not reported to the build.</summary>
    None,
}

/// <summary>Everything one trace is computed from.</summary>
public sealed class TraceInputs
{
    public required ThreatModel Model { get; init; }

    public required string ModelPath { get; init; }

    public required string ModelDisplayPath { get; init; }

    public required string ModelSha256 { get; init; }

    public required ThreatModelFormat ModelFormat { get; init; }

    public required BuildIdentity Build { get; init; }

    public required string Timestamp { get; init; }

    public required IReadOnlyList<Artefact> Artefacts { get; init; }

    public required IReadOnlyList<CodeLink> Links { get; init; }

    public required TestResults TestResults { get; init; }

    /// <summary>Declared test projects whose assembly is not built yet: their links and outcomes are not in the trace.</summary>
    public IReadOnlyList<string> MissingTestAssemblies { get; init; } = Array.Empty<string>();

    /// <summary>The folder source paths are made relative to (the git repository root); null to keep them absolute.</summary>
    public string? RepositoryRoot { get; init; }

    public TraceabilityPolicy Policy { get; init; } = TraceabilityPolicy.Error;

    /// <summary>When true, a test assembly without current results is a finding under <see cref="Policy"/>; otherwise a message.</summary>
    public bool RequireTestResults { get; init; }
}
