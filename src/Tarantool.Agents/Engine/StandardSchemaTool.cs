using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Engine;

/// <summary>
/// A kernel function offered as a tool with a parameter schema of standard JSON Schema keywords only. Semantic
/// Kernel puts the function's description into a non-standard root keyword (<c>condition</c>), which strict
/// validators (vLLM's, OpenAI's strict mode) refuse; the description already travels as the tool's own.
/// </summary>
internal sealed class StandardSchemaTool(AIFunction inner) : DelegatingAIFunction(inner)
{
    private static readonly HashSet<string> Standard =
    [
        "$schema", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "oneOf",
        "allOf", "$ref", "$defs", "description", "title", "default", "pattern", "format", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "minLength", "maxLength",
    ];

    private readonly JsonElement _schema = Clean(inner.JsonSchema);

    public override JsonElement JsonSchema => _schema;

    private static JsonElement Clean(JsonElement schema)
    {
        if (JsonNode.Parse(schema.GetRawText()) is not JsonObject root) return schema;
        foreach (var name in root.Select(p => p.Key).Where(k => !Standard.Contains(k)).ToList()) root.Remove(name);
        return JsonSerializer.SerializeToElement(root);
    }
}
