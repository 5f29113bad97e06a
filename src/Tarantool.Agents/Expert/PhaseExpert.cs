using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Expert;

/// <summary>Base of a phase expert: first decide (<see cref="Design"/>), then explain (<see cref="Narrate"/>).</summary>
public abstract class PhaseExpert<TOutput> : IPhaseExpert where TOutput : class
{
    public string OutputName => typeof(TOutput).Name;

    public ExpertAnswer Answer(PhaseContext context)
    {
        var output = Design(context);
        return new ExpertAnswer(output, Narrate(output, context));
    }

    /// <summary>Decides the typed output from the request and the inputs.</summary>
    public abstract TOutput Design(PhaseContext context);

    /// <summary>Writes the narrative (Markdown, in <see cref="PhaseContext.Language"/>) with the phase's required sections.</summary>
    public abstract string Narrate(TOutput output, PhaseContext context);
}
