using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Sbom;

public sealed record SbomHash(string Algorithm, string Hex);

/// <summary>Either an SPDX expression or a named licence with a URL (CycloneDX allows one or the other).</summary>
public sealed record SbomLicense(string? Expression, string? Name, string? Url);

public sealed record SbomExternalReference(string Type, string Url, string? Comment);

/// <summary>One component of the SBOM with the FDA elements A–F; G (vulnerabilities) is attached by the builder.</summary>
public sealed class SbomComponent
{
    public required string BomRef { get; init; }

    /// <summary>CycloneDX component type: application, library or framework.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public string? Purl { get; init; }

    public string? Supplier { get; set; }

    public IReadOnlyList<string> Authors { get; init; } = Array.Empty<string>();

    public string? Description { get; init; }

    /// <summary>null (required) or "excluded" for development-only packages kept on request.</summary>
    public string? Scope { get; init; }

    public IReadOnlyList<SbomHash> Hashes { get; init; } = Array.Empty<SbomHash>();

    public SbomLicense? License { get; init; }

    public string? Copyright { get; init; }

    public IReadOnlyList<SbomExternalReference> ExternalReferences { get; init; } = Array.Empty<SbomExternalReference>();

    /// <summary>FDA element A: where the component resides (paths in the build output, or a description).</summary>
    public IReadOnlyList<string> Assets { get; init; } = Array.Empty<string>();

    /// <summary>FDA elements E and F.</summary>
    public SupportInfo Support { get; set; } = SupportInfo.Unknown("not determined");

    /// <summary>Further name/value facts (source feed, deployment, lifecycle phase).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public List<string> DependsOn { get; } = new();
}

/// <summary>FDA element G: a known vulnerability of one component, with the manufacturer's assessment if there is one.</summary>
public sealed record SbomVulnerability(OsvAdvisory Advisory, SbomComponent Component, VulnerabilityAssessment? Assessment);

public sealed class SbomDocument
{
    public required string SpecVersion { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string ToolVersion { get; init; }

    public required string Manufacturer { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required SbomComponent Application { get; init; }

    /// <summary>Sorted by bom-ref (ordinal).</summary>
    public required IReadOnlyList<SbomComponent> Components { get; init; }

    /// <summary>Sorted by advisory id, then component bom-ref.</summary>
    public required IReadOnlyList<SbomVulnerability> Vulnerabilities { get; init; }

    /// <summary>Facts about how the SBOM was made (target, data sources), written as metadata properties.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; }

    /// <summary>What element G was checked against, for the addendum ("not checked" when no database is configured).</summary>
    public required string VulnerabilitySourceDescription { get; init; }

    public IEnumerable<SbomComponent> AllComponents()
    {
        yield return Application;
        foreach (var component in Components)
            yield return component;
    }
}

public enum SbomFindingSeverity
{
    Message,
    Warning,
    Error,
}

/// <summary>Something the build log must show: a policy finding or a skipped input.</summary>
public sealed record SbomFinding(SbomFindingSeverity Severity, string Id, string Message, string? File = null, int Line = 0);
