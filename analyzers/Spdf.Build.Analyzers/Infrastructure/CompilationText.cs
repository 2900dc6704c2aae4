using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Questions about the source text of a whole compilation, answered without parsing or binding.</summary>
internal static class CompilationText
{
    private const int ChunkLength = 8192;

    /// <summary>
    /// Whether any syntax tree's text contains <paramref name="word"/> (ordinal), leaving out a tree whose text is
    /// exactly <paramref name="ignoredText"/> (a generated declaration that names the word itself).
    /// </summary>
    public static bool AnyTreeContains(Compilation compilation, string word, string ignoredText)
        => AnyTreeContainsAny(compilation, new[] { word }, ignoredText);

    /// <summary>Whether any syntax tree's text, other than one that is exactly <paramref name="ignoredText"/>, contains one of <paramref name="words"/>.</summary>
    public static bool AnyTreeContainsAny(Compilation compilation, string[] words, string ignoredText)
    {
        var buffer = new char[ChunkLength];
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText();
            if (ContainsAny(text, words, buffer) && !IsExactly(text, ignoredText))
                return true;
        }

        return false;
    }

    /// <summary>Reads the text in chunks (a large file's text is itself chunked, and copying it whole would allocate it again).</summary>
    private static bool ContainsAny(SourceText text, string[] words, char[] buffer)
    {
        var overlap = 0;
        foreach (var word in words)
            overlap = Math.Max(overlap, word.Length - 1);
        for (var start = 0; start < text.Length; start += ChunkLength - overlap)
        {
            var count = Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            foreach (var word in words)
            {
                if (IndexOf(buffer, count, word) >= 0)
                    return true;
            }

            if (start + count == text.Length)
                break;
        }

        return false;
    }

    private static int IndexOf(char[] buffer, int count, string word)
    {
        var last = count - word.Length;
        for (var i = Array.IndexOf(buffer, word[0], 0, count); i >= 0 && i <= last; i = Array.IndexOf(buffer, word[0], i + 1, count - i - 1))
        {
            var matched = 1;
            while (matched < word.Length && buffer[i + matched] == word[matched])
                matched++;
            if (matched == word.Length)
                return i;
        }

        return -1;
    }

    private static bool IsExactly(SourceText text, string expected)
        => text.Length == expected.Length && text.ToString() == expected;
}
