using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Tarantool.Agents.Serialization;

/// <summary>
/// The one JSON dialect of the product: camelCase properties, enums in the seed's kebab-case spelling,
/// Cyrillic kept readable, and HTML-sensitive characters escaped so that user text placed inside a prompt
/// can never close the prompt's delimiters.
/// </summary>
public static class JsonDefaults
{
    /// <summary>Indented, for files and prompts.</summary>
    public static readonly JsonSerializerOptions Indented = Create(writeIndented: true);

    /// <summary>Compact, for hashing and wire payloads.</summary>
    public static readonly JsonSerializerOptions Compact = Create(writeIndented: false);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = writeIndented,
            IndentSize = 2,
            // Nulls are written: every property of a typed output is required by its schema, nullable ones included.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            PropertyNameCaseInsensitive = true,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NewLine = "\n",
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
