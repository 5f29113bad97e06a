using System.ComponentModel;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>Phase 1: how much memory, CPU, disk, network and how many instances the cluster needs, and why.</summary>
public sealed record CapacityPlan : IReportsWarnings
{
    [Description("memtx unless the data set is far larger than affordable RAM or the user asked for vinyl.")]
    public required StorageEngine Engine { get; init; }

    [Description("Data size today, in GB (given, or derived from records × tuple size, or assumed).")]
    public required double DataSizeGb { get; init; }

    [Description("Data size at the end of the horizon, in GB.")]
    public required double ProjectedDataSizeGb { get; init; }

    [Description("Average tuple size in bytes; the user's figure when given, else an assumption.")]

    public required double AverageRecordBytes { get; init; }
    [Description("Peak reads per second; the user's figure when given, else an assumption.")]
    public required int ReadRps { get; init; }
    [Description("Peak writes per second; the user's figure when given, else an assumption.")]
    public required int WriteRps { get; init; }
    [Description("Data growth in percent a year; the user's figure when given, else an assumption.")]
    public required double GrowthPercentPerYear { get; init; }
    [Description("Planning horizon in months (e.g. 12 or 24); the user's figure when given.")]
    public required int HorizonMonths { get; init; }

    [Description("Storage replicasets (shards); 1 when not sharded. The user's count when given; otherwise the count the data needs (at least the default), recorded as the assumption shardCount.")]
    public required int StorageReplicasets { get; init; }

    [Description("Instances in each storage replicaset (leader + replicas).")]
    public required int InstancesPerReplicaset { get; init; }

    [Description("vshard routers (or Cartridge router instances); 0 when not sharded.")]
    public required int Routers { get; init; }

    [Description("Every Tarantool instance: storages, routers, and a stateboard when Cartridge uses one.")]
    public required int TotalInstances { get; init; }

    [Description("Hosts (VMs, nodes) needed so that no two members of a replicaset share one.")]
    public required int Hosts { get; init; }

    [Description("memtx.memory of each storage instance, in bytes.")]
    public required long MemtxMemoryBytes { get; init; }

    [Description("memtx.memory of each router, in bytes (routers hold no user data).")]
    public required long RouterMemtxMemoryBytes { get; init; }

    [Description("vinyl.memory per storage instance in bytes; 0 for memtx.")]
    public required long VinylMemoryBytes { get; init; }

    [Description("vinyl.cache per storage instance in bytes; 0 for memtx.")]
    public required long VinylCacheBytes { get; init; }

    [Description("The largest memtx.memory per storage instance the plan accepts without a warning: restart reads the whole snapshot and a replica rejoin ships it, so a bigger arena means a longer outage (32–128 GiB).")]
    public required long MemtxCeilingBytes { get; init; }

    [Description("Seconds a storage instance needs to read its snapshot and rebuild its indexes at restart.")]
    public required int SnapshotRecoverySeconds { get; init; }

    [Description("RAM to provision per storage instance: the arena (which already holds what a checkpoint's read view keeps alive), vinyl memory and cache, and the runtime (Lua heap, fibers, buffers). memtx checkpoints do not fork, so no copy-on-write RAM is reserved outside the arena.")]
    public required long RamPerStorageInstanceBytes { get; init; }

    [Description("vCPUs per storage instance: one TX thread plus WAL, iproto and relay threads.")]
    public required int CpuPerStorageInstance { get; init; }

    [Description("vCPUs per router; at least 1 when there are routers.")]

    public required int CpuPerRouter { get; init; }

    [Description("Disk per storage instance in GB: snapshots × snapshot.count + WAL + local backup + headroom.")]
    public required double DiskPerStorageInstanceGb { get; init; }

    [Description("Size of one snapshot of a storage instance, in GB.")]
    public required double SnapshotSizeGb { get; init; }

    [Description("snapshot.by.interval in seconds: the WAL estimate depends on it, and the backup plan and the configuration use the same value.")]
    public required int SnapshotIntervalSeconds { get; init; }

    [Description("snapshot.count: snapshots (checkpoints) kept on disk.")]
    public required int SnapshotCount { get; init; }

    [Description("WAL kept on disk between checkpoints, in GB.")]
    public required double WalSizeGb { get; init; }

    [OneOf(typeof(PersistenceSettings), nameof(PersistenceSettings.WalModes))]

    [Description("wal.mode: fsync or write.")]
    public required string WalMode { get; init; }

    [Description("WAL write operations per second each storage leader needs from its disk.")]
    public required int WalIops { get; init; }

    [Description("Replication traffic leaving each leader, in Mbit/s.")]
    public required double ReplicationBandwidthMbps { get; init; }

    [Description("vshard sharding.bucket_count; 0 when not sharded. Cannot be changed after bootstrap.")]
    public required int BucketCount { get; init; }

    [Description("Every figure not given by the user, with the value taken and why.")]
    public required IReadOnlyList<CapacityAssumption> Assumptions { get; init; }

    [Description("Every formula used, with its inputs substituted and its result.")]
    public required IReadOnlyList<CapacityFormula> Formulas { get; init; }

    [Description("Data size and shards needed at points over the horizon.")]
    public required IReadOnlyList<GrowthPoint> Growth { get; init; }

    [Description("Risks the plan carries (an arena above the ceiling with the user's shard count...), each with the figure reached and what would fix it, in the request's language.")]
    public IReadOnlyList<PhaseWarning> Warnings { get; init; } = [];
}

public sealed record CapacityAssumption(
    [property: Description("The figure, e.g. dataSizeGb or shardCount.")] string Name,
    [property: Description("The value taken, with its unit.")] string Value,
    [property: Description("Why this value.")] string Reason);

public sealed record CapacityFormula(
    [property: Description("What the formula computes, e.g. memtxMemoryBytes.")] string Name,
    [property: Description("The formula with its inputs substituted.")] string Expression,
    [property: Description("The result, with its unit.")] string Result);

public sealed record GrowthPoint(
    [property: Description("Months from now.")] int Month,
    [property: Description("Projected data size then, in GB.")] double DataSizeGb,
    [property: Description("Storage replicasets needed then.")] int ShardsNeeded,
    [property: Description("memtx.memory each storage instance needs then, in bytes.")] long MemtxMemoryBytesPerInstance);
