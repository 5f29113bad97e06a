using System.Text.Json;
using System.Text.Json.Nodes;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// The request as it stands after some messages: the first message's description, the parameters later messages
/// settled (with the message that settled each), and what the intake makes of them.
/// </summary>
internal sealed class ConversationState
{
    private readonly Dictionary<RequestField, (string Raw, int Message)> _settled;

    private ConversationState(string description, Dictionary<RequestField, (string Raw, int Message)> settled)
    {
        Description = description;
        _settled = settled;
        Intake = RequestIntake.Resolve(new IntakeInput(Parameters, description));
        var json = Intake.Request is { } request
            ? JsonSerializer.SerializeToNode(request, JsonDefaults.Compact)!.AsObject()
            : Intake.PartialRequest ?? new JsonObject();
        Values = Enum.GetValues<RequestField>()
            .Select(f => (Field: f, Value: json[RequestFields.JsonName(f)]))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Field, p => Spell(p.Value!));
    }

    public string Description { get; }

    public IntakeResult Intake { get; }

    /// <summary>Every field that resolved, spelled as its flag value ("sharded", "true", "6").</summary>
    public IReadOnlyDictionary<RequestField, string> Values { get; }

    /// <summary>The settled parameters as flags: kebab-case name to raw value, in field order.</summary>
    public IReadOnlyDictionary<string, string> Parameters =>
        _settled.OrderBy(p => p.Key).ToDictionary(p => RequestFields.FlagName(p.Key), p => p.Value.Raw);

    public static ConversationState Start(string description) => new(description, []);

    public ConversationState With(IReadOnlyDictionary<RequestField, string> edits, int message)
    {
        var settled = new Dictionary<RequestField, (string, int)>(_settled);
        foreach (var (field, raw) in edits) settled[field] = (raw, message);
        return new ConversationState(Description, settled);
    }

    /// <summary>Where a field's value came from, in words the questions use.</summary>
    public ValueSource? SourceOf(RequestField field) =>
        _settled.ContainsKey(field) ? ValueSource.Flag
        : Intake.Sources.TryGetValue(RequestFields.JsonName(field), out var source) ? source
        : null;

    public bool IsSettledLater(RequestField field) => _settled.ContainsKey(field);

    public string? Value(RequestField field) => Values.GetValueOrDefault(field);

    private static string Spell(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
