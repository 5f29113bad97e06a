using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Reads the roles of replicasets and instances of a <see cref="ClusterTopology"/> the way operators need them: which
/// replicasets hold data, which instance leads, which one takes over in a switchover. Shared by the documentation and
/// deployment phases so both name the same leader.
/// </summary>
public static class ReplicasetRoles
{
    public const string Election = "election";
    public const string Manual = "manual";
    public const string Off = "off";
    public const string Candidate = "candidate";
    public const string Voter = "voter";

    /// <summary>Same rule as the backup phase (<see cref="TopologyFacts"/>), so both phases count the same routers.</summary>
    public static bool IsRouter(Replicaset replicaset) => TopologyFacts.IsRouter(replicaset);

    public static bool IsStateboard(Replicaset replicaset) => TopologyFacts.IsStateboard(replicaset);

    /// <summary>Storages and plain replicasets: what backups and memtx sizing are about.</summary>
    public static bool HoldsData(Replicaset replicaset) => !IsRouter(replicaset) && !IsStateboard(replicaset);

    /// <summary>True when failover is off and several instances accept writes (master-master).</summary>
    public static bool IsMultiMaster(Replicaset replicaset, string failoverMode) =>
        failoverMode == Off && replicaset.Instances.Count(i => i.Mode == "rw") > 1;

    /// <summary>
    /// The instance that leads the replicaset when everything is healthy: the configured leader (manual failover),
    /// the first candidate (election), the first <c>rw</c> instance (failover off) or the first instance.
    /// Null for master-master replicasets, which have no single leader.
    /// </summary>
    public static string? PreferredLeader(Replicaset replicaset, string failoverMode)
    {
        if (replicaset.Instances.Count == 0 || IsMultiMaster(replicaset, failoverMode)) return null;
        if (!string.IsNullOrEmpty(replicaset.Leader) && replicaset.Instances.Any(i => i.Name == replicaset.Leader)) return replicaset.Leader;
        var pick = failoverMode == Election
            ? replicaset.Instances.FirstOrDefault(i => i.ElectionMode == Candidate)
            : replicaset.Instances.FirstOrDefault(i => i.Mode == "rw");
        return (pick ?? replicaset.Instances[0]).Name;
    }

    /// <summary>
    /// The instance that takes the lead while the leader restarts: under election only a candidate can win (a voter
    /// never leads), and one in the leader's region keeps the write path short. Null when there is nobody to switch to.
    /// </summary>
    public static string? SwitchoverCandidate(Replicaset replicaset, string failoverMode, string? leader)
    {
        if (leader is null) return null;
        var region = replicaset.Instances.FirstOrDefault(i => i.Name == leader)?.Region;
        var others = replicaset.Instances.Where(i => i.Name != leader);
        if (failoverMode == Election) others = others.Where(i => i.ElectionMode == Candidate);
        var ordered = others.OrderBy(i => i.Region == region ? 0 : 1).ToList();
        return ordered.Count == 0 ? null : ordered[0].Name;
    }

    /// <summary>Every instance of the topology in topology order.</summary>
    public static IEnumerable<InstanceNode> AllInstances(ClusterTopology topology) => topology.Replicasets.SelectMany(r => r.Instances);

    public static bool IsSharded(ClusterTopology topology) => topology.Replicasets.Any(IsRouter);
}
