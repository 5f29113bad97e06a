using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>The workload figures the plan uses: the user's where given, stated assumptions otherwise.</summary>
internal sealed record ResolvedWorkload(
    double DataSizeGb,
    int AverageRecordBytes,
    int ReadRps,
    int WriteRps,
    double GrowthPercentPerYear,
    int HorizonMonths,
    StorageEngine? RequestedEngine)
{
    public int TotalRps => ReadRps + WriteRps;

    /// <summary>Compound growth over <paramref name="months"/>: data × (1 + g)^(months / 12).</summary>
    public double DataAt(int months) => DataSizeGb * Math.Pow(1 + GrowthPercentPerYear / 100, months / 12.0);
}
