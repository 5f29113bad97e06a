using System.Text.Json;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Plugins;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Validation;

/// <summary>
/// The schemas the product sends are accepted as they are by OpenAI's strict structured outputs, and tool parameter
/// schemas use only standard JSON Schema keywords.
/// </summary>
public sealed class StrictSchemaTests
{
    public static TheoryData<string> Outputs => new(PhaseRegistry.Outputs.Select(o => o.Name));

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_phase_answer_schema_meets_the_strict_structured_output_rules(string output)
    {
        var spec = PhaseRegistry.Find(output)!;

        var problems = StrictSchemaRules.Check(spec.AnswerSchema);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    public static TheoryData<string, string> SplitSchemas()
    {
        var data = new TheoryData<string, string>();
        foreach (var output in PhaseRegistry.Outputs)
        {
            if (output is not ISplitOutputSpec split) continue;
            data.Add(output.Name, "frame");
            foreach (var part in split.Parts) data.Add(output.Name, part.Key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitSchemas))]
    public void Every_part_and_frame_schema_of_a_split_phase_meets_the_strict_rules_too(string output, string call)
    {
        var split = (ISplitOutputSpec)PhaseRegistry.Find(output)!;
        var schema = call == "frame" ? split.Frame.AnswerSchema : split.Parts.Single(p => p.Key == call).AnswerSchema;

        var problems = StrictSchemaRules.Check(schema);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void The_rules_catch_what_OpenAI_refuses()
    {
        var loose = JsonDocument.Parse("""
            {"type":"object","properties":{"a":{"type":"string","default":"x"},"b":{"type":"object","properties":{"c":{"type":"integer"}}}},"required":["a"]}
            """).RootElement;

        var problems = StrictSchemaRules.Check(loose);

        Assert.Contains(problems, p => p.Contains("'default' is not supported"));
        Assert.Contains(problems, p => p.Contains("property 'b' is not required"));
        Assert.Contains(problems, p => p.StartsWith("$.b: an object must set additionalProperties: false"));
    }

    [Fact]
    public void The_rules_catch_schemas_over_OpenAIs_size_limits()
    {
        static string Nest(int levels) => levels == 0
            ? """{"type":"string"}"""
            : $$$"""{"type":"object","properties":{"a":{{{Nest(levels - 1)}}}},"required":["a"],"additionalProperties":false}""";
        var deep = JsonDocument.Parse(Nest(StrictSchemaRules.MaxDepth + 1)).RootElement;
        var values = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $"\"{new string('v', 60)}{i}\""));
        var wide = JsonDocument.Parse($$$"""{"type":"object","properties":{"e":{"type":"string","enum":[{{{values}}}]}},"required":["e"],"additionalProperties":false}""").RootElement;

        var deepProblems = StrictSchemaRules.Check(deep);
        var wideProblems = StrictSchemaRules.Check(wide);

        Assert.Contains(deepProblems, p => p.Contains($"nested deeper than {StrictSchemaRules.MaxDepth} levels"));
        Assert.Contains(wideProblems, p => p.Contains("1001 enum values, more than 1000"));
        Assert.Contains(wideProblems, p => p.Contains($"more than {StrictSchemaRules.MaxLargeEnumLength} for an enum of over {StrictSchemaRules.LargeEnum} values"));
    }

    [Fact]
    public void Tool_parameter_schemas_use_only_standard_keywords()
    {
        var standard = new HashSet<string>
        {
            "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "oneOf", "allOf",
            "$ref", "$defs", "description", "title", "default", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "minLength", "maxLength", "$schema",
        };
        var kernel = new Microsoft.SemanticKernel.Kernel();
        var functions = DomainPlugins.Create().SelectMany(p => p).ToList();
        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
#pragma warning disable CS0618 // the same conversion the phase agent uses
            var schema = new Tarantool.Agents.Engine.StandardSchemaTool(function.AsAIFunction(kernel)).JsonSchema;
#pragma warning restore CS0618
            var unknown = Keywords(schema).Where(k => !standard.Contains(k)).Distinct().ToList();
            Assert.True(unknown.Count == 0, $"{function.Name}: {string.Join(", ", unknown)} in {schema}");
        }
    }

    private static IEnumerable<string> Keywords(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object) yield break;
        foreach (var keyword in node.EnumerateObject())
        {
            yield return keyword.Name;
            IEnumerable<JsonElement> children = keyword.Name switch
            {
                "properties" or "$defs" => keyword.Value.EnumerateObject().Select(p => p.Value),
                "items" or "additionalProperties" => [keyword.Value],
                "anyOf" or "oneOf" or "allOf" => keyword.Value.EnumerateArray(),
                _ => [],
            };
            foreach (var child in children)
                foreach (var nested in Keywords(child)) yield return nested;
        }
    }
}
