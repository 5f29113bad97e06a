using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>The memory decisions of the plan.</summary>
internal sealed record MemoryFigures(
    StorageEngine Engine,
    double ProjectedDataSizeGb,
    double PerShardDataGb,
    long MemtxBytes,
    long RouterMemtxBytes,
    long VinylMemoryBytes,
    long VinylCacheBytes,
    long RamPerStorageInstanceBytes);
