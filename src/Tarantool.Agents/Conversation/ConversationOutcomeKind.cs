namespace Tarantool.Agents.Conversation;

/// <summary>What the planner does with a conversation.</summary>
public enum ConversationOutcomeKind
{
    /// <summary>The request is complete and new (or changed): start a run.</summary>
    Plan,

    /// <summary>Required fields are missing, contradictory or not allowed: ask, start nothing.</summary>
    Ask,

    /// <summary>A follow-up that changes nothing the planner can change: say so, start nothing.</summary>
    Unchanged,
}
