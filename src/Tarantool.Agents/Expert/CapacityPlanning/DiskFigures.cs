namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>Disk, WAL and replication traffic of one storage instance.</summary>
internal sealed record DiskFigures(
    double SnapshotSizeGb,
    int SnapshotCount,
    int SnapshotIntervalSeconds,
    double WalSizeGb,
    string WalMode,
    int WalIops,
    double DiskPerStorageInstanceGb,
    double ReplicationBandwidthMbps);
