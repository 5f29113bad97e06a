using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Projects the data over the horizon and sizes vshard's bucket count, which is fixed at bootstrap and so must
/// already allow the largest cluster the growth may call for.
/// </summary>
internal static class GrowthPlanner
{
    public static IReadOnlyList<GrowthPoint> Project(PlanningInputs input, MemoryFigures memory)
    {
        var w = input.Workload;
        var step = w.HorizonMonths <= 24 ? 6 : 12;
        var months = Enumerable.Range(0, w.HorizonMonths / step + 1).Select(i => i * step).ToList();
        if (months[^1] != w.HorizonMonths) months.Add(w.HorizonMonths);

        var points = months.Select(m =>
        {
            var data = m == w.HorizonMonths ? memory.ProjectedDataSizeGb : Math.Round(w.DataAt(m), 2);
            return new GrowthPoint(m, data, ShardsNeeded(data, memory.Engine), MemtxAt(input, memory, data));
        }).ToList();

        var last = points[^1];
        input.Log.Formula("shardsNeededAtHorizon", memory.Engine == StorageEngine.Vinyl
                ? $"⌈{Figures.Number(last.DataSizeGb, 2)} GB / {Figures.Number(VinylDataCeilingGb, 0)} GB vinyl data per instance⌉"
                : $"⌈{Figures.Number(last.DataSizeGb, 2)} GB × 10^9 × {Figures.Number(MemoryFactor, 3)} / {Figures.Bytes(MemtxCeilingBytes)} memtx ceiling per instance⌉",
            Figures.Integer(last.ShardsNeeded));
        return points;
    }

    /// <summary>
    /// max(3000, 1000 buckets × the largest replicaset count foreseen: 4 × today's, or what the growth needs).
    /// </summary>
    public static int BucketCount(PlanningInputs input, int shardsNeededAtHorizon)
    {
        if (!ClusterShape.UsesVshard(input.Request)) return 0;
        var count = BucketCount(input.Shards, shardsNeededAtHorizon);
        input.Log.Formula("bucketCount",
            $"max({MinimumBucketCount}, {BucketsPerReplicaset} × max({ScaleOutFactor} × {input.Shards} replicasets, {shardsNeededAtHorizon} needed at the horizon))",
            Figures.Integer(count));
        return count;
    }

    public static int BucketCount(int shards, int shardsNeededAtHorizon) =>
        Math.Max(MinimumBucketCount, BucketsPerReplicaset * Math.Max(ScaleOutFactor * Math.Max(1, shards), shardsNeededAtHorizon));

    /// <summary>Memory per GB of tuples: indexes × allocator × headroom.</summary>
    public static double MemoryFactor => (1 + IndexOverhead) * AllocatorFactor * MemoryHeadroom;

    public static int ShardsNeeded(double dataGb, StorageEngine engine) => engine == StorageEngine.Vinyl
        ? Math.Max(1, Rounding.CeilDiv(dataGb, VinylDataCeilingGb))
        : Math.Max(1, Rounding.CeilDiv(dataGb * BytesPerGb * MemoryFactor, MemtxCeilingBytes));

    private static long MemtxAt(PlanningInputs input, MemoryFigures memory, double dataGb) =>
        memory.Engine == StorageEngine.Vinyl
            ? memory.MemtxBytes
            : Math.Max(input.Profile.MemtxFloorBytes, Rounding.UpTo(dataGb / input.Shards * BytesPerGb * MemoryFactor, MemtxStepBytes));
}
