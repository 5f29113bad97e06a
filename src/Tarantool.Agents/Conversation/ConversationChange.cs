namespace Tarantool.Agents.Conversation;

/// <summary>A parameter the last message changed: its kebab-case name, the value before (null when it had none) and after.</summary>
public sealed record ConversationChange(string Field, string? From, string To);
