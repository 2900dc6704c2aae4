using System.Linq;
using System.Text;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// The plain-text list of a model's IDs that the build passes to the analyzer as an AdditionalFiles item
/// (<c>spdf-traceability-ids.txt</c>), so the analyzer needs no JSON parser. One entry per line:
/// <c>prefix threat TM</c>, <c>threat TM-001</c>, <c>control SC-001</c>, <c>asset AS-001</c>; '#' starts a comment.
/// </summary>
public static class TraceabilityIdList
{
    public const string FileName = "spdf-traceability-ids.txt";

    public static byte[] Write(ThreatModel model, string modelDisplayPath)
    {
        var text = new StringBuilder();
        text.Append("# Spdf.Build traceability IDs from ").Append(modelDisplayPath).Append(" (generated; do not edit)\n");
        text.Append("prefix threat ").Append(model.Prefixes.Threat).Append('\n');
        text.Append("prefix control ").Append(model.Prefixes.Control).Append('\n');
        text.Append("prefix asset ").Append(model.Prefixes.Asset).Append('\n');
        foreach (var threat in model.Threats.OrderBy(t => t.Id, System.StringComparer.Ordinal))
            text.Append("threat ").Append(threat.Id).Append('\n');
        foreach (var control in model.Controls.OrderBy(c => c.Id, System.StringComparer.Ordinal))
            text.Append("control ").Append(control.Id).Append('\n');
        foreach (var asset in model.Assets.OrderBy(a => a.Id, System.StringComparer.Ordinal))
            text.Append("asset ").Append(asset.Id).Append('\n');
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
