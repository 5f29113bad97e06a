namespace Tarantool.Agents.Conversation;

/// <summary>Who wrote a message of a chat conversation; system and tool messages carry nothing the planner reads.</summary>
public enum ConversationRole
{
    User,
    Assistant,
    Other,
}
