using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Sizes the data disk of a storage instance: the snapshots <c>snapshot.count</c> keeps plus one being written,
/// the WAL those snapshots still need, vinyl runs, a staging copy for backups and free-space headroom; then the WAL
/// IOPS and the replication traffic.
/// </summary>
internal static class DiskPlanner
{
    public static DiskFigures Plan(PlanningInputs input, MemoryFigures memory, int members)
    {
        var (log, profile) = (input.Log, input.Profile);
        var vinyl = memory.Engine == StorageEngine.Vinyl;
        var perShard = memory.PerShardDataGb;

        // A .snap holds tuples only (indexes are rebuilt on recovery), in MessagePack close to the tuple size.
        var snapshot = Math.Round(vinyl ? Math.Max(0.1, perShard * 0.01) : perShard, 2);
        log.Formula("snapshotSizeGb", vinyl
                ? $"memtx spaces only: max(0.1, {Figures.Number(perShard, 2)} GB × 0.01)"
                : $"{Figures.Number(perShard, 2)} GB of tuples per shard at the horizon (indexes are rebuilt on recovery)",
            Units.Gb(snapshot));

        var interval = SnapshotInterval(input, snapshot);
        var count = profile.SnapshotCount;
        var walBytes = input.WritesPerShard * input.WalRowBytes * interval * count;
        var wal = Math.Round(Math.Max(0.25, walBytes / BytesPerGb), 2);
        log.Formula("walSizeGb",
            $"max(0.25, {Figures.Number(input.WritesPerShard, 1)} wps × {input.WalRowBytes} B × {interval} s × {count} checkpoints / 10^9)",
            Units.Gb(wal));

        var vinylRuns = vinyl ? perShard * VinylSpaceAmplification : 0;
        // Staging holds a copy of the newest snapshot and its WAL while a backup is packed; vinyl runs are not
        // copied locally: box.backup.start() pins them and the backup reads them in place.
        var staging = snapshot + wal / count;
        var raw = snapshot * (count + 1) + wal + vinylRuns + staging;
        var disk = Math.Max(profile.DiskFloorGb, Math.Ceiling(raw * DiskHeadroom));
        log.Formula("diskPerStorageInstanceGb",
            $"max({Figures.Number(profile.DiskFloorGb, 0)}, ⌈({Figures.Number(snapshot, 2)} GB × ({count} + 1 in flight) + {Figures.Number(wal, 2)} GB WAL + {Figures.Number(vinylRuns, 2)} GB vinyl runs + {Figures.Number(staging, 2)} GB backup staging) × {Figures.Number(DiskHeadroom, 2)}⌉)",
            Units.Gb(disk));

        var walMode = profile.WalMode;
        var iops = WalIops(input, walMode);
        var mbps = ReplicationMbps(input, members);
        return new DiskFigures(snapshot, count, interval, wal, walMode, iops, disk, mbps);
    }

    /// <summary>
    /// <c>snapshot.by.interval</c>: at least hourly, and long enough that writing a snapshot keeps the checkpoint
    /// daemon busy at most a tenth of the time (whole hours, at most a day). The backup plan and the configuration
    /// take this value, so the WAL sized here is the WAL they keep.
    /// </summary>
    private static int SnapshotInterval(PlanningInputs input, double snapshotGb)
    {
        var writeSeconds = MemoryPlanner.SnapshotWriteSeconds(snapshotGb);
        var hours = Math.Max(1, (int)Math.Ceiling(writeSeconds / CheckpointBusyShare / 3600));
        var interval = Math.Clamp(hours * 3600, MinimumCheckpointIntervalSeconds, MaximumCheckpointIntervalSeconds);
        input.Log.Formula("snapshot.by.interval",
            $"min(86400, max(3600, ⌈{Figures.Number(writeSeconds, 0)} s to write a snapshot / {Figures.Number(CheckpointBusyShare, 2)} busy share / 3600⌉ × 3600))",
            $"{interval} s");
        return interval;
    }

    private static int WalIops(PlanningInputs input, string walMode)
    {
        var writes = input.WritesPerShard;
        if (writes <= 0)
        {
            input.Log.Formula("walIops", "no writes", "0");
            return 0;
        }

        int iops;
        if (walMode == "fsync")
        {
            // Worst case: one fsync per transaction. Group commit lowers it under load, so this is the ceiling.
            iops = Rounding.CeilDiv(writes, 1);
            input.Log.Formula("walIops", $"fsync: {Figures.Number(writes, 1)} wps × 1 synced write per commit (group commit only lowers it)", Figures.Integer(iops));
        }
        else
        {
            iops = Math.Max(1, Rounding.CeilDiv(writes * input.WalRowBytes, WriteBackIoBytes));
            input.Log.Formula("walIops", $"write: ⌈{Figures.Number(writes, 1)} wps × {input.WalRowBytes} B / 64 KiB page-cache write-back⌉", Figures.Integer(iops));
        }

        return iops;
    }

    private static double ReplicationMbps(PlanningInputs input, int members)
    {
        var replicas = members - 1;
        if (replicas <= 0)
        {
            input.Log.Formula("replicationBandwidthMbps", "no replicas", "0 Mbit/s");
            return 0;
        }

        // A master-master member ships only its own share of the writes; a leader ships all of its shard's.
        var writes = input.IsTrueMasterMaster ? input.Workload.WriteRps / (double)members : input.WritesPerShard;
        var mbps = Math.Round(writes * input.WalRowBytes * replicas * ReplicationOverhead * 8 / 1e6, 2);
        input.Log.Formula("replicationBandwidthMbps",
            $"{Figures.Number(writes, 1)} wps × {input.WalRowBytes} B × {replicas} replicas × {Figures.Number(ReplicationOverhead, 2)} × 8 / 10^6",
            $"{Figures.Number(mbps, 2)} Mbit/s");
        return mbps;
    }
}
