using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spdf.Build.Core.Traceability;

/// <summary>Writes a <see cref="ThreatModel"/> as <c>*.spdf.json</c>, in the model's own order, deterministically.</summary>
public static class ThreatModelWriter
{
    public const string SchemaReference = "https://github.com/spdf-build/spdf-build/blob/main/docs/schemas/spdf-threat-model.schema.json";

    public static byte[] Write(ThreatModel model)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaReference);
            json.WriteString("schemaVersion", ThreatModel.CurrentSchemaVersion);
            json.WriteStartObject("system");
            json.WriteString("name", model.System.Name);
            if (model.System.Version is not null)
                json.WriteString("version", model.System.Version);
            json.WriteEndObject();
            if (model.Prefixes != IdPrefixes.Default)
            {
                json.WriteStartObject("idPrefixes");
                json.WriteString("threat", model.Prefixes.Threat);
                json.WriteString("control", model.Prefixes.Control);
                json.WriteString("asset", model.Prefixes.Asset);
                json.WriteEndObject();
            }

            json.WriteStartArray("assets");
            foreach (var asset in model.Assets)
            {
                json.WriteStartObject();
                json.WriteString("id", asset.Id);
                json.WriteString("name", asset.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("threats");
            foreach (var threat in model.Threats)
                WriteThreat(json, threat);
            json.WriteEndArray();
            json.WriteStartArray("controls");
            foreach (var control in model.Controls)
            {
                json.WriteStartObject();
                json.WriteString("id", control.Id);
                json.WriteString("title", control.Title);
                json.WriteString("requirement", control.Requirement);
                json.WriteString("type", control.Type);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteThreat(Utf8JsonWriter json, Threat threat)
    {
        json.WriteStartObject();
        json.WriteString("id", threat.Id);
        json.WriteString("title", threat.Title);
        if (threat.Description is not null)
            json.WriteString("description", threat.Description);
        json.WriteString("category", threat.Category);
        json.WriteStartArray("assets");
        foreach (var asset in threat.Assets)
            json.WriteStringValue(asset);
        json.WriteEndArray();
        json.WriteString("severity", threat.Severity);
        if (threat.Cvss is { } cvss)
        {
            json.WriteStartObject("cvss");
            json.WriteString("vector", cvss.Vector);
            if (cvss.Score is { } score)
                json.WriteNumber("score", score);
            json.WriteEndObject();
        }

        json.WriteString("status", ThreatModelNames.ToJson(threat.Status));
        json.WriteStartArray("controls");
        foreach (var control in threat.Controls)
            json.WriteStringValue(control);
        json.WriteEndArray();
        if (threat.Acceptance is { } acceptance)
        {
            json.WriteStartObject("acceptance");
            json.WriteString("rationale", acceptance.Rationale);
            if (acceptance.ApprovedBy is not null)
                json.WriteString("approvedBy", acceptance.ApprovedBy);
            if (acceptance.Date is not null)
                json.WriteString("date", acceptance.Date);
            json.WriteEndObject();
        }

        if (threat.ResidualRisk is not null)
            json.WriteString("residualRisk", threat.ResidualRisk);
        if (threat.External is { } external)
        {
            json.WriteStartObject("external");
            json.WriteString("tool", external.Tool);
            json.WriteString("id", external.Id);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
