using System;
using System.IO;

namespace Spdf.Build.Core.Traceability;

/// <summary>The formats a threat model can come in.</summary>
public enum ThreatModelFormat
{
    Spdf,
    ThreatDragon,
    ThreatModelingTool,
}

/// <summary>Reads a threat model file in any supported format, recognised by extension and content.</summary>
public static class ThreatModelLoader
{
    public static (ThreatModel Model, ThreatModelFormat Format) Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(DiagnosticIds.ThreatModelNotFound, $"The threat model '{path}' cannot be read: {exception.Message}", path, innerException: exception);
        }

        return Load(bytes, path);
    }

    public static (ThreatModel Model, ThreatModelFormat Format) Load(byte[] bytes, string path)
    {
        if (path.EndsWith(".tm7", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return (ThreatModelingToolImporter.Import(stream, path), ThreatModelFormat.ThreatModelingTool);
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new SpdfException(
                DiagnosticIds.ThreatModelUnsupportedFormat,
                $"'{Path.GetFileName(path)}' is not a supported threat model: use *.spdf.json, an OWASP Threat Dragon v2 *.json or a Microsoft Threat Modeling Tool *.tm7 file.",
                path);
        }

        if (path.EndsWith(".spdf.json", StringComparison.OrdinalIgnoreCase))
            return (SpdfThreatModelReader.Read(bytes, path), ThreatModelFormat.Spdf);

        var root = JsonNodeAt.Parse(bytes, path) as JsonObjectAt;
        if (root is not null && ThreatDragonImporter.LooksLikeThreatDragon(root))
            return (ThreatDragonImporter.Import(root), ThreatModelFormat.ThreatDragon);
        return (SpdfThreatModelReader.Read(bytes, path), ThreatModelFormat.Spdf);
    }
}
