using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Imports an OWASP Threat Dragon v2 model: threats under <c>detail.diagrams[].cells[].data.threats[]</c>,
/// each cell that holds threats becomes an asset, each distinct mitigation text a control. Threats get
/// readable IDs in document order; Threat Dragon's own ID (<c>id</c> or <c>threatId</c>) is kept in
/// <c>external</c>.
/// </summary>
public static class ThreatDragonImporter
{
    public const string ToolName = "owasp-threat-dragon";

    internal static bool LooksLikeThreatDragon(JsonObjectAt root) => root.Get("detail") is JsonObjectAt detail && detail.Get("diagrams") is JsonArrayAt;

    public static ThreatModel Import(byte[] utf8, string file)
        => Import(JsonNodeAt.Parse(utf8, file) as JsonObjectAt ?? throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "A Threat Dragon model must be a JSON object.", file, 1, 1));

    internal static ThreatModel Import(JsonObjectAt root)
    {
        var prefixes = IdPrefixes.Default;
        var summary = root.OptionalObject("summary");
        var detail = root.OptionalObject("detail") ?? throw root.Error("Not a Threat Dragon v2 model: 'detail' is missing.");
        var diagrams = detail.Get("diagrams") is JsonArrayAt ? detail.ObjectArray("diagrams") : throw detail.Error("Not a Threat Dragon v2 model: 'detail.diagrams' must be an array.");

        var assets = new List<Asset>();
        var threats = new List<Threat>();
        var controls = new List<Control>();
        var controlByText = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var diagram in diagrams)
        {
            foreach (var cell in diagram.ObjectArray("cells"))
            {
                var data = cell.OptionalObject("data");
                if (data is null || data.OptionalArray("threats").Count == 0)
                    continue;

                var assetId = prefixes.Format(prefixes.Asset, assets.Count + 1);
                var cellName = Collapse(data.OptionalString("name")) is { Length: > 0 } name ? name : (data.OptionalString("type") ?? "element");
                assets.Add(new Asset(assetId, cellName));
                var outOfScope = data.OptionalString("outOfScope") == "true";

                foreach (var threatNode in data.ObjectArray("threats"))
                {
                    var externalId = threatNode.OptionalString("id") ?? threatNode.OptionalString("threatId")
                                     ?? throw threatNode.Error("A Threat Dragon threat has neither 'id' nor 'threatId'.");
                    var status = MapStatus(threatNode);
                    var controlIds = new List<string>();
                    if (Collapse(threatNode.OptionalString("mitigation")) is { Length: > 0 } mitigation)
                    {
                        if (!controlByText.TryGetValue(mitigation, out var controlId))
                        {
                            controlId = prefixes.Format(prefixes.Control, controls.Count + 1);
                            controlByText.Add(mitigation, controlId);
                            controls.Add(new Control(controlId, Shorten(mitigation), mitigation, "other"));
                        }

                        controlIds.Add(controlId);
                    }

                    var description = threatNode.OptionalString("description");
                    if (outOfScope)
                        description = (description + "\n\nThreat Dragon marks '" + cellName + "' out of scope: " + data.OptionalString("reasonOutOfScope")).Trim();

                    threats.Add(new Threat(
                        prefixes.Format(prefixes.Threat, threats.Count + 1),
                        threatNode.OptionalString("title") is { Length: > 0 } title ? title : "(untitled threat)",
                        description,
                        ThreatModelNames.CategoryFromLabel(threatNode.OptionalString("type")),
                        new[] { assetId },
                        ThreatModelNames.SeverityFromLabel(threatNode.OptionalString("severity")),
                        null,
                        status,
                        controlIds,
                        null,
                        null,
                        new ExternalReference(ToolName, externalId)));
                }
            }
        }

        var systemName = summary?.OptionalString("title") is { Length: > 0 } title2 ? title2 : "Imported Threat Dragon model";
        return new ThreatModel(new SystemInfo(systemName, null), prefixes, assets, threats, controls);
    }

    /// <summary>Threat Dragon's statuses; anything else (including none) is open, the safe reading.</summary>
    private static ThreatStatus MapStatus(JsonObjectAt threat) => (threat.OptionalString("status") ?? "").Trim().ToLowerInvariant() switch
    {
        "mitigated" or "eliminated" or "avoided" => ThreatStatus.Mitigated,
        "na" or "n/a" or "notapplicable" or "not applicable" => ThreatStatus.NotApplicable,
        "accepted" => ThreatStatus.Accepted,
        "transferred" => ThreatStatus.Transferred,
        _ => ThreatStatus.Open,
    };

    internal static string? Collapse(string? text)
        => text is null ? null : string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";
}
