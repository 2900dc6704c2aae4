using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// The manufacturer's support catalogue (<c>SpdfSupportCatalog</c>): for components matching a purl pattern
/// (<c>*</c> matches any text, case-insensitive), the supplier, level of support, end-of-support date and a
/// justification. The first matching entry wins, so put specific patterns before general ones.
/// </summary>
public sealed class SupportCatalog
{
    private readonly IReadOnlyList<Entry> _entries;

    private SupportCatalog(string path, IReadOnlyList<Entry> entries)
    {
        FilePath = path;
        _entries = entries;
    }

    public string FilePath { get; }

    public static SupportCatalog Read(string path)
    {
        var bytes = JsonSource.ReadAllBytes(path, DiagnosticIds.InvalidSupportCatalog, "support catalogue");
        using var document = JsonSource.Parse(bytes, path, DiagnosticIds.InvalidSupportCatalog, "support catalogue");
        SpdfException Invalid(string reason, params object[] jsonPath)
            => new(DiagnosticIds.InvalidSupportCatalog, $"The support catalogue '{path}' is not valid: {reason}.", path, JsonSource.LineOf(bytes, jsonPath));

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
            throw Invalid("it needs a top-level object with a 'components' array");

        var entries = new List<Entry>();
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            if (component.ValueKind != JsonValueKind.Object)
                throw Invalid($"components[{index}] is not an object", "components", index);
            var pattern = component.GetString("purl");
            if (string.IsNullOrWhiteSpace(pattern) || !pattern.StartsWith("pkg:", StringComparison.Ordinal))
                throw Invalid($"components[{index}] needs a 'purl' pattern such as \"pkg:nuget/Vendor.*\"", "components", index);

            var levelText = component.GetString("levelOfSupport");
            if (!SupportLevels.TryParse(levelText, out var level))
                throw Invalid($"components[{index}].levelOfSupport is '{levelText}'; use 'actively maintained', 'no longer maintained', 'abandoned' or 'unknown'", "components", index, "levelOfSupport");

            DateOnly? endOfSupport = null;
            var endText = component.GetString("endOfSupport");
            if (endText is not null)
            {
                if (!DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw Invalid($"components[{index}].endOfSupport is '{endText}', not a date YYYY-MM-DD", "components", index, "endOfSupport");
                endOfSupport = date;
            }

            var justification = component.GetString("justification");
            var supplier = component.GetString("supplier");
            entries.Add(new Entry(pattern.Trim().Split('*'), new SupportInfo(level, endOfSupport, supplier, justification, "support catalogue " + System.IO.Path.GetFileName(path) + " (" + pattern.Trim() + ")")));
            index++;
        }

        return new SupportCatalog(path, entries);
    }

    public SupportInfo? Find(string purl)
    {
        foreach (var entry in _entries)
        {
            if (Matches(entry.Segments, purl))
                return entry.Support;
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="purl"/> is the pattern's literal segments in order with any text where the pattern has
    /// '*' (ordinal, case-insensitive). Not a regular expression and not a file-name wildcard: in a purl '?' starts
    /// the qualifiers and must match itself.
    /// </summary>
    private static bool Matches(string[] segments, string purl)
    {
        var first = segments[0];
        var last = segments[^1];
        if (segments.Length == 1)
            return string.Equals(first, purl, StringComparison.OrdinalIgnoreCase);
        if (purl.Length < first.Length + last.Length
            || !purl.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            || !purl.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = first.Length;
        var end = purl.Length - last.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var found = purl.IndexOf(segments[i], position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
                return false;
            position = found + segments[i].Length;
        }

        return true;
    }

    private sealed record Entry(string[] Segments, SupportInfo Support);
}
