using System.Globalization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>
/// States, for the capacity-planning prompt, what <see cref="CapacityPlanValidator"/> demands of this request's
/// plan: the figures to take as given, the assumptions to state, the counts and ranges it checks.
/// </summary>
internal static class CapacityPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var given = request.Workload;
        var lines = new List<string>();

        var stated = new List<string>();
        if (given.DataSizeGb is > 0) stated.Add($"dataSizeGb = {F(given.DataSizeGb.Value)}");
        if (given.AverageRecordBytes is > 0) stated.Add($"averageRecordBytes = {I(given.AverageRecordBytes.Value)}");
        if (given.ReadRps is >= 0) stated.Add($"readRps = {I(given.ReadRps.Value)}");
        if (given.WriteRps is >= 0) stated.Add($"writeRps = {I(given.WriteRps.Value)}");
        if (given.GrowthPercentPerYear is >= 0 and <= 1000) stated.Add($"growthPercentPerYear = {F(given.GrowthPercentPerYear.Value)}");
        if (given.HorizonMonths is > 0 and <= 120) stated.Add($"horizonMonths = {I(given.HorizonMonths.Value)}");
        if (given.Engine is { } engine) stated.Add($"engine = {EnumText.Kebab(engine)}");
        if (stated.Count > 0) lines.Add($"The request's figures are used as given: {string.Join(", ", stated)}.");
        var missing = new[] { "dataSizeGb", "averageRecordBytes", "readRps", "writeRps", "growthPercentPerYear", "horizonMonths" }
            .Where(n => !stated.Any(s => s.StartsWith(n + " ", StringComparison.Ordinal))).ToList();
        if (missing.Count > 0)
            lines.Add($"The request does not give {string.Join(", ", missing)}: \"assumptions\" holds one entry named exactly so for each (name, value, reason).");

        if (ClusterShape.ShardCountIsComputed(request))
            lines.Add($"Nobody chose the shard count: storageReplicasets is the count the data needs at the horizon (2 to {MemtxCeiling.MaximumShards}, never below {ClusterShape.StorageReplicasets(request)}), so that memtxMemoryBytes stays within memtxCeilingBytes, and \"assumptions\" has an entry named \"shardCount\".");
        else
            lines.Add($"storageReplicasets is {ClusterShape.StorageReplicasets(request)}.");

        if (request.ClusterType == ClusterType.SingleInstance)
            lines.Add("instancesPerReplicaset is 1.");
        else if (ClusterShape.UsesElection(request))
            lines.Add($"instancesPerReplicaset is at least 3 (election failover keeps a quorum through one failure){(request.Environment == DeploymentEnvironment.Production ? "" : "; 2 is accepted with a warning outside production")}.");
        else
            lines.Add("instancesPerReplicaset is at least 2 (a leader and a replica).");

        if (ClusterShape.UsesVshard(request))
            lines.Add($"routers is at least {(request.Environment == DeploymentEnvironment.Production ? 2 : 1)}{(ClusterShape.Sites(request) > 1 ? $" (one per site: {I(ClusterShape.Sites(request))})" : "")}; routerMemtxMemoryBytes and cpuPerRouter are positive.");
        else
            lines.Add("routers is 0 (no vshard routers without sharding).");
        lines.Add(ClusterShape.IsCartridge(request)
            ? "totalInstances = storageReplicasets × instancesPerReplicaset + routers, + 1 when a Cartridge stateboard runs."
            : "totalInstances = storageReplicasets × instancesPerReplicaset + routers.");
        lines.Add($"hosts is at least instancesPerReplicaset (no two members of a replicaset share a host) and at least the number of sites ({I(ClusterShape.Sites(request))}).");

        lines.Add($"memtxMemoryBytes holds the projected data per shard: at least {F(CapacityPlanValidator.MinimumMemtxFactor)} × projectedDataSizeGb / storageReplicasets (in bytes); with the memtx engine vinylMemoryBytes and vinylCacheBytes are 0, with vinyl both are positive.");
        lines.Add("ramPerStorageInstanceBytes is at least memtxMemoryBytes + vinylMemoryBytes + vinylCacheBytes, plus 512 MiB for the Lua heap, fibers and buffers.");
        lines.Add($"memtxCeilingBytes is between {I(MemtxCeiling.MinimumBytes)} and {I(MemtxCeiling.MaximumBytes)} bytes (32–128 GiB); snapshotRecoverySeconds is positive. An arena above the ceiling needs a warning with code \"{CapacityPlanValidator.CeilingCode}\" in \"warnings\".");
        lines.Add($"walMode is \"fsync\" or \"write\"{(request.Environment == DeploymentEnvironment.Production ? " (\"fsync\" in production unless the narrative says why replicas suffice)" : "")}; snapshotCount is at least {(request.Environment == DeploymentEnvironment.Production ? 2 : 1)}; snapshotIntervalSeconds is between 1 and 86400.");
        lines.Add("diskPerStorageInstanceGb is at least snapshotSizeGb × snapshotCount + walSizeGb; walSizeGb, walIops and replicationBandwidthMbps are positive when there are writes.");
        lines.Add(ClusterShape.UsesVshard(request)
            ? "bucketCount is at least storageReplicasets and about 1000 per replicaset at the largest foreseen size (fewer than 100 per replicaset is flagged); it cannot change after bootstrap."
            : "bucketCount is 0 (the cluster is not sharded).");
        lines.Add("projectedDataSizeGb = dataSizeGb × (1 + growthPercentPerYear / 100)^(horizonMonths / 12); \"growth\" runs from month 0 to horizonMonths, its last point equals projectedDataSizeGb, and data size, shards needed and memtx per instance move in the direction of growth.");
        lines.Add("\"formulas\" lists every formula with a name, the expression with its inputs substituted and the result, including one for memtx.memory.");
        return lines;
    }

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
