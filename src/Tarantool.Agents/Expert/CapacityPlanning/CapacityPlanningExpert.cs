using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Phase 1 as a senior Tarantool engineer does it: resolve the workload (stating every assumption), size memory for
/// the data at the horizon, count instances and hosts, check CPU, size disk and WAL, fix the bucket count for future
/// scale-out, and project growth.
/// </summary>
public sealed class CapacityPlanningExpert : PhaseExpert<CapacityPlan>
{
    public override CapacityPlan Design(PhaseContext context) => CapacityCalculator.Plan(context.Request, context.Language);

    public override string Narrate(CapacityPlan output, PhaseContext context) => new CapacityNarrator(output, context).Write();
}
