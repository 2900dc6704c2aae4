using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Traceability;

/// <summary>A threat model in Spdf.Build's own format (<c>*.spdf.json</c>), however it was read or imported.</summary>
public sealed class ThreatModel
{
    public const string CurrentSchemaVersion = "1.0";

    public ThreatModel(SystemInfo system, IdPrefixes prefixes, IReadOnlyList<Asset> assets, IReadOnlyList<Threat> threats, IReadOnlyList<Control> controls)
    {
        System = system;
        Prefixes = prefixes;
        Assets = assets;
        Threats = threats;
        Controls = controls;
    }

    public SystemInfo System { get; }

    public IdPrefixes Prefixes { get; }

    public IReadOnlyList<Asset> Assets { get; }

    public IReadOnlyList<Threat> Threats { get; }

    public IReadOnlyList<Control> Controls { get; }
}

public sealed record SystemInfo(string Name, string? Version);

/// <summary>The prefixes of the three kinds of ID; an ID is the prefix, a hyphen and digits (<c>TM-012</c>).</summary>
public sealed record IdPrefixes(string Threat, string Control, string Asset)
{
    public static IdPrefixes Default { get; } = new("TM", "SC", "AS");

    public string Format(string prefix, int number) => prefix + "-" + number.ToString("D3", global::System.Globalization.CultureInfo.InvariantCulture);

    public IdKind? KindOf(string id)
    {
        if (HasPrefix(id, Threat))
            return IdKind.Threat;
        if (HasPrefix(id, Control))
            return IdKind.Control;
        if (HasPrefix(id, Asset))
            return IdKind.Asset;
        return null;
    }

    private static bool HasPrefix(string id, string prefix)
    {
        if (id.Length <= prefix.Length + 1 || !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '-')
            return false;
        for (var i = prefix.Length + 1; i < id.Length; i++)
        {
            if (id[i] is < '0' or > '9')
                return false;
        }

        return true;
    }
}

public enum IdKind
{
    Threat,
    Control,
    Asset,
}

public sealed record Asset(string Id, string Name);

public sealed record Cvss(string Vector, double? Score);

public sealed record Acceptance(string Rationale, string? ApprovedBy, string? Date);

/// <summary>Where an imported threat came from: the tool and the tool's own ID.</summary>
public sealed record ExternalReference(string Tool, string Id);

public sealed record Threat(
    string Id,
    string Title,
    string? Description,
    string Category,
    IReadOnlyList<string> Assets,
    string Severity,
    Cvss? Cvss,
    ThreatStatus Status,
    IReadOnlyList<string> Controls,
    Acceptance? Acceptance,
    string? ResidualRisk,
    ExternalReference? External)
{
    /// <summary>1-based line of the threat in the model file (0 when imported from another tool).</summary>
    public int Line { get; init; }
}

public sealed record Control(string Id, string Title, string? Requirement, string Type)
{
    public int Line { get; init; }
}

public enum ThreatStatus
{
    Open,
    Mitigated,
    Accepted,
    Transferred,
    NotApplicable,
}

/// <summary>The spellings of enumerations in the JSON format.</summary>
public static class ThreatModelNames
{
    public static readonly IReadOnlyList<string> Categories = new[]
    {
        "spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege", "other",
    };

    public static readonly IReadOnlyList<string> Severities = new[] { "critical", "high", "medium", "low", "none", "unknown" };

    public static readonly IReadOnlyList<string> ControlTypes = new[] { "preventive", "detective", "corrective", "deterrent", "compensating", "other" };

    public static string ToJson(ThreatStatus status) => status switch
    {
        ThreatStatus.Open => "open",
        ThreatStatus.Mitigated => "mitigated",
        ThreatStatus.Accepted => "accepted",
        ThreatStatus.Transferred => "transferred",
        _ => "not-applicable",
    };

    public static ThreatStatus? StatusFromJson(string value) => value switch
    {
        "open" => ThreatStatus.Open,
        "mitigated" => ThreatStatus.Mitigated,
        "accepted" => ThreatStatus.Accepted,
        "transferred" => ThreatStatus.Transferred,
        "not-applicable" => ThreatStatus.NotApplicable,
        _ => null,
    };

    /// <summary>
    /// Maps a tool's category label ("Information disclosure", "Elevation of Privileges", "DoS") to a STRIDE
    /// category, or "other".
    /// </summary>
    public static string CategoryFromLabel(string? label)
    {
        var letters = new global::System.Text.StringBuilder();
        foreach (var c in label ?? "")
        {
            if (char.IsLetter(c))
                letters.Append(char.ToLowerInvariant(c));
        }

        return letters.ToString() switch
        {
            "spoofing" or "spoofingidentity" => "spoofing",
            "tampering" or "tamperingwithdata" => "tampering",
            "repudiation" => "repudiation",
            "informationdisclosure" => "information-disclosure",
            "denialofservice" or "dos" => "denial-of-service",
            "elevationofprivilege" or "elevationofprivileges" => "elevation-of-privilege",
            _ => "other",
        };
    }

    /// <summary>Lenient severity mapping for imported models: anything not recognised (e.g. "TBA") is "unknown".</summary>
    public static string SeverityFromLabel(string? label) => (label ?? "").Trim().ToLowerInvariant() switch
    {
        "critical" or "very high" => "critical",
        "high" => "high",
        "medium" or "moderate" => "medium",
        "low" => "low",
        "none" or "informational" or "info" => "none",
        _ => "unknown",
    };
}
