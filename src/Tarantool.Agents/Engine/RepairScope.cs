using System.Text.Json;
using System.Text.Json.Nodes;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Engine;

/// <summary>
/// The parts of an answer a repair asks for when the rest of it passed: top-level fields of the output and/or the
/// narrative. It exists only when every error points into such a part (by its JSON path, or as a narrative finding),
/// the parts left out of the schema leave no dangling reference, and what is asked is at most half of the answer,
/// so a mostly right answer is not written again in full. The model's reply replaces exactly those parts of the
/// previous answer (<see cref="Merge"/>), and the merged whole is validated again like any answer.
/// </summary>
internal sealed class RepairScope
{
    private RepairScope(IReadOnlyList<string> fields, bool narrative, JsonElement schema)
    {
        Fields = fields;
        Narrative = narrative;
        Schema = schema;
    }

    /// <summary>The output's top-level fields asked for, in the schema's order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Whether the narrative is asked for.</summary>
    public bool Narrative { get; }

    /// <summary>The answer schema cut down to the parts asked for (the response format of the repair call).</summary>
    public JsonElement Schema { get; }

    /// <summary>The JSON shape the repair call answers with, as the repair message states it.</summary>
    public string Shape =>
        "{" + string.Join(", ", new[]
        {
            Fields.Count > 0 ? "\"output\": {" + string.Join(", ", Fields.Select(f => $"\"{f}\": ...")) + "}" : null,
            Narrative ? "\"narrative\": \"<markdown>\"" : null,
        }.Where(p => p is not null)) + "}";

    /// <summary>What is asked for, in words: <c>output.walMode, narrative</c>.</summary>
    public string Describe() => string.Join(", ", Fields.Select(f => "output." + f).Concat(Narrative ? ["the whole narrative"] : []));

    /// <summary>The scope of a repair of <paramref name="answer"/> for <paramref name="errors"/>, or null for a full repair.</summary>
    public static RepairScope? For(IPhaseOutputSpec spec, JsonElement answer, IReadOnlyList<ValidationIssue> errors)
    {
        if (errors.Count == 0 || answer.ValueKind != JsonValueKind.Object) return null;
        if (JsonNode.Parse(spec.AnswerSchema.GetRawText()) is not JsonObject schema
            || schema["properties"] is not JsonObject properties
            || properties["output"] is not JsonObject outputSchema
            || outputSchema["properties"] is not JsonObject outputProperties)
            return null;
        if (!answer.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Object) return null;

        var fields = new HashSet<string>(StringComparer.Ordinal);
        var narrative = false;
        foreach (var error in errors)
        {
            var target = Target(error);
            if (target is null) return null;
            if (target == NarrativeTarget)
            {
                if (!properties.ContainsKey("narrative")) return null;
                narrative = true;
            }
            else if (outputProperties.ContainsKey(target) && output.TryGetProperty(target, out _)) fields.Add(target);
            else return null;
        }

        var ordered = outputProperties.Select(p => p.Key).Where(fields.Contains).ToList();
        if (ordered.Count == outputProperties.Count) return null;

        // Worth it only when most of the answer is kept: asking for more than half saves little and risks the
        // parts no longer fitting together.
        var asked = ordered.Sum(f => output.GetProperty(f).GetRawText().Length)
            + (narrative && answer.TryGetProperty("narrative", out var prose) ? prose.GetRawText().Length : 0);
        if (asked * 2 > answer.GetRawText().Length) return null;

        var cut = (JsonObject)schema.DeepClone();
        var cutProperties = new JsonObject();
        var required = new JsonArray();
        if (ordered.Count > 0)
        {
            var cutOutput = (JsonObject)outputSchema.DeepClone();
            cutOutput["properties"] = new JsonObject(ordered.Select(f => KeyValuePair.Create<string, JsonNode?>(f, outputProperties[f]!.DeepClone())));
            var names = new JsonArray();
            foreach (var field in ordered) names.Add(field);
            cutOutput["required"] = names;
            cutProperties["output"] = cutOutput;
            required.Add("output");
        }
        if (narrative)
        {
            cutProperties["narrative"] = properties["narrative"]!.DeepClone();
            required.Add("narrative");
        }
        cut["properties"] = cutProperties;
        cut["required"] = required;
        // A schema generated from the types refers to a repeated type where it first appeared: when that place was
        // cut away, the cut schema is not usable, and the repair asks for the whole answer.
        if (!ReferencesResolve(cut, cut)) return null;
        return new RepairScope(ordered, narrative, Element(cut));
    }

    /// <summary>
    /// Replaces the parts in scope of <paramref name="previous"/> with those of the model's <paramref name="reply"/>;
    /// a part the reply leaves out stays as it was (and is judged again as such).
    /// </summary>
    public bool TryMerge(JsonElement previous, string reply, out JsonElement merged, out string error)
    {
        merged = previous;
        var keys = new List<string>();
        if (Fields.Count > 0) keys.Add("output");
        if (Narrative) keys.Add("narrative");
        if (!AnswerParser.TryParse(reply, keys, out var answer, out error)) return false;

        var whole = (JsonObject)JsonNode.Parse(previous.GetRawText())!;
        if (Fields.Count > 0 && answer.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            var target = (JsonObject)whole["output"]!;
            foreach (var field in Fields)
                if (output.TryGetProperty(field, out var value))
                    target[field] = JsonNode.Parse(value.GetRawText());
        }
        if (Narrative && answer.TryGetProperty("narrative", out var narrative))
            whole["narrative"] = JsonNode.Parse(narrative.GetRawText());
        merged = Element(whole);
        return true;
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private const string NarrativeTarget = "\u0000narrative";

    /// <summary>The part an error points into: the narrative, an output field, or null when it cannot be placed.</summary>
    private static string? Target(ValidationIssue error)
    {
        if (error.Code.StartsWith("narrative.", StringComparison.Ordinal)) return NarrativeTarget;
        if (error.Code.StartsWith("answer.", StringComparison.Ordinal) || error.Path is null) return null;

        if (error.Code.StartsWith("schema.", StringComparison.Ordinal))
        {
            // The schema validator reports a JSON pointer into the whole answer: "$/output/walMode/0".
            var segments = error.Path.TrimStart('$').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length >= 1 && segments[0] == "narrative") return NarrativeTarget;
            return segments.Length >= 2 && segments[0] == "output" ? segments[1].Replace("~1", "/").Replace("~0", "~") : null;
        }

        // Semantic validators report a path into the output: "$.replicasets[0].leader", "image.baseImage".
        var path = error.Path.StartsWith('$') ? error.Path[1..] : error.Path;
        path = path.TrimStart('.');
        var end = path.IndexOfAny(['.', '[']);
        var field = end < 0 ? path : path[..end];
        return field.Length > 0 && field.All(c => char.IsLetterOrDigit(c) || c == '_') ? field : null;
    }

    private static bool ReferencesResolve(JsonNode? node, JsonObject root) => node switch
    {
        JsonObject obj => obj.All(p => p.Key == "$ref"
            ? p.Value is JsonValue v && v.TryGetValue<string>(out var pointer) && Resolves(root, pointer)
            : ReferencesResolve(p.Value, root)),
        JsonArray array => array.All(item => ReferencesResolve(item, root)),
        _ => true,
    };

    private static bool Resolves(JsonObject root, string pointer)
    {
        if (!pointer.StartsWith('#')) return false;
        JsonNode? node = root;
        foreach (var raw in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (node is null) return false;
        }
        return true;
    }
}
