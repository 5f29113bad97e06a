using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>What one later user message says: parameter values to set (raw, as a flag would carry them), values it
/// gave that are not allowed (the intake's message), questions of its own, what it asked for that is not applied, and
/// whether it asks to plan again ("re-plan", "ещё раз") even without a change.</summary>
internal sealed record FollowUp(
    IReadOnlyDictionary<RequestField, string> Edits,
    IReadOnlyList<string> Errors,
    IReadOnlyList<ConversationQuestion> Questions,
    IReadOnlyList<ConversationNote> Notes,
    bool Replan)
{
    /// <summary>The workload figures the message states (only <see cref="WorkloadFields"/> are applied).</summary>
    public Workload Workload { get; init; } = new();

    /// <summary>The request field names of the figures it states that replace the earlier ones ("dataSizeGb", "writeRps").</summary>
    public IReadOnlyList<string> WorkloadFields { get; init; } = [];
}
