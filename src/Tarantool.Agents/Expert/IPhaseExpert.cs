using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Expert;

/// <summary>
/// The embedded expert's knowledge of one phase: from the request and the typed inputs it decides the phase's
/// output and writes the narrative that explains it. Deterministic: the same context gives the same answer.
/// </summary>
public interface IPhaseExpert
{
    /// <summary>The output type's name (<see cref="IPhaseOutputSpec.Name"/>) this expert answers for.</summary>
    string OutputName { get; }

    ExpertAnswer Answer(PhaseContext context);
}

/// <summary>The expert's answer: the typed output and its Markdown narrative.</summary>
public sealed record ExpertAnswer(object Output, string Narrative);
