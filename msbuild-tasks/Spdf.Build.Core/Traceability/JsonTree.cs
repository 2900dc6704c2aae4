using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// A JSON document parsed with the position (line, column) of every value, so that a problem found after
/// parsing (a missing field, a duplicate ID) is reported at its line. <see cref="JsonDocument"/> keeps no
/// positions, hence this small tree over <see cref="Utf8JsonReader"/>. Comments and trailing commas are accepted.
/// </summary>
internal abstract class JsonNodeAt
{
    protected JsonNodeAt(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public abstract string Kind { get; }

    public SpdfException Error(string message) => new(DiagnosticIds.ThreatModelMalformed, message, File, Line, Column);

    public static JsonNodeAt Parse(byte[] utf8, string file)
    {
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
                throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "The file is empty; expected a JSON object.", file, 1, 1);
            var root = ReadValue(ref reader, lines, file);
            if (reader.Read())
                throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "Unexpected content after the end of the JSON document.", file, lines.LineOf(reader.TokenStartIndex), lines.ColumnOf(reader.TokenStartIndex));
            return root;
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new SpdfException(DiagnosticIds.ThreatModelMalformed, "Not valid JSON: " + FirstSentence(exception.Message), file, line, column, exception);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }

    private static JsonNodeAt ReadValue(ref Utf8JsonReader reader, LineIndex lines, string file)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        var column = lines.ColumnOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, JsonNodeAt>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader, lines, file)));
                }

                return new JsonObjectAt(file, line, column, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonNodeAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines, file));
                return new JsonArrayAt(file, line, column, items);
            case JsonTokenType.String:
                return new JsonScalarAt(file, line, column, "string", reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonScalarAt(file, line, column, "number", Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonScalarAt(file, line, column, "boolean", reader.GetBoolean() ? "true" : "false");
            default:
                return new JsonScalarAt(file, line, column, "null", null);
        }
    }

    /// <summary>Maps byte offsets to 1-based lines and columns.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = new() { 0 };

        public LineIndex(byte[] utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                    _lineStarts.Add(i + 1);
            }
        }

        public int LineOf(long offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        public int ColumnOf(long offset) => (int)(offset - _lineStarts[LineOf(offset) - 1]) + 1;
    }
}

internal sealed class JsonObjectAt : JsonNodeAt
{
    private readonly List<KeyValuePair<string, JsonNodeAt>> _properties;

    public JsonObjectAt(string file, int line, int column, List<KeyValuePair<string, JsonNodeAt>> properties)
        : base(file, line, column) => _properties = properties;

    public override string Kind => "object";

    public IReadOnlyList<KeyValuePair<string, JsonNodeAt>> Properties => _properties;

    public JsonNodeAt? Get(string name)
    {
        foreach (var property in _properties)
        {
            if (property.Key == name)
                return property.Value;
        }

        return null;
    }

    public string RequiredString(string name)
        => OptionalString(name) is { Length: > 0 } value ? value : throw Error($"'{name}' is required and must be a non-empty string.");

    public string? OptionalString(string name) => Get(name) switch
    {
        null => null,
        JsonScalarAt { Kind: "null" } => null,
        JsonScalarAt { Kind: "string" or "number" or "boolean" } scalar => scalar.Value,
        var other => throw other.Error($"'{name}' must be a string, not {other.Kind}."),
    };

    public JsonObjectAt? OptionalObject(string name) => Get(name) switch
    {
        null or JsonScalarAt { Kind: "null" } => null,
        JsonObjectAt value => value,
        var other => throw other.Error($"'{name}' must be an object, not {other.Kind}."),
    };

    public JsonObjectAt RequiredObject(string name) => OptionalObject(name) ?? throw Error($"'{name}' is required and must be an object.");

    public IReadOnlyList<JsonNodeAt> OptionalArray(string name) => Get(name) switch
    {
        null or JsonScalarAt { Kind: "null" } => Array.Empty<JsonNodeAt>(),
        JsonArrayAt value => value.Items,
        var other => throw other.Error($"'{name}' must be an array, not {other.Kind}."),
    };

    public IReadOnlyList<JsonObjectAt> ObjectArray(string name)
    {
        var objects = new List<JsonObjectAt>();
        foreach (var item in OptionalArray(name))
            objects.Add(item as JsonObjectAt ?? throw item.Error($"Each entry of '{name}' must be an object, not {item.Kind}."));
        return objects;
    }

    public IReadOnlyList<string> StringArray(string name)
    {
        var strings = new List<string>();
        foreach (var item in OptionalArray(name))
        {
            strings.Add(item is JsonScalarAt { Kind: "string", Value: { Length: > 0 } value }
                ? value
                : throw item.Error($"Each entry of '{name}' must be a non-empty string."));
        }

        return strings;
    }

    public double? OptionalNumber(string name) => Get(name) switch
    {
        null or JsonScalarAt { Kind: "null" } => null,
        JsonScalarAt { Kind: "number", Value: var text } => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        var other => throw other.Error($"'{name}' must be a number, not {other.Kind}."),
    };
}

internal sealed class JsonArrayAt : JsonNodeAt
{
    public JsonArrayAt(string file, int line, int column, List<JsonNodeAt> items)
        : base(file, line, column) => Items = items;

    public override string Kind => "array";

    public IReadOnlyList<JsonNodeAt> Items { get; }
}

internal sealed class JsonScalarAt : JsonNodeAt
{
    private readonly string _kind;

    public JsonScalarAt(string file, int line, int column, string kind, string? value)
        : base(file, line, column)
    {
        _kind = kind;
        Value = value;
    }

    public override string Kind => _kind;

    public string? Value { get; }
}
