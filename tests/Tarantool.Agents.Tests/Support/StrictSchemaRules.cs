using System.Text.Json;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// OpenAI's rules for strict structured outputs (platform.openai.com/docs/guides/structured-outputs, "Supported
/// schemas"): a schema that breaks one is refused with HTTP 400. Shared by the schema tests and the emulated gpt-4o.
/// </summary>
internal static class StrictSchemaRules
{
    public const int MaxDepth = 10;
    public const int MaxProperties = 5_000;
    public const int MaxEnumValues = 1_000;
    public const int MaxStringLength = 120_000;

    /// <summary>One enum of more than <see cref="LargeEnum"/> string values may hold at most this many characters.</summary>
    public const int MaxLargeEnumLength = 15_000;
    public const int LargeEnum = 250;

    private static readonly HashSet<string> Keywords =
    [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "$ref", "$defs",
        "description", "title", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems",
    ];

    private static readonly HashSet<string> Formats = ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"];

    /// <summary>Every rule the schema breaks, with the JSON path where it breaks it.</summary>
    public static IReadOnlyList<string> Check(JsonElement schema)
    {
        var problems = new List<string>();
        var totals = new Totals();
        if (!schema.TryGetProperty("type", out var rootType) || rootType.ValueKind != JsonValueKind.String || rootType.GetString() != "object")
            problems.Add("$: the root must be an object schema (not anyOf or a union)");
        Walk(schema, "$", 1, problems, totals);
        if (totals.Properties > MaxProperties) problems.Add($"$: {totals.Properties} properties, more than {MaxProperties}");
        if (totals.EnumValues > MaxEnumValues) problems.Add($"$: {totals.EnumValues} enum values, more than {MaxEnumValues}");
        if (totals.StringLength > MaxStringLength) problems.Add($"$: {totals.StringLength} characters of names and enum values, more than {MaxStringLength}");
        return problems;
    }

    private sealed class Totals
    {
        public int Properties;
        public int EnumValues;
        public int StringLength;
    }

    private static void Walk(JsonElement node, string path, int depth, List<string> problems, Totals totals)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: a schema must be an object");
            return;
        }

        if (depth > MaxDepth) problems.Add($"{path}: nested deeper than {MaxDepth} levels");
        foreach (var keyword in node.EnumerateObject())
        {
            if (!Keywords.Contains(keyword.Name)) problems.Add($"{path}: keyword '{keyword.Name}' is not supported");
        }

        if (node.TryGetProperty("format", out var format) && !Formats.Contains(format.GetString() ?? ""))
            problems.Add($"{path}: format '{format}' is not supported");
        if (node.TryGetProperty("enum", out var values))
        {
            var length = 0;
            foreach (var value in values.EnumerateArray())
            {
                totals.EnumValues++;
                if (value.ValueKind == JsonValueKind.String) length += value.GetString()!.Length;
            }

            totals.StringLength += length;
            if (values.GetArrayLength() > LargeEnum && length > MaxLargeEnumLength)
                problems.Add($"{path}: {values.GetArrayLength()} enum values of {length} characters, more than {MaxLargeEnumLength} for an enum of over {LargeEnum} values");
        }

        var isObject = node.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == "object"
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "object"));
        if (isObject || node.TryGetProperty("properties", out _))
        {
            var properties = node.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.EnumerateObject().Select(x => x.Name).ToList() : [];
            var required = node.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            if (!node.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
                problems.Add($"{path}: an object must set additionalProperties: false");
            foreach (var missing in properties.Except(required)) problems.Add($"{path}: property '{missing}' is not required");
            totals.Properties += properties.Count;
            totals.StringLength += properties.Sum(n => n.Length);
            if (p.ValueKind == JsonValueKind.Object)
                foreach (var property in p.EnumerateObject()) Walk(property.Value, $"{path}.{property.Name}", depth + 1, problems, totals);
        }

        if (node.TryGetProperty("items", out var items)) Walk(items, path + "[]", depth, problems, totals);
        if (node.TryGetProperty("anyOf", out var anyOf))
            foreach (var (option, i) in anyOf.EnumerateArray().Select((o, i) => (o, i))) Walk(option, $"{path}.anyOf[{i}]", depth, problems, totals);
        if (node.TryGetProperty("$defs", out var defs))
            foreach (var def in defs.EnumerateObject())
            {
                totals.StringLength += def.Name.Length;
                Walk(def.Value, $"{path}.$defs.{def.Name}", depth, problems, totals);
            }
    }
}
