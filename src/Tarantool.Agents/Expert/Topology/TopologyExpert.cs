using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// Phase 2 as a senior Tarantool architect does it: sites and zones for the cloud, failover from the HA strategy,
/// members placed so that no host or zone failure costs a quorum, least-privilege users, and a diagram.
/// </summary>
public sealed class TopologyExpert : PhaseExpert<ClusterTopology>
{
    public override ClusterTopology Design(PhaseContext context) =>
        TopologyDesigner.Design(context.Request, context.Get<CapacityPlan>(), context.Language);

    public override string Narrate(ClusterTopology output, PhaseContext context) => new TopologyNarrator(output, context).Write();
}
