using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Reads and validates a threat model in Spdf.Build's format (<c>*.spdf.json</c>, see
/// docs/schemas/spdf-threat-model.schema.json). Every problem is an <see cref="SpdfException"/> at its line.
/// </summary>
public static class SpdfThreatModelReader
{
    public static readonly IReadOnlyList<string> SupportedSchemaVersions = new[] { ThreatModel.CurrentSchemaVersion };

    private static readonly Regex PrefixPattern = new("^[A-Z][A-Z0-9]{0,9}$", RegexOptions.CultureInvariant);

    private static readonly string[] RootProperties = { "$schema", "schemaVersion", "system", "idPrefixes", "assets", "threats", "controls" };
    private static readonly string[] SystemProperties = { "name", "version" };
    private static readonly string[] PrefixProperties = { "threat", "control", "asset" };
    private static readonly string[] AssetProperties = { "id", "name", "description" };
    private static readonly string[] ThreatProperties = { "id", "title", "description", "category", "assets", "severity", "cvss", "status", "controls", "acceptance", "residualRisk", "external" };
    private static readonly string[] CvssProperties = { "vector", "score" };
    private static readonly string[] AcceptanceProperties = { "rationale", "approvedBy", "date" };
    private static readonly string[] ExternalProperties = { "tool", "id" };
    private static readonly string[] ControlProperties = { "id", "title", "requirement", "type" };

    public static ThreatModel Read(byte[] utf8, string file)
    {
        var root = JsonNodeAt.Parse(utf8, file) as JsonObjectAt
                   ?? throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "The threat model must be a JSON object.", file, 1, 1);
        CheckProperties(root, RootProperties);

        var versionNode = root.Get("schemaVersion") ?? throw root.Error("'schemaVersion' is required (\"" + ThreatModel.CurrentSchemaVersion + "\").");
        var version = root.RequiredString("schemaVersion");
        if (!SupportedSchemaVersions.Contains(version, StringComparer.Ordinal))
        {
            throw new SpdfException(
                DiagnosticIds.ThreatModelUnknownSchemaVersion,
                $"schemaVersion '{version}' is not supported by this version of Spdf.Build; supported: {string.Join(", ", SupportedSchemaVersions)}.",
                file, versionNode.Line, versionNode.Column);
        }

        var systemNode = root.RequiredObject("system");
        CheckProperties(systemNode, SystemProperties);
        var system = new SystemInfo(systemNode.RequiredString("name"), systemNode.OptionalString("version"));
        var prefixes = ReadPrefixes(root.OptionalObject("idPrefixes"));

        var ids = new Dictionary<string, JsonNodeAt>(StringComparer.Ordinal);
        var assets = root.ObjectArray("assets").Select(node =>
        {
            CheckProperties(node, AssetProperties);
            return new Asset(ReadId(node, IdKind.Asset, prefixes, ids), node.RequiredString("name"));
        }).ToList();
        var controls = root.ObjectArray("controls").Select(node =>
        {
            CheckProperties(node, ControlProperties);
            return new Control(ReadId(node, IdKind.Control, prefixes, ids), node.RequiredString("title"), node.RequiredString("requirement"), Enumerated(node, "type", ThreatModelNames.ControlTypes)) { Line = node.Line };
        }).ToList();
        var threatNodes = root.ObjectArray("threats");
        var threats = threatNodes.Select(node => ReadThreat(node, prefixes, ids)).ToList();

        for (var i = 0; i < threats.Count; i++)
        {
            CheckReferences(threatNodes[i], "assets", threats[i].Assets, IdKind.Asset, prefixes, ids);
            CheckReferences(threatNodes[i], "controls", threats[i].Controls, IdKind.Control, prefixes, ids);
        }

        return new ThreatModel(system, prefixes, assets, threats, controls);
    }

    private static Threat ReadThreat(JsonObjectAt node, IdPrefixes prefixes, Dictionary<string, JsonNodeAt> ids)
    {
        CheckProperties(node, ThreatProperties);
        var id = ReadId(node, IdKind.Threat, prefixes, ids);
        var statusText = node.RequiredString("status");
        var status = ThreatModelNames.StatusFromJson(statusText)
                     ?? throw node.Get("status")!.Error($"'status' is '{statusText}'; expected open, mitigated, accepted, transferred or not-applicable.");

        Cvss? cvss = null;
        if (node.OptionalObject("cvss") is { } cvssNode)
        {
            CheckProperties(cvssNode, CvssProperties);
            var score = cvssNode.OptionalNumber("score");
            if (score is < 0 or > 10)
                throw cvssNode.Get("score")!.Error($"'score' is {score.Value.ToString(CultureInfo.InvariantCulture)}; a CVSS score is between 0 and 10.");
            cvss = new Cvss(cvssNode.RequiredString("vector"), score);
        }

        Acceptance? acceptance = null;
        if (node.OptionalObject("acceptance") is { } acceptanceNode)
        {
            CheckProperties(acceptanceNode, AcceptanceProperties);
            acceptance = new Acceptance(acceptanceNode.RequiredString("rationale"), acceptanceNode.OptionalString("approvedBy"), acceptanceNode.OptionalString("date"));
        }

        ExternalReference? external = null;
        if (node.OptionalObject("external") is { } externalNode)
        {
            CheckProperties(externalNode, ExternalProperties);
            external = new ExternalReference(externalNode.RequiredString("tool"), externalNode.RequiredString("id"));
        }

        return new Threat(
            id,
            node.RequiredString("title"),
            node.OptionalString("description"),
            Enumerated(node, "category", ThreatModelNames.Categories),
            node.StringArray("assets"),
            Enumerated(node, "severity", ThreatModelNames.Severities),
            cvss,
            status,
            node.StringArray("controls"),
            acceptance,
            node.OptionalString("residualRisk"),
            external) { Line = node.Line };
    }

    private static IdPrefixes ReadPrefixes(JsonObjectAt? node)
    {
        if (node is null)
            return IdPrefixes.Default;
        CheckProperties(node, PrefixProperties);
        var prefixes = new IdPrefixes(
            Prefix(node, "threat", IdPrefixes.Default.Threat),
            Prefix(node, "control", IdPrefixes.Default.Control),
            Prefix(node, "asset", IdPrefixes.Default.Asset));
        if (new[] { prefixes.Threat, prefixes.Control, prefixes.Asset }.Distinct(StringComparer.Ordinal).Count() != 3)
            throw node.Error("The threat, control and asset prefixes must differ from each other.");
        return prefixes;

        static string Prefix(JsonObjectAt node, string name, string fallback)
        {
            var value = node.OptionalString(name) ?? fallback;
            return PrefixPattern.IsMatch(value)
                ? value
                : throw node.Get(name)!.Error($"The {name} ID prefix '{value}' must be 1 to 10 capital letters or digits, starting with a letter.");
        }
    }

    private static string ReadId(JsonObjectAt node, IdKind kind, IdPrefixes prefixes, Dictionary<string, JsonNodeAt> ids)
    {
        var id = node.RequiredString("id");
        var idNode = node.Get("id")!;
        if (prefixes.KindOf(id) != kind)
        {
            throw new SpdfException(
                DiagnosticIds.ThreatModelInvalidId,
                $"'{id}' is not a valid {Describe(kind)} ID; expected {PrefixOf(kind, prefixes)}- followed by digits (e.g. {prefixes.Format(PrefixOf(kind, prefixes), 1)}).",
                idNode.File, idNode.Line, idNode.Column);
        }

        if (ids.TryGetValue(id, out var first))
        {
            throw new SpdfException(
                DiagnosticIds.ThreatModelDuplicateId,
                $"The ID '{id}' is used twice (first at line {first.Line}); IDs must be unique and never reused.",
                idNode.File, idNode.Line, idNode.Column);
        }

        ids.Add(id, idNode);
        return id;
    }

    private static void CheckReferences(JsonObjectAt threat, string property, IReadOnlyList<string> references, IdKind kind, IdPrefixes prefixes, Dictionary<string, JsonNodeAt> ids)
    {
        var items = threat.OptionalArray(property);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (!ids.ContainsKey(reference) || prefixes.KindOf(reference) != kind)
            {
                throw new SpdfException(
                    DiagnosticIds.ThreatModelInvalidId,
                    $"'{reference}' in '{property}' of {threat.RequiredString("id")} is not a {Describe(kind)} defined in this model.",
                    items[i].File, items[i].Line, items[i].Column);
            }

            if (!seen.Add(reference))
                throw new SpdfException(DiagnosticIds.ThreatModelDuplicateId, $"'{reference}' is listed twice in '{property}' of {threat.RequiredString("id")}.", items[i].File, items[i].Line, items[i].Column);
        }
    }

    private static string Enumerated(JsonObjectAt node, string name, IReadOnlyList<string> allowed)
    {
        var value = node.RequiredString(name);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw node.Get(name)!.Error($"'{name}' is '{value}'; expected one of: {string.Join(", ", allowed)}.");
    }

    private static void CheckProperties(JsonObjectAt node, string[] known)
    {
        foreach (var property in node.Properties)
        {
            if (!known.Contains(property.Key, StringComparer.Ordinal) && !property.Key.StartsWith("x-", StringComparison.Ordinal))
                throw property.Value.Error($"Unknown property '{property.Key}'; expected one of: {string.Join(", ", known)} (extensions start with 'x-').");
        }
    }

    private static string PrefixOf(IdKind kind, IdPrefixes prefixes) => kind switch
    {
        IdKind.Threat => prefixes.Threat,
        IdKind.Control => prefixes.Control,
        _ => prefixes.Asset,
    };

    internal static string Describe(IdKind kind) => kind switch
    {
        IdKind.Threat => "threat",
        IdKind.Control => "control",
        _ => "asset",
    };
}
