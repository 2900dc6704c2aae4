using System;
using System.Collections.Generic;
using System.Globalization;

namespace Spdf.Build.Core.Sbom;

/// <summary>CVSS v3.0/v3.1 base score from a vector string (FIRST's specification, section 7).</summary>
public static class CvssV3
{
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector.Split('/'))
        {
            var pair = part.Split(':');
            if (pair.Length == 2)
                metrics[pair[0]] = pair[1];
        }

        if (!metrics.TryGetValue("CVSS", out var version) || !version.StartsWith("3.", StringComparison.Ordinal))
            return false;
        if (!metrics.TryGetValue("S", out var scope) || scope is not ("U" or "C"))
            return false;
        var changed = scope == "C";

        double? av = Pick(metrics, "AV", ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2));
        double? ac = Pick(metrics, "AC", ("L", 0.77), ("H", 0.44));
        double? pr = Pick(metrics, "PR", ("N", 0.85), ("L", changed ? 0.68 : 0.62), ("H", changed ? 0.5 : 0.27));
        double? ui = Pick(metrics, "UI", ("N", 0.85), ("R", 0.62));
        double? c = Pick(metrics, "C", ("H", 0.56), ("L", 0.22), ("N", 0));
        double? i = Pick(metrics, "I", ("H", 0.56), ("L", 0.22), ("N", 0));
        double? a = Pick(metrics, "A", ("H", 0.56), ("L", 0.22), ("N", 0));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
            return false;

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        score = impact <= 0 ? 0 : RoundUp(Math.Min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
        return true;
    }

    /// <summary>The qualitative rating CycloneDX uses for a CVSS score.</summary>
    public static string Severity(double score) => score switch
    {
        0 => "none",
        < 4 => "low",
        < 7 => "medium",
        < 9 => "high",
        _ => "critical",
    };

    private static double? Pick(Dictionary<string, string> metrics, string name, params (string Value, double Weight)[] weights)
    {
        if (!metrics.TryGetValue(name, out var value))
            return null;
        foreach (var (candidate, weight) in weights)
        {
            if (candidate == value)
                return weight;
        }

        return null;
    }

    // CVSS 3.1 Roundup: the smallest number with one decimal that is >= the input, free of floating-point noise.
    private static double RoundUp(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
