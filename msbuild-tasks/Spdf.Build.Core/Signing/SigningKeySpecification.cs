using System;
using System.Collections.Generic;
using System.Text;

namespace Spdf.Build.Core.Signing;

public enum SigningKeySource
{
    Pem,
    Pfx,
    Command,
    Ephemeral,
}

/// <summary>
/// The parsed value of <c>SpdfSigningKey</c>: <c>pem:&lt;key.pem&gt;</c>, <c>pfx:&lt;file.pfx&gt;</c>,
/// <c>cmd:&lt;program&gt; &lt;args&gt;</c> or <c>ephemeral</c>.
/// </summary>
public sealed record SigningKeySpecification(SigningKeySource Source, string Path, string Program, IReadOnlyList<string> Arguments)
{
    public const string EphemeralValue = "ephemeral";

    public static SigningKeySpecification Parse(string value)
    {
        var text = value.Trim();
        if (string.Equals(text, EphemeralValue, StringComparison.OrdinalIgnoreCase))
            return new SigningKeySpecification(SigningKeySource.Ephemeral, "", "", Array.Empty<string>());

        if (TryStrip(text, "pem:", out var pemPath))
            return new SigningKeySpecification(SigningKeySource.Pem, pemPath, "", Array.Empty<string>());
        if (TryStrip(text, "pfx:", out var pfxPath))
            return new SigningKeySpecification(SigningKeySource.Pfx, pfxPath, "", Array.Empty<string>());
        if (TryStrip(text, "cmd:", out var commandLine))
        {
            var words = SplitCommandLine(commandLine);
            return new SigningKeySpecification(SigningKeySource.Command, "", words[0], words.GetRange(1, words.Count - 1));
        }

        throw Invalid(value, "it does not start with pem:, pfx: or cmd:, and is not 'ephemeral'");
    }

    private static bool TryStrip(string text, string prefix, out string rest)
    {
        rest = "";
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        rest = text[prefix.Length..].Trim();
        if (rest.Length == 0)
            throw Invalid(text, $"nothing follows '{prefix}'");
        return true;
    }

    /// <summary>Splits like a POSIX shell without expansion: spaces separate words, single or double quotes group them.</summary>
    internal static List<string> SplitCommandLine(string commandLine)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var character in commandLine)
        {
            if (quote is { } open)
            {
                if (character == open)
                    quote = null;
                else
                    current.Append(character);
            }
            else if (character is '"' or '\'')
            {
                quote = character;
                inWord = true;
            }
            else if (char.IsWhiteSpace(character))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(character);
                inWord = true;
            }
        }

        if (quote is not null)
            throw Invalid("cmd:" + commandLine, "a quote is not closed");
        if (inWord)
            words.Add(current.ToString());
        if (words.Count == 0)
            throw Invalid("cmd:" + commandLine, "no program follows 'cmd:'");
        return words;
    }

    private static SpdfException Invalid(string value, string reason)
        => new(
            DiagnosticIds.InvalidSigningKeySpecification,
            $"SpdfSigningKey is '{value}': {reason}. Use pem:<key.pem>, pfx:<file.pfx>, cmd:<program> <arguments> or ephemeral (see docs/msbuild-reference.md#signing).");
}
