using System;

namespace Spdf.Build.Core.Sbom;

/// <summary>FDA element E, the level of support, in the vocabulary the SBOM and addendum use.</summary>
public enum SupportLevel
{
    Unknown,
    ActivelyMaintained,
    NoLongerMaintained,
    Abandoned,
}

public static class SupportLevels
{
    public static string ToText(this SupportLevel level) => level switch
    {
        SupportLevel.ActivelyMaintained => "actively maintained",
        SupportLevel.NoLongerMaintained => "no longer maintained",
        SupportLevel.Abandoned => "abandoned",
        _ => "unknown",
    };

    public static bool TryParse(string? text, out SupportLevel level)
    {
        foreach (var candidate in new[] { SupportLevel.ActivelyMaintained, SupportLevel.NoLongerMaintained, SupportLevel.Abandoned, SupportLevel.Unknown })
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = SupportLevel.Unknown;
        return false;
    }
}

/// <summary>FDA elements D (supplier, when the source knows better than the nuspec), E and F for one component, and where they came from.</summary>
public sealed record SupportInfo(SupportLevel Level, DateOnly? EndOfSupport, string? Supplier, string? Justification, string Source)
{
    public static SupportInfo Unknown(string source) => new(SupportLevel.Unknown, null, null, null, source);

    /// <summary>True when E or F is unknown and nobody wrote down why.</summary>
    public bool LacksJustification => (Level == SupportLevel.Unknown || EndOfSupport is null) && string.IsNullOrWhiteSpace(Justification);
}
