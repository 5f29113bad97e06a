namespace Tarantool.Agents.Conversation;

/// <summary>Something the last message asked for that the planner did not apply, and tells the user about.</summary>
public enum ConversationNote
{
    /// <summary>
    /// The storage engine or the number of regions in a follow-up: those stay the first message's (data size, record
    /// figures, rates, growth and horizon are applied).
    /// </summary>
    WorkloadFromFirstMessage,
}
