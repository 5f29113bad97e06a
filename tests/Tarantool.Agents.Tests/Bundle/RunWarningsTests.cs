using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;

namespace Tarantool.Agents.Tests.Bundle;

/// <summary>One list of warnings for the user: earlier ones (the intake's) first, then each phase's own and its
/// validator's, a finding told once.</summary>
public sealed class RunWarningsTests
{
    private sealed record Output(IReadOnlyList<PhaseWarning> Warnings) : IReportsWarnings;

    private static PhaseResult Phase(int id, string key, PhaseStatus status, object? output, params ValidationIssue[] warnings) => new()
    {
        Phase = new PhasePrompt { Id = id, Key = key, Name = key, Agent = "a", Output = "O", Template = "" },
        Status = status,
        Output = output,
        Warnings = warnings,
    };

    [Fact]
    public void Collects_intake_then_phases_in_order_and_tells_a_finding_once()
    {
        var result = new WorkflowResult([
            Phase(1, "capacity-planning", PhaseStatus.Succeeded, new Output([new PhaseWarning("capacity.arena-above-ceiling", "арена выше потолка")]),
                ValidationIssue.Warning("capacity.arena-above-ceiling", "memtx.memory is above the ceiling", "$.memtxMemoryBytes"),
                ValidationIssue.Warning("capacity.routers", "one router per site", "$.routers")),
            Phase(2, "topology", PhaseStatus.Succeeded, new object()),
            Phase(3, "backup-recovery", PhaseStatus.Failed, new Output([new PhaseWarning("backup.rpo-target-missed", "never shown")])),
        ]);

        var warnings = RunWarnings.Collect(result, [new RunWarning("intake", "intake.guess", "read 4 shards from the text")]);

        Assert.Equal(
            [("intake", "intake.guess"), ("capacity-planning", "capacity.arena-above-ceiling"), ("capacity-planning", "capacity.routers")],
            warnings.Select(w => (w.Source, w.Code)));
        Assert.Equal("арена выше потолка", warnings[1].Message);
        Assert.Equal("one router per site ($.routers)", warnings[2].Message);
    }
}
