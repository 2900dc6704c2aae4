using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Imports a Microsoft Threat Modeling Tool <c>.tm7</c> file (DataContract XML). Threats are the values of
/// <c>ThreatModel/ThreatInstances</c>; they get readable IDs in the order of the tool's numeric <c>Id</c>,
/// which is kept in <c>external</c>. Diagram elements a threat touches become assets.
/// </summary>
public static class ThreatModelingToolImporter
{
    public const string ToolName = "microsoft-threat-modeling-tool";

    private static readonly XNamespace Model = "http://schemas.datacontract.org/2004/07/ThreatModeling.Model";
    private static readonly XNamespace Abstracts = "http://schemas.datacontract.org/2004/07/ThreatModeling.Model.Abstracts";
    private static readonly XNamespace KnowledgeBase = "http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase";
    private static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public static ThreatModel Import(Stream stream, string file)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "Not valid XML: " + exception.Message, file, exception.LineNumber, exception.LinePosition, exception);
        }

        var root = document.Root!;
        if (root.Name != Model + "ThreatModel")
            throw Error(root, file, $"Not a Threat Modeling Tool model: the root element is '{root.Name.LocalName}', expected 'ThreatModel'.");
        var instances = root.Element(Model + "ThreatInstances")
                        ?? throw Error(root, file, "The model has no ThreatInstances element.");

        var elementNames = ReadElementNames(root);
        var prefixes = IdPrefixes.Default;
        var assets = new List<Asset>();
        var assetIdByGuid = new Dictionary<string, string>(StringComparer.Ordinal);

        var rawThreats = instances.Elements(Arrays + "KeyValueOfstringThreatpc_P0_PhOB")
            .Select(pair => pair.Element(Arrays + "Value") ?? throw Error(pair, file, "A ThreatInstances entry has no Value."))
            .Select(value => ReadThreat(value, file))
            .OrderBy(threat => threat.Number)
            .ToList();

        var numbers = new Dictionary<int, XElement>();
        foreach (var threat in rawThreats)
        {
            if (!numbers.TryAdd(threat.Number, threat.Element))
                throw new SpdfException(DiagnosticIds.ThreatModelDuplicateId, $"Two threats have Id {threat.Number}.", file, LineOf(threat.Element), ColumnOf(threat.Element));
        }

        var threats = new List<Threat>();
        foreach (var raw in rawThreats)
        {
            var threatAssets = new List<string>();
            foreach (var guid in new[] { raw.SourceGuid, raw.TargetGuid })
            {
                if (guid is null || !elementNames.TryGetValue(guid, out var name))
                    continue;
                if (!assetIdByGuid.TryGetValue(guid, out var assetId))
                {
                    assetId = prefixes.Format(prefixes.Asset, assets.Count + 1);
                    assetIdByGuid.Add(guid, assetId);
                    assets.Add(new Asset(assetId, name));
                }

                if (!threatAssets.Contains(assetId))
                    threatAssets.Add(assetId);
            }

            var status = MapState(raw.State);
            var justification = raw.StateInformation;
            threats.Add(new Threat(
                prefixes.Format(prefixes.Threat, threats.Count + 1),
                raw.Title,
                raw.Description,
                ThreatModelNames.CategoryFromLabel(raw.Category),
                threatAssets,
                ThreatModelNames.SeverityFromLabel(raw.Priority),
                null,
                status,
                Array.Empty<string>(),
                status is ThreatStatus.NotApplicable or ThreatStatus.Accepted or ThreatStatus.Transferred && !string.IsNullOrWhiteSpace(justification)
                    ? new Acceptance(justification!.Trim(), null, null)
                    : null,
                status == ThreatStatus.Mitigated ? justification : null,
                new ExternalReference(ToolName, raw.Number.ToString(CultureInfo.InvariantCulture) + (raw.TypeId is null ? "" : " (" + raw.TypeId + ")"))));
        }

        return new ThreatModel(new SystemInfo(ReadModelName(root) ?? Path.GetFileNameWithoutExtension(file), null), prefixes, assets, threats, Array.Empty<Control>());
    }

    private static RawThreat ReadThreat(XElement value, string file)
    {
        var idText = value.Element(KnowledgeBase + "Id")?.Value
                     ?? throw Error(value, file, "A threat has no Id element.");
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw Error(value.Element(KnowledgeBase + "Id")!, file, $"A threat's Id is '{idText}', not a whole number.");
        var state = value.Element(KnowledgeBase + "State")?.Value
                    ?? throw Error(value, file, $"Threat {number} has no State element.");

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in value.Element(KnowledgeBase + "Properties")?.Elements(Arrays + "KeyValueOfstringstring") ?? Enumerable.Empty<XElement>())
        {
            var key = pair.Element(Arrays + "Key")?.Value;
            if (key is not null)
                properties[key] = pair.Element(Arrays + "Value")?.Value ?? "";
        }

        var title = properties.GetValueOrDefault("Title") is { Length: > 0 } t ? t : value.Element(KnowledgeBase + "Title")?.Value;
        if (string.IsNullOrWhiteSpace(title))
            throw Error(value, file, $"Threat {number} has no Title property.");

        return new RawThreat(
            value,
            number,
            state,
            title!.Trim(),
            properties.GetValueOrDefault("UserThreatDescription"),
            properties.GetValueOrDefault("UserThreatCategory"),
            value.Element(KnowledgeBase + "Priority")?.Value ?? properties.GetValueOrDefault("Priority"),
            NonEmpty(value.Element(KnowledgeBase + "StateInformation")?.Value) ?? NonEmpty(properties.GetValueOrDefault("StateInformation")),
            NonEmpty(value.Element(KnowledgeBase + "TypeId")?.Value),
            NonEmpty(value.Element(KnowledgeBase + "SourceGuid")?.Value),
            NonEmpty(value.Element(KnowledgeBase + "TargetGuid")?.Value));
    }

    /// <summary>TMT's states; unknown states read as open, the safe reading.</summary>
    private static ThreatStatus MapState(string state) => state.Trim() switch
    {
        "Mitigated" => ThreatStatus.Mitigated,
        "NotApplicable" or "NA" => ThreatStatus.NotApplicable,
        "Accepted" => ThreatStatus.Accepted,
        "Transferred" => ThreatStatus.Transferred,
        _ => ThreatStatus.Open,
    };

    /// <summary>Names of diagram elements (stencils and flows) by GUID, from their "Name" display property.</summary>
    private static Dictionary<string, string> ReadElementNames(XElement root)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants().Where(e => e.Name == Abstracts + "Guid"))
        {
            var owner = element.Parent!;
            var name = owner.Element(Abstracts + "Properties")?.Elements()
                .FirstOrDefault(p => p.Element(KnowledgeBase + "DisplayName")?.Value == "Name")?
                .Element(KnowledgeBase + "Value")?.Value;
            if (!string.IsNullOrWhiteSpace(name))
                names.TryAdd(element.Value.Trim(), name!.Trim());
        }

        return names;
    }

    private static string? ReadModelName(XElement root)
        => NonEmpty(root.Element(Model + "MetaInformation")?.Element(Model + "ThreatModelName")?.Value);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static SpdfException Error(XElement element, string file, string message)
        => new(DiagnosticIds.ThreatModelMalformed, message, file, LineOf(element), ColumnOf(element));

    private static int LineOf(XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;

    private static int ColumnOf(XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LinePosition : 0;

    private sealed record RawThreat(
        XElement Element,
        int Number,
        string State,
        string Title,
        string? Description,
        string? Category,
        string? Priority,
        string? StateInformation,
        string? TypeId,
        string? SourceGuid,
        string? TargetGuid);
}
