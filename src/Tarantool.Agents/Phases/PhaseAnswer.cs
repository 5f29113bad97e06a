using System.ComponentModel;

namespace Tarantool.Agents.Phases;

/// <summary>What a model returns for a phase: the typed output and the narrative (Markdown) that explains it.</summary>
public sealed record PhaseAnswer<TOutput>(
    [property: Description("The phase's structured result; every field is required and checked by validators.")] TOutput Output,
    [property: Description("The narrative in Markdown, in the request's language, with the required '## ' sections.")] string Narrative)
    where TOutput : class;
