using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Intake;

/// <summary>
/// The structured output intake asks a model for: one property per request parameter, named and typed as in the
/// request's own JSON schema (so enums carry the allowed spellings and a parameter added to the request follows), each
/// nullable, all required and no others allowed, which is what strict structured outputs demand.
/// </summary>
internal static class ReadingSchema
{
    /// <summary>The response format's name; the embedded expert also recognises intake calls by it.</summary>
    public const string Name = "request_reading";

    private static readonly Lazy<JsonElement> Built = new(Build);

    public static JsonElement Schema => Built.Value;

    private static JsonElement Build()
    {
        var request = JsonSerializer.SerializeToNode(
            AIJsonUtilities.CreateJsonSchema(typeof(ClusterRequest), serializerOptions: JsonDefaults.Indented))!.AsObject();
        var known = request["properties"]!.AsObject();
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in Enum.GetValues<RequestField>())
        {
            var name = RequestFields.JsonName(field);
            if (known[name] is not JsonObject source) continue;
            properties[name] = Nullable(source, field);
            required.Add(name);
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The cluster parameters the description states; null for every parameter it does not state.",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject Nullable(JsonObject source, RequestField field)
    {
        var type = source["type"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray a => a.Select(t => t!.GetValue<string>()).First(t => t != "null"),
            _ => "string",
        };
        var target = new JsonObject
        {
            ["type"] = new JsonArray(type, "null"),
            ["description"] = Describe(field, source["description"]?.GetValue<string>()),
        };
        if (source["enum"] is JsonArray values)
        {
            var allowed = new JsonArray();
            foreach (var value in values.Where(v => v is not null)) allowed.Add(value!.DeepClone());
            allowed.Add(null);
            target["enum"] = allowed;
        }

        return target;
    }

    private static string Describe(RequestField field, string? own)
    {
        var what = field switch
        {
            RequestField.Rpo or RequestField.Rto => "in seconds",
            RequestField.TarantoolVersion => "the release line, e.g. 3.4",
            RequestField.ClusterName => "lowercase letters, digits and '-', as written",
            _ => null,
        };
        return $"The {RequestFields.Flag(field)} parameter{(what is null ? "" : $" ({what})")}" +
               $"{(own is null ? "" : ": " + own)}; null unless the description states it.";
    }
}
