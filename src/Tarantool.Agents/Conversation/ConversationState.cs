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
    private readonly string _firstMessage;
    private readonly Workload _figures;
    private readonly IReadOnlyList<string> _figureFields;

    private ConversationState(string firstMessage, Dictionary<RequestField, (string Raw, int Message)> settled, Workload figures, IReadOnlyList<string> figureFields)
    {
        _firstMessage = firstMessage;
        _figures = figures;
        _figureFields = figureFields;
        // Later figures replace the first message's: the description the intake (and the run) reads says them instead.
        Description = figureFields.Count == 0 ? firstMessage : WorkloadRevision.Apply(firstMessage, figures, figureFields);
        _settled = settled;
        Intake = RequestIntake.Resolve(new IntakeInput(Parameters, Description));
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

    public static ConversationState Start(string description) => new(description, [], new Workload(), []);

    public ConversationState With(IReadOnlyDictionary<RequestField, string> edits, int message) =>
        With(edits, new Workload(), [], message);

    /// <summary>The state after a message that sets <paramref name="edits"/> and states the workload figures <paramref name="figureFields"/>.</summary>
    public ConversationState With(IReadOnlyDictionary<RequestField, string> edits, Workload figures, IReadOnlyList<string> figureFields, int message)
    {
        var settled = new Dictionary<RequestField, (string, int)>(_settled);
        foreach (var (field, raw) in edits) settled[field] = (raw, message);
        var merged = WorkloadRevision.Merge(_figures, figures, figureFields);
        return new ConversationState(_firstMessage, settled, merged, [.. _figureFields.Union(figureFields)]);
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
