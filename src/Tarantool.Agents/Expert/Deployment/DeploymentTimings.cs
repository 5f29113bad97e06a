using Tarantool.Agents.Expert.Documentation;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>The time limits of the rolling update, computed from the capacity plan and the topology.</summary>
internal static class DeploymentTimings
{
    /// <summary>The start budget of the capacity plan's recovery-time estimate (<see cref="Phases.CapacityPlanning.RecoveryBudget"/>):
    /// the same figure sizes the startup probe, the healthchecks and systemd's TimeoutStartSec, so the scripts never
    /// give up on an instance its supervisor still lets recover.</summary>
    public static int StartTimeoutSeconds(ClusterProfile cluster) => Phases.CapacityPlanning.RecoveryBudget.BudgetSeconds(cluster.Capacity);

    /// <summary>1 s within a site; across sites the lag budget grows with the round trip (five round trips).</summary>
    public static double MaxReplicationLagSeconds(ClusterProfile cluster) =>
        Math.Max(1, Math.Ceiling(cluster.Topology.CrossRegionLatencyBudgetMs * 5 / 1000.0));
}
