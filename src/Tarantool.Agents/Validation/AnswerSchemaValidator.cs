using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Validation;

/// <summary>Checks an answer against the JSON schema generated from the phase's typed output.</summary>
public static class AnswerSchemaValidator
{
    private const int MaxReported = 20;
    // Keyed by the schema's text: a split phase's frame spec is made per run, its schema is not.
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static IReadOnlyList<ValidationIssue> Validate(IPhaseOutputSpec spec, JsonElement answer)
    {
        var schema = Schemas.GetOrAdd(spec.AnswerSchema.GetRawText(), _ => JsonSchema.Build(spec.AnswerSchema, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var issues = new List<ValidationIssue>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null) continue;
            foreach (var (keyword, message) in detail.Errors)
            {
                var text = keyword == "enum" ? EnumMessage(spec.AnswerSchema, answer, detail) ?? message : message;
                issues.Add(ValidationIssue.Error($"schema.{keyword}", text, "$" + detail.InstanceLocation));
                if (issues.Count == MaxReported) return issues;
            }
        }

        return issues.Count > 0 ? issues : [ValidationIssue.Error("schema.invalid", $"The answer does not match the {spec.Name} schema.")];
    }

    /// <summary>
    /// A value outside an enum, said so that one repair can fix it: the value given and every value allowed (the
    /// library's own message names neither).
    /// </summary>
    private static string? EnumMessage(JsonElement schema, JsonElement answer, EvaluationResults detail)
    {
        var node = Resolve(schema, detail.EvaluationPath.ToString()) ?? Resolve(schema, Uri.UnescapeDataString(detail.SchemaLocation.Fragment.TrimStart('#')));
        var value = Resolve(answer, detail.InstanceLocation.ToString());
        // The location names the subschema holding the enum, or the enum keyword itself.
        var values = node is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty("enum", out var listed) ? listed : node;
        if (values is not { ValueKind: JsonValueKind.Array }) return null;
        var allowed = string.Join(", ", values.Value.EnumerateArray().Select(v => v.GetRawText()));
        return $"{(value is { } v ? v.GetRawText() : "The value")} is not allowed here; use one of: {allowed}.";
    }

    /// <summary>The element a JSON pointer (RFC 6901) names, or null.</summary>
    private static JsonElement? Resolve(JsonElement root, string pointer, JsonElement? schemaRoot = null)
    {
        var current = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            // An evaluation path steps through "$ref": continue from the schema the reference names.
            if (token == "$ref" && current.ValueKind == JsonValueKind.Object && current.TryGetProperty("$ref", out var reference)
                && reference.GetString() is { } target && target.StartsWith('#') && Resolve(schemaRoot ?? root, target[1..], schemaRoot ?? root) is { } referenced)
            {
                current = referenced;
                continue;
            }

            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength()) current = current[index];
            else return null;
        }

        return current;
    }
}
