using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// Reads the JSON inputs of the SBOM (assets file, support catalogue, VEX, advisories) so that every problem is
/// reported with the file and the line: syntax errors from <see cref="JsonException"/>, content errors by
/// locating the offending value again with <see cref="LineOf"/>.
/// </summary>
internal static class JsonSource
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static byte[] ReadAllBytes(string path, string diagnosticId, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SpdfException(diagnosticId, $"The {what} '{path}' cannot be read: {exception.Message}", path, innerException: exception);
        }
    }

    public static JsonDocument Parse(byte[] json, string path, string diagnosticId, string what)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBasedLine ? (int)zeroBasedLine + 1 : 0;
            var column = exception.BytePositionInLine is { } zeroBasedColumn ? (int)zeroBasedColumn + 1 : 0;
            throw new SpdfException(diagnosticId, $"The {what} '{path}' is not valid JSON: {FirstSentence(exception.Message)}", path, line, column, exception);
        }
    }

    /// <summary>
    /// The 1-based line of the value at <paramref name="path"/> (property names and array indexes from the
    /// root), or 0 when the document has no such value.
    /// </summary>
    public static int LineOf(ReadOnlySpan<byte> json, params object[] path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var current = new List<object>();
        // One entry per open container: the index of its next element (arrays) or -1 (objects).
        var containers = new Stack<int>();
        string? propertyName = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                propertyName = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                if (current.Count > 0)
                    current.RemoveAt(current.Count - 1);
                continue;
            }

            var isRoot = containers.Count == 0;
            if (!isRoot)
            {
                var next = containers.Pop();
                if (next >= 0)
                {
                    current.Add(next);
                    containers.Push(next + 1);
                }
                else
                {
                    current.Add(propertyName ?? "");
                    containers.Push(-1);
                }
            }

            if (SamePath(current, path))
                return LineAt(json, reader.TokenStartIndex);

            if (reader.TokenType == JsonTokenType.StartObject)
                containers.Push(-1);
            else if (reader.TokenType == JsonTokenType.StartArray)
                containers.Push(0);
            else if (!isRoot)
                current.RemoveAt(current.Count - 1);
        }

        return 0;
    }

    private static bool SamePath(List<object> current, object[] path)
    {
        if (current.Count != path.Length)
            return false;
        for (var i = 0; i < path.Length; i++)
        {
            if (!Equals(current[i], path[i]))
                return false;
        }

        return true;
    }

    private static int LineAt(ReadOnlySpan<byte> json, long offset)
    {
        var line = 1;
        foreach (var b in json[..(int)offset])
        {
            if (b == (byte)'\n')
                line++;
        }

        return line;
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 3 | BytePositionInLine: 4."; the file and line are reported separately.
        var index = message.IndexOf(" Path:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    public static string? GetString(this JsonElement element, string propertyName)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
