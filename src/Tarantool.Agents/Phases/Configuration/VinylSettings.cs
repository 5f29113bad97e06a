using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record VinylSettings(
    [property: Description("True when the capacity plan chose vinyl as the storage engine.")] bool Enabled,
    [property: Description("vinyl.memory; equals the capacity plan's VinylMemoryBytes.")] long MemoryBytes,
    [property: Description("vinyl.cache; equals the capacity plan's VinylCacheBytes.")] long CacheBytes,
    [property: Description("vinyl.read_threads.")] int ReadThreads,
    [property: Description("vinyl.write_threads (at least 2: one dump, one compaction).")] int WriteThreads,
    [property: Description("vinyl.bloom_fpr, the bloom filter false positive rate.")] double BloomFpr);
