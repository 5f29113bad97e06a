using Tarantool.Agents.Engine;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// Gathers the warnings a user must see into one list: those raised before the phases ran (the intake's), then, phase
/// by phase in the seed's order, the warnings a phase's output states itself and the validator warnings it did not
/// already state (the same code is the same finding, told once, in the request's language when the phase told it).
/// </summary>
public static class RunWarnings
{
    public static IReadOnlyList<RunWarning> Collect(WorkflowResult result, IReadOnlyList<RunWarning>? before = null)
    {
        var warnings = new List<RunWarning>(before ?? []);
        foreach (var phase in result.Phases.Where(p => p.Status == PhaseStatus.Succeeded).OrderBy(p => p.Phase.Id))
        {
            var own = phase.Output is IReportsWarnings reports ? reports.Warnings : [];
            warnings.AddRange(own.Select(w => new RunWarning(phase.Phase.Key, w.Code, w.Message)));
            var told = own.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
            warnings.AddRange(phase.Warnings
                .Where(w => !told.Contains(w.Code))
                .Select(w => new RunWarning(phase.Phase.Key, w.Code, w.Path is null ? w.Message : $"{w.Message} ({w.Path})")));
        }

        return warnings;
    }
}
