namespace Tarantool.Agents.Engine;

/// <summary>Every phase's result, in the seed's order.</summary>
public sealed record WorkflowResult(IReadOnlyList<PhaseResult> Phases)
{
    public bool Succeeded => Phases.All(p => p.Status == PhaseStatus.Succeeded);
}
