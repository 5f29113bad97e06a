using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>
/// Orders the rolling update. Storages first and routers after (a router talks to storages of the previous or the
/// next version, not the other way round), then the rest (stateboard). Inside a replicaset: replicas first, the
/// switchover target last among them (so the instance that takes the lead runs the new version and is freshly
/// caught up), then the leader after the switchover.
/// </summary>
internal sealed class RollingUpdateDesigner
{
    public IReadOnlyList<RollingReplicaset> Design(ClusterProfile cluster)
    {
        var ordered = cluster.DataReplicasets.Concat(cluster.Routers)
            .Concat(cluster.Topology.Replicasets.Where(r => !ReplicasetRoles.HoldsData(r) && !ReplicasetRoles.IsRouter(r)));
        return [.. ordered.Select(r => Step(cluster, r))];
    }

    private static RollingReplicaset Step(ClusterProfile cluster, Replicaset replicaset)
    {
        var leader = cluster.Leader(replicaset);
        var method = cluster.SwitchoverMethod(replicaset);
        var target = method is SwitchoverMethods.None or SwitchoverMethods.ReadOnlyWindow ? null : cluster.Candidate(replicaset);
        var replicas = replicaset.Instances.Select(i => i.Name).Where(n => n != leader && n != target).ToList();
        if (target is not null) replicas.Add(target);
        if (leader is not null) replicas.Add(leader);
        return new RollingReplicaset(replicaset.Name, replicas, leader ?? "", target ?? "", method);
    }
}
