namespace Tarantool.Agents.Conversation;

/// <summary>One message of the conversation as the client resent it.</summary>
/// <param name="Role">Who wrote it.</param>
/// <param name="Text">Its text (the text parts of a multi-part message, joined).</param>
public sealed record ConversationMessage(ConversationRole Role, string Text);
