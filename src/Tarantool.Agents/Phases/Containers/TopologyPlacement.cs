using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>Looks up where a topology instance lives: its replicaset and its ordinal within it.</summary>
public static class TopologyPlacement
{
    public static IEnumerable<(Replicaset Replicaset, InstanceNode Node, int Ordinal)> Instances(ClusterTopology topology) =>
        topology.Replicasets.SelectMany(r => r.Instances.Select((n, i) => (r, n, i + 1)));

    /// <summary>Peer URIs of a replicaset in the given endpoints, for box.cfg <c>replication</c> (2.11 layouts).</summary>
    public static string ReplicationPeers(OrchestrationPlan plan, string replicaset, Func<InstanceEndpoint, string> address, string credentialsPrefix) =>
        string.Join(",", plan.Endpoints.Where(e => e.Replicaset == replicaset).Select(e => credentialsPrefix + address(e)));
}
