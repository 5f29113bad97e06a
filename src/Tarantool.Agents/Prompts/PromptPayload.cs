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
    /// <summary>
    /// The request block: the language and the request's <paramref name="fields"/> only (every field by default). A
    /// phase's prompt carries the fields its phase declares, so it stays the same, and its answer reusable, when any
    /// other field changes.
    /// </summary>
    public static string Request(ClusterRequest request, Language language, CarriedFields fields = CarriedFields.All)
    {
        var node = JsonSerializer.SerializeToNode(request, JsonDefaults.Indented)!.AsObject();
        foreach (var property in node.Select(p => p.Key).ToList())
        {
            if (RequestFieldNames.OfJsonProperty(property) is not { } field || (fields & field) == 0)
                node.Remove(property);
        }

        // A declared field left out of the JSON because it is unset (e.g. replicas when no one said) is written as
        // null, so the block still says it carries that field: "not stated" is part of what the phase depends on.
        foreach (var property in RequestFieldNames.JsonPropertiesOf(fields))
        {
            if (!node.ContainsKey(property) && NullableProperties.Contains(property)) node[property] = null;
        }

        var block = new System.Text.Json.Nodes.JsonObject
        {
            ["language"] = JsonSerializer.SerializeToNode(language, JsonDefaults.Indented),
            ["request"] = node,
        };
        return block.ToJsonString(JsonDefaults.Indented);
    }

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

    /// <summary>
    /// Reads a request block back (the embedded expert does this, as a model reads its prompt). The request holds the
    /// fields the block carries and no other (<see cref="ClusterRequest.Carried"/>): reading a field the block left
    /// out throws <see cref="RequestFieldNotCarriedException"/> instead of yielding a default.
    /// </summary>
    public static RequestBlock? ParseRequest(string json)
    {
        var block = JsonSerializer.Deserialize<CarriedBlock>(json, JsonDefaults.Indented);
        if (block?.Request is not { } request) return null;
        var carried = CarriedFields.None;
        foreach (var (property, _) in request)
            carried |= RequestFieldNames.OfJsonProperty(property) ?? CarriedFields.None;

        // The required members must be present for the record to be built; one the block left out gets a stand-in
        // that can never be read, because the request does not carry it.
        var complete = request.DeepClone().AsObject();
        foreach (var (property, standIn) in RequiredStandIns)
        {
            if (!complete.ContainsKey(property)) complete[property] = standIn.DeepClone();
        }

        var parsed = complete.Deserialize<ClusterRequest>(JsonDefaults.Indented);
        return parsed is null ? null : new RequestBlock(block.Language, parsed.Carrying(carried));
    }

    /// <summary>The request's JSON properties that may be null (and are left out of JSON when they are).</summary>
    private static readonly HashSet<string> NullableProperties =
    [
        .. typeof(ClusterRequest).GetProperties()
            .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null)
            .Select(p => JsonDefaults.Indented.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name),
    ];

    private static readonly (string Property, System.Text.Json.Nodes.JsonNode StandIn)[] RequiredStandIns =
    [
        ("clusterName", System.Text.Json.Nodes.JsonValue.Create("")),
        ("clusterType", JsonSerializer.SerializeToNode(default(ClusterType), JsonDefaults.Indented)!),
        ("environment", JsonSerializer.SerializeToNode(default(DeploymentEnvironment), JsonDefaults.Indented)!),
    ];

    private sealed record CarriedBlock(Language Language, System.Text.Json.Nodes.JsonObject? Request);

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
