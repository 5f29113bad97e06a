namespace Tarantool.Agents.Conversation;

/// <summary>
/// One thing the planner needs the user to settle before it can plan: the fields concerned (kebab-case parameter
/// names, as the CLI flags and batch files spell them), their current values where known, and the intake's own
/// explanation (English, naming the parameters) for the English reply.
/// </summary>
public sealed record ConversationQuestion(
    QuestionKind Kind,
    IReadOnlyList<string> Fields,
    IReadOnlyDictionary<string, string> CurrentValues,
    string? Explanation = null);
