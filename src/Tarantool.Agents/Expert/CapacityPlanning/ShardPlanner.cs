using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// The shard count when the request left it to the plan: the fewest storage replicasets, never below the default,
/// that keep every storage instance's arena under the memtx ceiling at the horizon (or its vinyl data under the
/// vinyl ceiling). A count the user gave is kept as given; whether it holds the data is the warnings' business.
/// </summary>
internal static class ShardPlanner
{
    public static PlanningInputs Choose(PlanningInputs input)
    {
        var request = input.Request;
        if (!ClusterShape.ShardCountIsComputed(request)) return input;

        var start = Math.Max(2, input.Shards);
        var vinyl = Engine(input, start) == StorageEngine.Vinyl;
        var projected = Math.Round(input.Workload.DataAt(input.Workload.HorizonMonths), 2);
        int shards;
        if (vinyl)
        {
            shards = Math.Clamp(Rounding.CeilDiv(projected, VinylDataCeilingGb), start, MemtxCeiling.MaximumShards);
            input.Log.Formula("shardCount",
                $"max({start} default, ⌈{Figures.Number(projected, 2)} GB at the horizon / {Figures.Number(VinylDataCeilingGb, 0)} GB vinyl data per instance⌉)",
                Figures.Integer(shards));
        }
        else
        {
            shards = start;
            while (shards < MemtxCeiling.MaximumShards && MemoryPlanner.ArenaBytes(input, shards) > MemtxCeilingBytes) shards++;
            input.Log.Formula("shardCount",
                $"the fewest shards ≥ {start} (the default) whose memtx.memory at the horizon ({Figures.Bytes(MemoryPlanner.ArenaBytes(input, shards))} with {shards}) stays ≤ the {Figures.Bytes(MemtxCeilingBytes)} ceiling",
                Figures.Integer(shards));
        }

        input.Log.Assume("shardCount", Figures.Integer(shards), shards == start
            ? input.T($"no shard count was given; computed: the default {start} already keeps each storage instance within the ceiling over the horizon",
                $"число шардов не указано; вычислено: {start} по умолчанию уже удерживают каждый инстанс хранения в пределах потолка на всём горизонте")
            : input.T($"no shard count was given; computed: {shards} shards keep each storage instance within the {(vinyl ? $"{Figures.Number(VinylDataCeilingGb, 0)} GB vinyl data" : $"{Figures.Bytes(MemtxCeilingBytes)} memtx")} ceiling at the horizon, where the default {start} would not",
                $"число шардов не указано; вычислено: {shards} шардов удерживают каждый инстанс хранения в пределах потолка {(vinyl ? $"{Figures.Number(VinylDataCeilingGb, 0)} GB данных vinyl" : $"{Figures.Bytes(MemtxCeilingBytes)} memtx")} к концу горизонта, а {start} по умолчанию — нет"));
        return input with { Shards = shards };
    }

    /// <summary>The engine as <see cref="MemoryPlanner"/> will choose it with <paramref name="shards"/> shards.</summary>
    private static StorageEngine Engine(PlanningInputs input, int shards)
    {
        if (input.Workload.RequestedEngine is { } asked) return asked;
        var perShard = Math.Round(input.Workload.DataAt(input.Workload.HorizonMonths), 2) / shards;
        return MemoryPlanner.RequiredBytes(perShard) > VinylThresholdBytes ? StorageEngine.Vinyl : StorageEngine.Memtx;
    }
}
