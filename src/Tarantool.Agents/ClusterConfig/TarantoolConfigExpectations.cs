using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// What a config.yaml must agree with besides Tarantool's own rules: figures and shapes decided by the capacity
/// plan, the topology and the backup plan. Every member is optional; a null member is not checked.
/// </summary>
public sealed record TarantoolConfigExpectations
{
    /// <summary>Expected <c>replication.failover</c> of data replicasets (routers are exempt).</summary>
    public string? Failover { get; init; }

    /// <summary>True for master-master designs, where several <c>database.mode: rw</c> instances are intended.</summary>
    public bool AllowMultipleWritable { get; init; }

    public long? StorageMemtxMemoryBytes { get; init; }

    public long? RouterMemtxMemoryBytes { get; init; }

    public IReadOnlyList<ExpectedReplicaset>? Replicasets { get; init; }

    public double? SnapshotIntervalSeconds { get; init; }

    public long? SnapshotWalSizeBytes { get; init; }

    public int? SnapshotCount { get; init; }

    public string? WalMode { get; init; }

    public int? BucketCount { get; init; }

    /// <summary>When true every instance must export metrics over HTTP.</summary>
    public bool RequireMetrics { get; init; } = true;

    /// <summary>The expectations that follow from the typed outputs of phases 1–3 (any of them may be missing).</summary>
    public static TarantoolConfigExpectations From(CapacityPlan? capacity, ClusterTopology? topology, BackupPlan? backup, bool masterMaster)
    {
        return new TarantoolConfigExpectations
        {
            Failover = topology?.FailoverMode,
            AllowMultipleWritable = masterMaster,
            StorageMemtxMemoryBytes = capacity?.MemtxMemoryBytes,
            RouterMemtxMemoryBytes = capacity is { Routers: > 0 } ? capacity.RouterMemtxMemoryBytes : null,
            WalMode = capacity?.WalMode,
            BucketCount = capacity is { BucketCount: > 0 } ? capacity.BucketCount : null,
            SnapshotIntervalSeconds = backup?.SnapshotIntervalSeconds,
            SnapshotWalSizeBytes = backup?.SnapshotWalSizeBytes,
            SnapshotCount = backup?.SnapshotCount,
            Replicasets = topology?.Replicasets
                .Where(r => !r.Roles.Contains("stateboard"))
                .Select(r => new ExpectedReplicaset(
                    r.Name,
                    r.Roles.Contains("router") && !r.Roles.Contains("storage"),
                    [.. r.Instances.Select(i => new ExpectedInstance(i.Name, i.MetricsPort))]))
                .ToList(),
        };
    }
}
