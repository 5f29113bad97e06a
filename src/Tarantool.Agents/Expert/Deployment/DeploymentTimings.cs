using Tarantool.Agents.Expert.Documentation;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>The time limits of the rolling update, computed from the capacity plan and the topology.</summary>
internal static class DeploymentTimings
{
    /// <summary>Fixed part of a restart: process start, config, connecting to peers.</summary>
    public const int BaseStartSeconds = 120;

    /// <summary>memtx recovery reads the snapshot and rebuilds secondary indexes: about 8 s per GB (≈125 MB/s), a
    /// cautious figure for a timeout.</summary>
    public const int SecondsPerSnapshotGb = 8;

    /// <summary>Replaying the WAL written since the last checkpoint runs every request again: about 15 s per GB.</summary>
    public const int SecondsPerWalGb = 15;

    public static int StartTimeoutSeconds(ClusterProfile cluster)
    {
        var seconds = BaseStartSeconds + cluster.Capacity.SnapshotSizeGb * SecondsPerSnapshotGb + cluster.Capacity.WalSizeGb * SecondsPerWalGb;
        var rounded = (int)Math.Ceiling(seconds / 30) * 30;
        return Math.Max(300, rounded);
    }

    /// <summary>1 s within a site; across sites the lag budget grows with the round trip (five round trips).</summary>
    public static double MaxReplicationLagSeconds(ClusterProfile cluster) =>
        Math.Max(1, Math.Ceiling(cluster.Topology.CrossRegionLatencyBudgetMs * 5 / 1000.0));
}
