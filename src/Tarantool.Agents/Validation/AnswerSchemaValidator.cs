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
                issues.Add(ValidationIssue.Error($"schema.{keyword}", message, "$" + detail.InstanceLocation));
                if (issues.Count == MaxReported) return issues;
            }
        }

        return issues.Count > 0 ? issues : [ValidationIssue.Error("schema.invalid", $"The answer does not match the {spec.Name} schema.")];
    }
}
