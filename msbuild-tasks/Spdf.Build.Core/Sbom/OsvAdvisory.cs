using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NuGet.Versioning;

namespace Spdf.Build.Core.Sbom;

public sealed record OsvSeverity(string Type, string Vector);

public sealed record OsvReference(string Type, string Url);

/// <summary>One OSV range event: exactly one of introduced, fixed or last_affected (limit is not used by NuGet data).</summary>
public sealed record OsvEvent(string Kind, NuGetVersion? Version);

/// <summary>An <c>affected[]</c> entry of the NuGet ecosystem: a version is affected when it is in any range or in the list.</summary>
public sealed record OsvAffected(string PackageName, IReadOnlyList<IReadOnlyList<OsvEvent>> Ranges, IReadOnlyList<NuGetVersion> Versions)
{
    public bool Affects(NuGetVersion version)
        => Versions.Any(v => VersionComparer.Default.Equals(v, version)) || Ranges.Any(range => InRange(range, version));

    /// <summary>
    /// OSV's evaluation: walk the events in version order; an introduced at or below the version opens the
    /// range, a fixed at or below it closes it, a last_affected below it closes it.
    /// </summary>
    private static bool InRange(IReadOnlyList<OsvEvent> events, NuGetVersion version)
    {
        var affected = false;
        foreach (var e in events.OrderBy(e => e.Version ?? new NuGetVersion(0, 0, 0), VersionComparer.Default))
        {
            var eventVersion = e.Version ?? new NuGetVersion(0, 0, 0);
            var comparison = VersionComparer.Default.Compare(version, eventVersion);
            switch (e.Kind)
            {
                case "introduced" when e.Version is null || comparison >= 0:
                    affected = true;
                    break;
                case "fixed" when comparison >= 0:
                    affected = false;
                    break;
                case "last_affected" when comparison > 0:
                    affected = false;
                    break;
            }
        }

        return affected;
    }
}

/// <summary>An OSV advisory (the format of the GitHub Advisory Database and osv.dev), restricted to NuGet packages.</summary>
public sealed record OsvAdvisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string? Details,
    string? Published,
    string? Modified,
    string? Withdrawn,
    IReadOnlyList<OsvSeverity> Severities,
    string? DatabaseSeverity,
    IReadOnlyList<int> CweIds,
    IReadOnlyList<OsvReference> References,
    IReadOnlyList<OsvAffected> Affected,
    string SourceFile)
{
    public bool IsWithdrawn => Withdrawn is not null;

    public bool Affects(string packageName, NuGetVersion version)
        => Affected.Any(a => string.Equals(a.PackageName, packageName, StringComparison.OrdinalIgnoreCase) && a.Affects(version));

    /// <summary>Parses one advisory; returns null with a reason when the file is not a usable OSV advisory.</summary>
    public static OsvAdvisory? TryParse(byte[] json, string sourceFile, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            var id = root.ValueKind == JsonValueKind.Object ? root.GetString("id") : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                problem = "it has no 'id'";
                return null;
            }

            var affected = new List<OsvAffected>();
            if (root.TryGetProperty("affected", out var affectedArray) && affectedArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in affectedArray.EnumerateArray())
                {
                    if (!entry.TryGetProperty("package", out var package) || package.GetString("ecosystem") != "NuGet")
                        continue;
                    var name = package.GetString("name");
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        problem = "an affected NuGet package has no name";
                        return null;
                    }

                    var ranges = new List<IReadOnlyList<OsvEvent>>();
                    if (entry.TryGetProperty("ranges", out var rangeArray) && rangeArray.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var range in rangeArray.EnumerateArray())
                        {
                            // SEMVER and GIT ranges do not describe NuGet versions; ECOSYSTEM ranges do.
                            if (range.GetString("type") != "ECOSYSTEM")
                                continue;
                            var events = new List<OsvEvent>();
                            foreach (var e in range.GetProperty("events").EnumerateArray())
                            {
                                foreach (var kind in new[] { "introduced", "fixed", "last_affected" })
                                {
                                    if (e.GetString(kind) is { } text)
                                    {
                                        if (kind == "introduced" && text == "0")
                                            events.Add(new OsvEvent(kind, null));
                                        else if (NuGetVersion.TryParse(text, out var version))
                                            events.Add(new OsvEvent(kind, version));
                                        else
                                        {
                                            problem = $"'{text}' ({kind} of {name}) is not a NuGet version";
                                            return null;
                                        }
                                    }
                                }
                            }

                            ranges.Add(events);
                        }
                    }

                    var versions = new List<NuGetVersion>();
                    if (entry.TryGetProperty("versions", out var versionArray) && versionArray.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in versionArray.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.String || !NuGetVersion.TryParse(item.GetString(), out var version))
                            {
                                problem = $"the versions list of {name} has '{item}', which is not a NuGet version";
                                return null;
                            }

                            versions.Add(version);
                        }
                    }

                    affected.Add(new OsvAffected(name, ranges, versions));
                }
            }

            var databaseSpecific = root.TryGetProperty("database_specific", out var db) && db.ValueKind == JsonValueKind.Object ? db : default;
            return new OsvAdvisory(
                id!,
                Strings(root, "aliases"),
                root.GetString("summary"),
                root.GetString("details"),
                root.GetString("published"),
                root.GetString("modified"),
                root.GetString("withdrawn"),
                Objects(root, "severity").Select(s => new OsvSeverity(s.GetString("type") ?? "", s.GetString("score") ?? "")).Where(s => s.Vector.Length > 0).ToArray(),
                databaseSpecific.ValueKind == JsonValueKind.Object ? databaseSpecific.GetString("severity") : null,
                databaseSpecific.ValueKind == JsonValueKind.Object ? Cwes(databaseSpecific) : Array.Empty<int>(),
                Objects(root, "references").Select(r => new OsvReference(r.GetString("type") ?? "", r.GetString("url") ?? "")).Where(r => r.Url.Length > 0).ToArray(),
                affected,
                sourceFile);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            problem = exception is JsonException jsonException && jsonException.LineNumber is { } line ? $"line {line + 1}: {exception.Message.Split(" Path:", StringSplitOptions.None)[0]}" : exception.Message;
            return null;
        }
    }

    private static string[] Strings(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : Array.Empty<string>();

    private static IEnumerable<JsonElement> Objects(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToArray()
            : Array.Empty<JsonElement>();

    private static int[] Cwes(JsonElement databaseSpecific)
        => Strings(databaseSpecific, "cwe_ids")
            .Select(c => c.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) && int.TryParse(c.AsSpan(4), out var number) ? number : -1)
            .Where(n => n >= 0)
            .ToArray();
}
