using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// What a conversation comes to: plan, ask or nothing new; the language to answer in; the request parameters
/// (kebab-case, as batch files and <c>POST /v1/runs</c> spell them) and description to plan with; the run a
/// follow-up builds on; the resolved request when it is complete.
/// </summary>
public sealed record ConversationOutcome
{
    public required ConversationOutcomeKind Kind { get; init; }

    /// <summary>The language of the user's messages; replies and the bundle use it.</summary>
    public required Language Language { get; init; }

    /// <summary>The first user message: the description the intake reads.</summary>
    public required string Description { get; init; }

    /// <summary>The parameters the later messages settled, keyed by kebab-case name; the last statement of each wins.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The run the previous reply reported (read from its <c>/v1/runs/{id}/</c> links); a follow-up reuses it.</summary>
    public string? PreviousRunId { get; init; }

    /// <summary>The request the intake resolved from <see cref="Description"/> and <see cref="Parameters"/>, when complete.</summary>
    public IntakeResult? Intake { get; init; }

    /// <summary>What to settle before planning (only for <see cref="ConversationOutcomeKind.Ask"/>).</summary>
    public IReadOnlyList<ConversationQuestion> Questions { get; init; } = [];

    /// <summary>What the last message changed against the request before it (empty for the first plan).</summary>
    public IReadOnlyList<ConversationChange> Changes { get; init; } = [];

    /// <summary>What the last message asked for that was not applied.</summary>
    public IReadOnlyList<ConversationNote> Notes { get; init; } = [];
}
