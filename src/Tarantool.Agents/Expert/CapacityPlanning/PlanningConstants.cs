namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// The rules of thumb the capacity plan is built on. Each is printed as an assumption in the plan, so a reader can
/// disagree with a number rather than with a hidden default.
/// </summary>
internal static class PlanningConstants
{
    public const double BytesPerGb = 1e9;
    public const long Mib = 1024L * 1024;
    public const long Gib = 1024L * Mib;

    /// <summary>Primary and secondary index (tree/hash) memory on top of tuple data.</summary>
    public const double IndexOverhead = 0.30;

    /// <summary>memtx slab allocator rounding and fragmentation.</summary>
    public const double AllocatorFactor = 1.15;

    /// <summary>Spare arena for spikes, long transactions and MVCC versions.</summary>
    public const double MemoryHeadroom = 1.20;

    /// <summary><c>memtx.memory</c> is rounded up to this step so configs stay readable.</summary>
    public const long MemtxStepBytes = 256 * Mib;

    /// <summary>Lua heap, fibers, iproto and relay buffers, the binary itself.</summary>
    public const long RuntimeReserveBytes = 1 * Gib;

    /// <summary>
    /// Largest memtx arena per instance the plan aims for: restart reads the whole snapshot and rebuilds indexes,
    /// and a replica rejoin ships it over the network, so bigger instances mean longer outages.
    /// </summary>
    public const long MemtxCeilingBytes = 64 * Gib;

    /// <summary>Beyond this arena per instance RAM is no longer affordable: vinyl keeps the data on disk.</summary>
    public const long VinylThresholdBytes = 512 * Gib;

    /// <summary>vinyl data per instance the plan aims for (compaction time, rebalancing time).</summary>
    public const double VinylDataCeilingGb = 2000;

    /// <summary>LSM runs plus files kept for older checkpoints and compaction in progress.</summary>
    public const double VinylSpaceAmplification = 1.5;

    /// <summary>Share of per-instance vinyl data kept hot in <c>vinyl.cache</c>.</summary>
    public const double VinylCacheShare = 0.05;

    /// <summary>Seconds of writes <c>vinyl.memory</c> (the in-memory L0 level) should absorb between dumps.</summary>
    public const int VinylL0Seconds = 300;

    /// <summary>Planning budget of one TX thread: simple memtx CRUD over iproto, leaving headroom for Lua.</summary>
    public const int TxBudgetMemtxRps = 25_000;

    /// <summary>Planning budget of one TX thread when reads may hit disk (vinyl).</summary>
    public const int TxBudgetVinylRps = 5_000;

    /// <summary>Planning budget of one vshard router (one TX thread forwarding calls over net.box).</summary>
    public const int RouterBudgetRps = 15_000;

    /// <summary>Shortest <c>snapshot.by.interval</c> the plan uses (the Tarantool default, one hour).</summary>
    public const int MinimumCheckpointIntervalSeconds = 3600;

    /// <summary>Longest <c>snapshot.by.interval</c> (a day): beyond it the WAL and restart replay grow unbounded.</summary>
    public const int MaximumCheckpointIntervalSeconds = 86400;

    /// <summary>Share of the time the checkpoint daemon may spend writing snapshots.</summary>
    public const double CheckpointBusyShare = 0.10;

    /// <summary>xrow header and MessagePack framing of one WAL row.</summary>
    public const int WalRowOverheadBytes = 64;

    /// <summary>iproto framing, heartbeats and TLS on top of replicated rows.</summary>
    public const double ReplicationOverhead = 1.30;

    /// <summary>Free space kept on the data disk (the disk-space alert fires well before it is used).</summary>
    public const double DiskHeadroom = 1.30;

    /// <summary>Average write size the page cache flushes in when <c>wal.mode</c> is write.</summary>
    public const int WriteBackIoBytes = 64 * 1024;

    /// <summary>Buckets per replicaset at the largest planned scale: fine-grained enough for even rebalancing.</summary>
    public const int BucketsPerReplicaset = 1000;

    /// <summary>Scale-out the bucket count must allow without re-bootstrapping the cluster.</summary>
    public const int ScaleOutFactor = 4;

    /// <summary>The vshard default; never go below it.</summary>
    public const int MinimumBucketCount = 3000;
}
