using System.ComponentModel;

namespace Tarantool.Agents.Plugins;

/// <summary>The result of <c>calculate_memtx_memory</c>.</summary>
public sealed record MemtxMemoryEstimate(
    [property: Description("memtx.memory per storage instance, in bytes.")] long MemtxMemoryBytes,
    [property: Description("The same, readable (e.g. '94.25 GiB').")] string MemtxMemory,
    [property: Description("Data size at the end of the horizon, in GB.")] double ProjectedDataSizeGb,
    [property: Description("Data per shard at the end of the horizon, in GB.")] double PerShardDataGb,
    [property: Description("RAM to provision per storage instance (memtx + copy-on-write reserve + runtime), in bytes.")] long RamPerInstanceBytes,
    [property: Description("The formulas applied, with inputs substituted.")] IReadOnlyList<string> Formulas);
