using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Traceability;

internal enum TraceabilityIdKind
{
    Threat,
    Control,
    Asset,
}

/// <summary>
/// The threat model's IDs as the build hands them to the analyzer: the AdditionalFiles item
/// <c>spdf-traceability-ids.txt</c> (lines <c>prefix threat TM</c>, <c>threat TM-001</c>, <c>control SC-001</c>,
/// <c>asset AS-001</c>). Without that file only the ID syntax can be checked, against the default prefixes.
/// </summary>
internal sealed class TraceabilityIdCatalog
{
    public const string FileName = "spdf-traceability-ids.txt";

    private readonly Dictionary<string, TraceabilityIdKind> _ids;
    private readonly Dictionary<TraceabilityIdKind, string> _prefixes;

    private TraceabilityIdCatalog(Dictionary<TraceabilityIdKind, string> prefixes, Dictionary<string, TraceabilityIdKind> ids, bool hasModel)
    {
        _prefixes = prefixes;
        _ids = ids;
        HasModel = hasModel;
    }

    /// <summary>True when the build supplied the model's IDs; false means only the syntax is checked.</summary>
    public bool HasModel { get; }

    public IEnumerable<string> Ids => _ids.Keys;

    public static TraceabilityIdCatalog Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var prefixes = new Dictionary<TraceabilityIdKind, string>
        {
            [TraceabilityIdKind.Threat] = "TM",
            [TraceabilityIdKind.Control] = "SC",
            [TraceabilityIdKind.Asset] = "AS",
        };
        var ids = new Dictionary<string, TraceabilityIdKind>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            if (!string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
                continue;
            var text = file.GetText(cancellationToken);
            if (text is null)
                continue;
            foreach (var line in text.Lines)
            {
                var parts = line.ToString().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3 && parts[0] == "prefix" && ParseKind(parts[1]) is { } prefixKind)
                    prefixes[prefixKind] = parts[2];
                else if (parts.Length == 2 && ParseKind(parts[0]) is { } kind)
                    ids[parts[1]] = kind;
            }

            return new TraceabilityIdCatalog(prefixes, ids, hasModel: true);
        }

        return new TraceabilityIdCatalog(prefixes, ids, hasModel: false);
    }

    public string PrefixOf(TraceabilityIdKind kind) => _prefixes[kind];

    /// <summary>The kind the ID's syntax says (prefix, hyphen, digits), or null when it matches no prefix.</summary>
    public TraceabilityIdKind? KindBySyntax(string id)
    {
        foreach (var pair in _prefixes)
        {
            var prefix = pair.Value;
            if (id.Length > prefix.Length + 1 && id.StartsWith(prefix, StringComparison.Ordinal) && id[prefix.Length] == '-' && AllDigits(id, prefix.Length + 1))
                return pair.Key;
        }

        return null;
    }

    public bool Contains(string id) => _ids.ContainsKey(id);

    private static bool AllDigits(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
                return false;
        }

        return true;
    }

    private static TraceabilityIdKind? ParseKind(string text) => text switch
    {
        "threat" => TraceabilityIdKind.Threat,
        "control" => TraceabilityIdKind.Control,
        "asset" => TraceabilityIdKind.Asset,
        _ => null,
    };
}
