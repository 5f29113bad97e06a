using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Sizes memory: the data at the horizon per shard, the arena that holds it with its indexes, the engine that
/// fits, and the RAM a host must give each instance (the arena, which also holds what a checkpoint's read view keeps
/// alive, + vinyl memory + runtime).
/// </summary>
internal static class MemoryPlanner
{
    public static MemoryFigures Plan(PlanningInputs input)
    {
        var (w, log, profile) = (input.Workload, input.Log, input.Profile);
        var projected = Math.Round(w.DataAt(w.HorizonMonths), 2);
        log.Formula("projectedDataSizeGb",
            $"{Figures.Number(w.DataSizeGb, 3)} GB × (1 + {Figures.Number(w.GrowthPercentPerYear / 100, 3)})^({w.HorizonMonths} / 12)",
            Units.Gb(projected));

        var perShard = projected / input.Shards;
        log.Formula("perShardDataGb", input.IsTrueMasterMaster
                ? $"{Figures.Number(projected, 2)} GB (every master holds the whole data set)"
                : $"{Figures.Number(projected, 2)} GB / {input.Shards} storage replicaset(s)",
            Units.Gb(perShard));

        var required = RequiredBytes(perShard);
        log.Formula("memtxRequired",
            $"{Figures.Number(perShard, 2)} GB × 10^9 × (1 + {Figures.Number(IndexOverhead, 2)}) × {Figures.Number(AllocatorFactor, 2)} × {Figures.Number(MemoryHeadroom, 2)}",
            Figures.Bytes((long)required));

        var engine = ChooseEngine(input, required);
        long memtx, vinylMemory = 0, vinylCache = 0;
        if (engine == StorageEngine.Memtx)
        {
            // A checkpoint writes a read view of the indexes from inside the arena (no fork): tuples replaced or
            // deleted while the snapshot is written stay allocated until it is done, so the arena holds them too.
            var retained = CheckpointRetainedBytes(input, input.Shards);
            log.Formula("checkpointReadView",
                $"min({Figures.Number(input.WritesPerShard, 1)} wps × {Figures.Number(SnapshotWriteSeconds(perShard), 0)} s writing a {Figures.Number(perShard, 2)} GB snapshot at {Figures.Number(RecoveryRates.SnapshotWriteMBps, 0)} MB/s × {input.Workload.AverageRecordBytes} B × {Figures.Number(AllocatorFactor, 2)}, the shard's tuples)",
                Figures.Bytes((long)retained));
            memtx = ArenaBytes(input, input.Shards);
            log.Formula("memtx.memory",
                $"max({Figures.Bytes(profile.MemtxFloorBytes)} floor, ⌈({Figures.Bytes((long)required)} + {Figures.Bytes((long)retained)} checkpoint read view) / 256 MiB⌉ × 256 MiB)",
                Figures.Bytes(memtx));
        }
        else
        {
            memtx = profile.MemtxFloorBytes;
            log.Formula("memtx.memory", $"vinyl keeps user data on disk; memtx holds system and small reference spaces → floor {Figures.Bytes(memtx)}", Figures.Bytes(memtx));
            var l0 = 2 * input.WritesPerShard * input.WalRowBytes * VinylL0Seconds;
            vinylMemory = Math.Clamp(Rounding.UpTo(l0, MemtxStepBytes), 256 * Mib, 4 * Gib);
            log.Formula("vinyl.memory",
                $"clamp(2 × {Figures.Number(input.WritesPerShard, 1)} wps × {input.WalRowBytes} B × {VinylL0Seconds} s, 256 MiB, 4 GiB)",
                Figures.Bytes(vinylMemory));
            vinylCache = Math.Clamp(Rounding.UpTo(perShard * BytesPerGb * VinylCacheShare, MemtxStepBytes), 512 * Mib, 32 * Gib);
            log.Formula("vinyl.cache",
                $"clamp({Figures.Number(perShard, 2)} GB × 10^9 × {Figures.Number(VinylCacheShare, 2)}, 512 MiB, 32 GiB)",
                Figures.Bytes(vinylCache));
        }

        // No copy-on-write reserve outside the arena: memtx checkpoints do not fork (the read view lives in the arena).
        var ram = Rounding.UpTo(memtx + vinylMemory + vinylCache + RuntimeReserveBytes, MemtxStepBytes);
        log.Formula("ramPerStorageInstance",
            $"{Figures.Bytes(memtx)} arena + {Figures.Bytes(vinylMemory + vinylCache)} vinyl + {Figures.Bytes(RuntimeReserveBytes)} runtime",
            Figures.Bytes(ram));

        var router = ClusterShape.UsesVshard(input.Request) ? profile.RouterMemtxBytes : 0;
        if (router > 0)
            log.Formula("routerMemtxMemory", "routers keep no user data: bucket map, connection buffers, Lua", Figures.Bytes(router));

        return new MemoryFigures(engine, projected, perShard, memtx, router, vinylMemory, vinylCache, ram);
    }

    /// <summary>Arena for the tuples and indexes of one shard at the horizon, before rounding.</summary>
    public static double RequiredBytes(double perShardGb) =>
        perShardGb * BytesPerGb * (1 + IndexOverhead) * AllocatorFactor * MemoryHeadroom;

    /// <summary>
    /// <c>memtx.memory</c> of a storage instance when the data is spread over <paramref name="shards"/>;
    /// <paramref name="asSharded"/> asks what it would be if the cluster sharded (even a master-master one, whose
    /// members otherwise each hold all the data).
    /// </summary>
    public static long ArenaBytes(PlanningInputs input, int shards, bool asSharded = false)
    {
        var perShard = PerShardGb(input, shards, asSharded);
        return Math.Max(input.Profile.MemtxFloorBytes,
            Rounding.UpTo(RequiredBytes(perShard) + CheckpointRetainedBytes(input, shards, asSharded), MemtxStepBytes));
    }

    /// <summary>
    /// What a checkpoint's read view keeps alive in the arena: the old versions of tuples written while the snapshot
    /// is being written (every write taken as a replace), never more than the shard's tuples.
    /// </summary>
    public static double CheckpointRetainedBytes(PlanningInputs input, int shards, bool asSharded = false)
    {
        var perShard = PerShardGb(input, shards, asSharded);
        var writes = input.Workload.WriteRps / (double)Math.Max(1, shards);
        var retained = writes * SnapshotWriteSeconds(perShard) * input.Workload.AverageRecordBytes * AllocatorFactor;
        return Math.Min(retained, perShard * BytesPerGb * AllocatorFactor);
    }

    /// <summary>Seconds to write a snapshot of <paramref name="snapshotGb"/> (a snapshot holds tuples, not indexes).</summary>
    public static double SnapshotWriteSeconds(double snapshotGb) => snapshotGb * 1000 / RecoveryRates.SnapshotWriteMBps;

    private static double PerShardGb(PlanningInputs input, int shards, bool asSharded) =>
        Math.Round(input.Workload.DataAt(input.Workload.HorizonMonths), 2) / (input.IsTrueMasterMaster && !asSharded ? 1 : Math.Max(1, shards));

    private static StorageEngine ChooseEngine(PlanningInputs input, double required)
    {
        var log = input.Log;
        if (input.Workload.RequestedEngine is { } asked)
        {
            log.Formula("engine", "requested by the user", asked.ToString().ToLowerInvariant());
            return asked;
        }

        var vinyl = required > VinylThresholdBytes;
        log.Formula("engine",
            $"{Figures.Bytes((long)required)} per instance {(vinyl ? ">" : "≤")} {Figures.Bytes(VinylThresholdBytes)} affordable RAM",
            vinyl ? "vinyl" : "memtx");
        log.Assume("engine", vinyl ? "vinyl" : "memtx", vinyl
            ? input.T($"no engine was asked for; the arena needed per instance ({Figures.Bytes((long)required)}) is far above {Figures.Bytes(VinylThresholdBytes)} of affordable RAM, so the data lives on disk in vinyl",
                $"движок не указан; нужная арена на инстанс ({Figures.Bytes((long)required)}) далеко за пределом {Figures.Bytes(VinylThresholdBytes)} доступной RAM, поэтому данные хранятся на диске в vinyl")
            : input.T($"no engine was asked for; the data fits in RAM ({Figures.Bytes((long)required)} per instance), so memtx gives the lowest latency",
                $"движок не указан; данные помещаются в RAM ({Figures.Bytes((long)required)} на инстанс), поэтому memtx даёт наименьшие задержки"));
        return vinyl ? StorageEngine.Vinyl : StorageEngine.Memtx;
    }
}
