namespace Tarantool.Agents.Prompts;

/// <summary>One part of a split phase as its prompt file declares it (<c>parts:</c>).</summary>
public sealed record PhasePartPrompt
{
    /// <summary>The part's key, one the phase's output knows (e.g. <c>setup</c>).</summary>
    public required string Key { get; init; }

    /// <summary>What this part's call writes, in the prompt author's words (the <c>part_task</c> variable).</summary>
    public required string Task { get; init; }
}
