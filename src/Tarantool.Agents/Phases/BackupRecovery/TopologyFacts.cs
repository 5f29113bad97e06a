using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// Facts about a topology that backup and DR decisions hinge on. Routers and the Cartridge stateboard hold no user
/// data, so only data replicasets are backed up and restored.
/// </summary>
public static class TopologyFacts
{
    private static readonly string[] AutomaticFailoverModes = ["election", "supervised", "stateful", "eventual", "raft"];

    public static bool IsRouter(Replicaset replicaset) =>
        (replicaset.Roles.Contains("router") && !replicaset.Roles.Contains("storage"))
        || (replicaset.Roles.Count == 0 && replicaset.Name.StartsWith("router-", StringComparison.Ordinal));

    public static bool IsStateboard(Replicaset replicaset) =>
        replicaset.Roles.Contains("stateboard") || replicaset.Name == "stateboard";

    /// <summary>Replicasets that hold user data, in topology order.</summary>
    public static IReadOnlyList<Replicaset> DataReplicasets(ClusterTopology topology) =>
        [.. topology.Replicasets.Where(r => !IsRouter(r) && !IsStateboard(r))];

    public static IReadOnlyList<Replicaset> Routers(ClusterTopology topology) => [.. topology.Replicasets.Where(IsRouter)];

    /// <summary>True when at least one data replicaset has a member besides its leader.</summary>
    public static bool HasReplicas(ClusterTopology topology) => DataReplicasets(topology).Any(r => r.Instances.Count > 1);

    public static bool IsMultiSite(ClusterTopology topology) =>
        topology.Regions.Count > 1 || topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Region).Distinct().Count() > 1;

    /// <summary>True when a failed leader is replaced without an operator (Raft election, supervised, Cartridge
    /// stateful/eventual failover).</summary>
    public static bool HasAutomaticFailover(ClusterTopology topology) =>
        AutomaticFailoverModes.Contains(topology.FailoverMode, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The member of a replicaset that hot backups and WAL archival run on: a follower that can never become leader
    /// (a voter or non-candidate) if there is one, else the last member that is not the configured leader, so the
    /// leader's disk and CPU are spared; the only member of a one-instance replicaset.
    /// </summary>
    public static InstanceNode BackupSourceOf(Replicaset replicaset)
    {
        var followers = replicaset.Instances.Where(i => i.Name != replicaset.Leader).ToList();
        if (replicaset.Instances.Count <= 1 || followers.Count == 0) return replicaset.Instances[0];
        var nonCandidate = followers.LastOrDefault(i => i.ElectionMode is "voter" or "off");
        return nonCandidate ?? followers[^1];
    }

    /// <summary>The instance that is (or starts as) the leader: the configured one, else the first member.</summary>
    public static InstanceNode InitialLeaderOf(Replicaset replicaset) =>
        replicaset.Instances.FirstOrDefault(i => i.Name == replicaset.Leader) ?? replicaset.Instances[0];

    /// <summary>True when, with every instance of <paramref name="region"/> gone, each data replicaset still has a
    /// quorum of voting members elsewhere and elects a leader by itself.</summary>
    public static bool SurvivesLossOf(ClusterTopology topology, string region)
    {
        if (topology.FailoverMode is not ("election" or "supervised")) return false;
        return TopologyFacts.DataReplicasets(topology).All(rs =>
        {
            var voting = rs.Instances.Where(n => n.ElectionMode is "candidate" or "voter" or "manual").ToList();
            var quorum = topology.Election?.SynchroQuorum is > 0 and var q ? q : voting.Count / 2 + 1;
            var candidatesLeft = rs.Instances.Any(n => n.Region != region && n.ElectionMode is "candidate" or "manual");
            return candidatesLeft && voting.Count(n => n.Region != region) >= quorum;
        });
    }
}
