using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// The capacity risks a user must see in <c>bundle.json</c> and the terminal summary, not only in the narrative:
/// today, a storage arena above the memtx ceiling, with what it costs (restart and rejoin time), the shard count that
/// would fit and the other ways out (vinyl; for a cluster type that cannot shard, a sharded cluster).
/// </summary>
internal static class CapacityWarnings
{
    public const string ArenaAboveCeiling = CapacityPlanValidator.CeilingCode;

    public static IReadOnlyList<PhaseWarning> For(PlanningInputs input, MemoryFigures memory, DiskFigures disk)
    {
        if (memory.Engine != StorageEngine.Memtx || memory.MemtxBytes <= MemtxCeilingBytes) return [];

        var request = input.Request;
        var shards = input.Shards;
        var fit = ShardsThatFit(input);
        var restart = Durations.Text(SnapshotRecoverySeconds(disk.SnapshotSizeGb), input.Language);
        var rejoin = Durations.Text(disk.SnapshotSizeGb * 1000 / RecoveryRates.ReplicaJoinMBps, input.Language);
        var arena = Figures.Bytes(memory.MemtxBytes);
        var ceiling = Figures.Bytes(MemtxCeilingBytes);
        var snapshot = Figures.Gb(disk.SnapshotSizeGb);
        var month = input.Workload.HorizonMonths;
        var cost = input.T(
            $"a memtx arena of {arena} per storage instance at month {month}, above the {ceiling} ceiling: a restart reads a {snapshot} snapshot for about {restart} and a replica rejoin ships it for about {rejoin}.",
            $"арену memtx {arena} на инстанс хранения к {month}-му месяцу — выше потолка {ceiling}: рестарт читает снимок {snapshot} около {restart}, а пересоздание реплики передаёт его около {rejoin}.");

        string message;
        if (!ClusterShape.CanShard(request))
            message = input.T(
                $"A {EnumText.Kebab(request.ClusterType)} cluster cannot shard, so one replicaset holds all the data: {cost} Ways out: a sharded cluster (--cluster-type sharded) with {fit} shards keeps every arena within the ceiling; or keep the data, or its cold part, in vinyl (engine vinyl), which needs far less RAM.",
                $"Кластер типа {EnumText.Kebab(request.ClusterType)} не шардируется, поэтому все данные в одном наборе реплик: {cost} Варианты: шардированный кластер (--cluster-type sharded) из {fit} шардов удержит каждую арену в пределах потолка; или хранить данные (или их холодную часть) в vinyl (движок vinyl), которому нужно намного меньше RAM.");
        else if (!request.EnableSharding)
            message = input.T(
                $"Sharding is off, so one storage replicaset holds all the data: {cost} Ways out: enable sharding with {fit} shards (--enable-sharding true --shard-count {fit}); or keep the cold data in vinyl (engine vinyl).",
                $"Шардирование выключено, поэтому все данные в одном наборе реплик хранения: {cost} Варианты: включить шардирование на {fit} шардов (--enable-sharding true --shard-count {fit}); или хранить холодные данные в vinyl (движок vinyl).");
        else if (fit > shards)
            message = input.T(
                $"The {shards} shards {(ClusterShape.ShardCountIsComputed(request) ? "planned" : "you asked for")} leave {cost} {fit} shards would keep every arena within the ceiling (--shard-count {fit}); the plan keeps your count. Alternatively keep the cold data in vinyl (engine vinyl).",
                $"{LanguageText.Ru(shards, "шард", "шарда", "шардов")} {(ClusterShape.ShardCountIsComputed(request) ? "в плане" : "по запросу")} дают {cost} {LanguageText.Ru(fit, "шард", "шарда", "шардов")} удержат каждую арену в пределах потолка (--shard-count {fit}); план сохраняет ваше число. Или храните холодные данные в vinyl (движок vinyl).");
        else
            message = input.T(
                $"Even {shards} shards, the most a request may have, leave {cost} Keep the data, or its cold part, in vinyl (engine vinyl).",
                $"Даже {LanguageText.Ru(shards, "шард", "шарда", "шардов")} — наибольшее допустимое число — дают {cost} Храните данные (или их холодную часть) в vinyl (движок vinyl).");
        // Russian prose takes a decimal comma, as the narrative that quotes this warning does.
        return [new PhaseWarning(ArenaAboveCeiling, input.Language == Language.Ru ? Narratives.RussianText.DecimalCommas(message) : message)];
    }

    /// <summary>Seconds to read a snapshot of <paramref name="snapshotGb"/> and rebuild its indexes.</summary>
    public static int SnapshotRecoverySeconds(double snapshotGb) =>
        (int)Math.Ceiling(snapshotGb * 1000 / RecoveryRates.SnapshotLoadMBps);

    /// <summary>The fewest shards (up to the request limit) whose arena at the horizon stays within the ceiling.</summary>
    private static int ShardsThatFit(PlanningInputs input)
    {
        var shards = Math.Max(2, input.Shards);
        while (shards < MemtxCeiling.MaximumShards && MemoryPlanner.ArenaBytes(input, shards, asSharded: true) > MemtxCeilingBytes) shards++;
        return shards;
    }
}
