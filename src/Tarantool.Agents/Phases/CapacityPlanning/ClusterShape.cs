using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>
/// Facts about the cluster's shape that follow from the request alone. The capacity and topology experts and their
/// validators all read them from here, so an LLM answer and the embedded expert are judged by the same rules.
/// </summary>
internal static class ClusterShape
{
    /// <summary>More sites than this buys nothing for a quorum and multiplies cross-site traffic.</summary>
    public const int MaxSites = 5;

    /// <summary>Sites a replicaset must span to keep a quorum after losing any one of them.</summary>
    public const int MinSurvivingSites = 3;

    /// <summary>vshard is used by sharded clusters, by Cartridge (vshard-router/vshard-storage roles) and whenever
    /// the request enables sharding; a single instance never shards.</summary>
    public static bool UsesVshard(ClusterRequest request) =>
        request.ClusterType != ClusterType.SingleInstance
        && (request.EnableSharding || request.ClusterType is ClusterType.Sharded or ClusterType.Cartridge);

    /// <summary>Storage replicasets: the request's count, except that a single instance is always one.</summary>
    public static int StorageReplicasets(ClusterRequest request) =>
        request.ClusterType == ClusterType.SingleInstance ? 1 : Math.Max(1, request.StorageReplicasets);

    /// <summary>Cluster types that can split the data over shards; a single instance and a replicated cluster cannot.</summary>
    public static bool CanShard(ClusterRequest request) =>
        request.ClusterType is not (ClusterType.SingleInstance or ClusterType.Replicated);

    /// <summary>
    /// True when the request shards but no one gave the shard count: the capacity plan chooses the count the data
    /// needs instead of the default.
    /// </summary>
    public static bool ShardCountIsComputed(ClusterRequest request) =>
        request.ShardCountIsDefault && request.EnableSharding && CanShard(request);

    public static bool IsCartridge(ClusterRequest request) => request.ClusterType == ClusterType.Cartridge;

    /// <summary>
    /// Real master-master (failover off, every member writable) only for a replicated cluster. For sharded,
    /// Cartridge and multi-region clusters "multi-master" means one writable leader per shard.
    /// </summary>
    public static bool IsTrueMasterMaster(ClusterRequest request) =>
        request.ClusterType == ClusterType.Replicated && request.ReplicationMode == ReplicationMode.MasterMaster;

    /// <summary>Masters of different shards live in different sites (the sharded reading of "multi-master").</summary>
    public static bool RotatesShardLeaders(ClusterRequest request) =>
        request.ReplicationMode == ReplicationMode.MasterMaster && !IsTrueMasterMaster(request)
        && UsesVshard(request) && Sites(request) > 1 && request.HaStrategy != HaStrategy.DistributedHa;

    /// <summary>Raft election decides leaders (3.x <c>replication.failover: election</c>, 2.11 <c>election_mode</c>).</summary>
    public static bool UsesElection(ClusterRequest request) =>
        request.ClusterType != ClusterType.SingleInstance && !IsCartridge(request) && !IsTrueMasterMaster(request)
        && request.HaStrategy is HaStrategy.ActiveFailover or HaStrategy.DistributedHa;

    /// <summary>
    /// Cartridge stateful failover keeps its state in a stateboard instance, unless the user asked for etcd: then
    /// the state lives in their etcd cluster and no stateboard runs.
    /// </summary>
    public static bool UsesStateboard(ClusterRequest request) =>
        IsCartridge(request) && request.HaStrategy != HaStrategy.PassiveFailover && !WantsEtcd(request);

    /// <summary>
    /// The description names etcd ("etcd", "etcd2", "etcd-кластер", "в etcd"): Cartridge's etcd2 state provider is
    /// what the user runs. The word is the same in English and Russian texts.
    /// </summary>
    public static bool WantsEtcd(ClusterRequest request) =>
        EtcdWord.Matches(request.Description).Any(m => !m.Groups["no"].Success);

    // A refusal right before the word ("without etcd", "no etcd", "not etcd", "без etcd", "не etcd", "нет etcd")
    // is not a request for it.
    private static readonly System.Text.RegularExpressions.Regex EtcdWord = new(
        @"(?<no>(?<![\p{L}\p{N}])(?:without|no|not|без|не|нет)\s+(?:an?\s+|any\s+)?)?(?<![\p{L}\p{N}])etcd2?(?![\p{L}\p{N}])",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Zones a site's members spread over under distributed HA on one site (cloud availability zones, racks).</summary>
    public const int DistributedHaZones = 3;

    /// <summary>
    /// The locations distributed HA must survive losing any one of: the sites, or on a single site its zones.
    /// </summary>
    public static int FailureDomains(ClusterRequest request) => Sites(request) is var sites && sites > 1 ? sites : DistributedHaZones;

    /// <summary>
    /// Whether <paramref name="voters"/> spread evenly over <paramref name="domains"/> locations keep a majority
    /// (<c>N/2+1</c>) after the loss of the location holding the most of them: the rule the topology validator checks.
    /// </summary>
    public static bool SurvivesLossOfOneDomain(int voters, int domains)
    {
        var largest = (voters + Math.Max(1, domains) - 1) / Math.Max(1, domains);
        return voters - largest >= voters / 2 + 1;
    }

    /// <summary>
    /// Sites (regions or data centres): as many as the user named (2 to <see cref="MaxSites"/>) for a multi-region
    /// cluster, 2 by default; other clusters stay on one site unless the user named several. Distributed HA over
    /// several sites always gets at least 3 (so a quorum survives losing one); on one site it spreads over zones.
    /// </summary>
    public static int Sites(ClusterRequest request)
    {
        if (request.ClusterType == ClusterType.SingleInstance) return 1;
        var named = request.Workload.Regions;
        // Surviving the loss of a site needs a majority of voters outside every site, which two sites cannot give
        // (one of them always holds the majority): the third site carries a voter even if the user named two.
        // One site spreads its members over three zones (data centres) instead.
        if (request.HaStrategy == HaStrategy.DistributedHa && (request.ClusterType == ClusterType.MultiRegion || named > 1))
            return Math.Clamp(Math.Max(named ?? MinSurvivingSites, MinSurvivingSites), MinSurvivingSites, MaxSites);
        if (request.ClusterType == ClusterType.MultiRegion)
            return Math.Clamp(named ?? (request.HaStrategy == HaStrategy.DistributedHa ? 3 : 2), 2, MaxSites);
        return Math.Clamp(named ?? 1, 1, MaxSites);
    }
}
