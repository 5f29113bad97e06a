using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>Phase 1: how much memory, CPU, disk, network and how many instances the cluster needs, and why.</summary>
public sealed record CapacityPlan : IReportsWarnings
{
    /// <summary>memtx unless the data set is far larger than affordable RAM or the user asked for vinyl.</summary>
    public required StorageEngine Engine { get; init; }

    /// <summary>Data size today, in GB (given, or derived from records × tuple size, or assumed).</summary>
    public required double DataSizeGb { get; init; }

    /// <summary>Data size at the end of the horizon, in GB.</summary>
    public required double ProjectedDataSizeGb { get; init; }

    public required double AverageRecordBytes { get; init; }
    public required int ReadRps { get; init; }
    public required int WriteRps { get; init; }
    public required double GrowthPercentPerYear { get; init; }
    public required int HorizonMonths { get; init; }

    /// <summary>Storage replicasets (shards); 1 when not sharded. The user's count when given; otherwise the count
    /// the data needs (at least the default), recorded as the assumption <c>shardCount</c>.</summary>
    public required int StorageReplicasets { get; init; }

    /// <summary>Instances in each storage replicaset (leader + replicas).</summary>
    public required int InstancesPerReplicaset { get; init; }

    /// <summary>vshard routers (or Cartridge router instances); 0 when not sharded.</summary>
    public required int Routers { get; init; }

    /// <summary>Every Tarantool instance: storages, routers, and a stateboard when Cartridge uses one.</summary>
    public required int TotalInstances { get; init; }

    /// <summary>Hosts (VMs, nodes) needed so that no two members of a replicaset share one.</summary>
    public required int Hosts { get; init; }

    /// <summary><c>memtx.memory</c> of each storage instance, in bytes.</summary>
    public required long MemtxMemoryBytes { get; init; }

    /// <summary><c>memtx.memory</c> of each router, in bytes (routers hold no user data).</summary>
    public required long RouterMemtxMemoryBytes { get; init; }

    /// <summary><c>vinyl.memory</c> per storage instance in bytes; 0 for memtx.</summary>
    public required long VinylMemoryBytes { get; init; }

    /// <summary><c>vinyl.cache</c> per storage instance in bytes; 0 for memtx.</summary>
    public required long VinylCacheBytes { get; init; }

    /// <summary>The largest <c>memtx.memory</c> per storage instance the plan accepts without a warning: restart reads
    /// the whole snapshot and a replica rejoin ships it, so a bigger arena means a longer outage (32–128 GiB).</summary>
    public required long MemtxCeilingBytes { get; init; }

    /// <summary>Seconds a storage instance needs to read its snapshot and rebuild its indexes at restart.</summary>
    public required int SnapshotRecoverySeconds { get; init; }

    /// <summary>RAM to provision per storage instance: the arena (which already holds what a checkpoint's read view
    /// keeps alive), vinyl memory and cache, and the runtime (Lua heap, fibers, buffers). memtx checkpoints do not
    /// fork, so no copy-on-write RAM is reserved outside the arena.</summary>
    public required long RamPerStorageInstanceBytes { get; init; }

    /// <summary>vCPUs per storage instance: one TX thread plus WAL, iproto and relay threads.</summary>
    public required int CpuPerStorageInstance { get; init; }

    public required int CpuPerRouter { get; init; }

    /// <summary>Disk per storage instance in GB: snapshots × snapshot.count + WAL + local backup + headroom.</summary>
    public required double DiskPerStorageInstanceGb { get; init; }

    /// <summary>Size of one snapshot of a storage instance, in GB.</summary>
    public required double SnapshotSizeGb { get; init; }

    /// <summary><c>snapshot.by.interval</c> in seconds: the WAL estimate depends on it, and the backup plan and the
    /// configuration use the same value.</summary>
    public required int SnapshotIntervalSeconds { get; init; }

    /// <summary><c>snapshot.count</c>: snapshots (checkpoints) kept on disk.</summary>
    public required int SnapshotCount { get; init; }

    /// <summary>WAL kept on disk between checkpoints, in GB.</summary>
    public required double WalSizeGb { get; init; }

    /// <summary><c>wal.mode</c>: fsync or write.</summary>
    public required string WalMode { get; init; }

    /// <summary>WAL write operations per second each storage leader needs from its disk.</summary>
    public required int WalIops { get; init; }

    /// <summary>Replication traffic leaving each leader, in Mbit/s.</summary>
    public required double ReplicationBandwidthMbps { get; init; }

    /// <summary>vshard <c>sharding.bucket_count</c>; 0 when not sharded. Cannot be changed after bootstrap.</summary>
    public required int BucketCount { get; init; }

    /// <summary>Every figure not given by the user, with the value taken and why.</summary>
    public required IReadOnlyList<CapacityAssumption> Assumptions { get; init; }

    /// <summary>Every formula used, with its inputs substituted and its result.</summary>
    public required IReadOnlyList<CapacityFormula> Formulas { get; init; }

    /// <summary>Data size and shards needed at points over the horizon.</summary>
    public required IReadOnlyList<GrowthPoint> Growth { get; init; }

    /// <summary>Risks the plan carries (an arena above the ceiling with the user's shard count...), each with the
    /// figure reached and what would fix it, in the request's language.</summary>
    public IReadOnlyList<PhaseWarning> Warnings { get; init; } = [];
}

/// <param name="Name">The figure, e.g. <c>dataSizeGb</c>.</param>
public sealed record CapacityAssumption(string Name, string Value, string Reason);

/// <param name="Expression">The formula with its inputs substituted.</param>
public sealed record CapacityFormula(string Name, string Expression, string Result);

public sealed record GrowthPoint(int Month, double DataSizeGb, int ShardsNeeded, long MemtxMemoryBytesPerInstance);
