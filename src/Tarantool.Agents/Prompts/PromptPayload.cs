using System.Text.Json;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Prompts;

/// <summary>
/// The data blocks a prompt carries: the request (with the user's description) and the typed outputs of the
/// phases it depends on. Serialized with <see cref="JsonDefaults"/>, which escapes '&lt;' and '&gt;' so user text
/// can never close the prompt's delimiters.
/// </summary>
public static class PromptPayload
{
    public static string Request(ClusterRequest request, Language language) =>
        JsonSerializer.Serialize(new RequestBlock(language, request), JsonDefaults.Indented);

    /// <summary>Inputs keyed by output type name, in phase order. Narratives are left out on purpose: they would grow
    /// every later prompt with every earlier prose, while the typed outputs carry the decisions.</summary>
    public static string Inputs(IEnumerable<KeyValuePair<string, object>> outputs)
    {
        var node = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, output) in outputs)
            node[name] = JsonSerializer.SerializeToNode(output, output.GetType(), JsonDefaults.Indented);
        return node.ToJsonString(JsonDefaults.Indented);
    }

    public sealed record RequestBlock(Language Language, ClusterRequest Request);

    /// <summary>Reads a request block back (the embedded expert does this, as a model reads its prompt).</summary>
    public static RequestBlock? ParseRequest(string json) => JsonSerializer.Deserialize<RequestBlock>(json, JsonDefaults.Indented);

    /// <summary>Reads an inputs block back into typed outputs, using the specs to know each type.</summary>
    public static Dictionary<string, object> ParseInputs(string json, Func<string, IPhaseOutputSpec?> specs)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            var spec = specs(property.Name) ?? throw new JsonException($"Unknown input '{property.Name}'.");
            result[property.Name] = spec.Deserialize(property.Value) ?? throw new JsonException($"Input '{property.Name}' is null.");
        }

        return result;
    }
}
