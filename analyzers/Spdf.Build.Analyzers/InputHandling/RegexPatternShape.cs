using System;
using System.Collections.Generic;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// What a constant regular expression pattern can match and how it backtracks, judged from its text alone.
/// Deliberately coarse: a pattern it cannot read with confidence counts as unrestricted and backtracking-prone.
/// </summary>
internal static class RegexPatternShape
{
    /// <summary>
    /// An allow-list pattern: anchored at both ends (<c>^...$</c> or <c>^...\z</c>) with no top-level alternation,
    /// and restricted to explicit characters (no <c>.</c>, negated class, <c>\S</c>, <c>\W</c>, <c>\D</c> or <c>\P</c>),
    /// so whatever it accepts in full contains only the characters its author listed.
    /// </summary>
    public static bool IsRestrictiveFullMatch(string pattern)
    {
        if (!pattern.StartsWith("^", StringComparison.Ordinal))
            return false;
        var end = pattern.EndsWith("\\z", StringComparison.Ordinal) ? pattern.Length - 2
            : pattern.EndsWith("$", StringComparison.Ordinal) && !pattern.EndsWith("\\$", StringComparison.Ordinal) ? pattern.Length - 1
            : -1;
        if (end < 1)
            return false;
        var depth = 0;
        var inClass = false;
        for (var i = 1; i < end; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= end || pattern[i + 1] is 'S' or 'W' or 'D' or 'P')
                    return false;
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    if (i + 1 < end && pattern[i + 1] == '^')
                        return false;
                    inClass = true;
                    if (i + 1 < end && pattern[i + 1] == ']')
                        i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                case '.':
                case '$':
                case '^':
                    return false;
            }
        }

        return depth == 0 && !inClass;
    }

    /// <summary>
    /// Whether the pattern can backtrack catastrophically: a quantified group that itself contains a quantifier or an
    /// alternation (<c>(a+)+</c>, <c>(\w+\s?)*</c>, <c>(a|ab)*</c>), or a backreference.
    /// </summary>
    public static bool IsBacktrackingProne(string pattern)
    {
        var groups = new Stack<bool>();
        var current = false; // the innermost open group contains a quantifier or alternation
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length && (char.IsDigit(pattern[i + 1]) && pattern[i + 1] != '0' || pattern[i + 1] == 'k'))
                    return true;
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        i++;
                    break;
                case '(':
                    groups.Push(current);
                    current = false;
                    break;
                case ')':
                    var inner = current;
                    current = groups.Count > 0 ? groups.Pop() : false;
                    var repeated = IsRepeatingQuantifier(pattern, i + 1);
                    if (repeated && inner)
                        return true;
                    current |= inner || repeated;
                    break;
                case '|':
                    current = true;
                    break;
                case '*' or '+':
                    current = true;
                    break;
                case '{' when IsRepeatingQuantifier(pattern, i):
                    current = true;
                    break;
            }
        }

        return false;
    }

    /// <summary><c>*</c>, <c>+</c>, <c>{n,}</c> or <c>{n,m}</c> with m above one at <paramref name="index"/>.</summary>
    private static bool IsRepeatingQuantifier(string pattern, int index)
    {
        if (index >= pattern.Length)
            return false;
        if (pattern[index] is '*' or '+')
            return true;
        if (pattern[index] != '{')
            return false;
        var close = pattern.IndexOf('}', index);
        if (close < 0)
            return false;
        var body = pattern.Substring(index + 1, close - index - 1);
        var comma = body.IndexOf(',');
        if (comma < 0)
            return int.TryParse(body, out var exact) && exact > 1;
        var upper = body.Substring(comma + 1);
        return upper.Length == 0 || (int.TryParse(upper, out var max) && max > 1);
    }
}
