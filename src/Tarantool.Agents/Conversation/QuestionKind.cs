namespace Tarantool.Agents.Conversation;

/// <summary>Why the planner asks about a field.</summary>
public enum QuestionKind
{
    /// <summary>A required field no message gave.</summary>
    Missing,

    /// <summary>Values that cannot describe one cluster (several fields, or one against the description).</summary>
    Conflict,

    /// <summary>A value that is not allowed (out of range, not one of the choices).</summary>
    Invalid,
}
