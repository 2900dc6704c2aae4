using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// Splits identifiers into lower-case words (<c>_apiKeyHeader</c> → api, key, header; <c>DB_PASSWORD</c> → db, password)
/// so rules can ask what a name is about without substring accidents (<c>Tokenizer</c> is not a token).
/// </summary>
internal static class IdentifierWords
{
    [MethodImpl(HotPath.Optimize)]
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(i);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary = (char.IsUpper(c) && char.IsLower(previous))
                           || (char.IsUpper(c) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(previous))
                           || (char.IsDigit(c) != char.IsDigit(previous));
            if (boundary)
            {
                Flush(i);
                start = i;
            }
        }

        Flush(identifier.Length);
        return words;

        [MethodImpl(HotPath.Optimize)]
        void Flush(int end)
        {
            if (start >= 0 && end > start)
                words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
            start = -1;
        }
    }

    /// <summary>True when any word of <paramref name="identifier"/> is in <paramref name="vocabulary"/>.</summary>
    public static bool ContainsAny(string identifier, ISet<string> vocabulary)
    {
        foreach (var word in Split(identifier))
        {
            if (vocabulary.Contains(word))
                return true;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="identifier"/> contains any of <paramref name="fragments"/>, ignoring case: the allocation-free
    /// prefilter that rejects most identifiers before <see cref="Split"/>.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static bool ContainsFragment(string identifier, string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            if (identifier.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }

        return false;
    }

    /// <summary>
    /// True when the word at <paramref name="index"/> of split <paramref name="words"/> ends an API key's name: "apikey"
    /// (<c>apikey</c>, <c>APIKEY</c>) or "key" right after "api" (<c>apiKey</c>, <c>api_key</c>). One spelling rule for every
    /// rule that asks; where in the name it must stand is each rule's own decision.
    /// </summary>
    public static bool IsApiKeyAt(IReadOnlyList<string> words, int index)
        => words[index] == "apikey" || (words[index] == "key" && index > 0 && words[index - 1] == "api");

    public static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
