namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Enabled">True when the capacity plan chose vinyl as the storage engine.</param>
/// <param name="MemoryBytes"><c>vinyl.memory</c>; equals the capacity plan's VinylMemoryBytes.</param>
/// <param name="CacheBytes"><c>vinyl.cache</c>; equals the capacity plan's VinylCacheBytes.</param>
/// <param name="ReadThreads"><c>vinyl.read_threads</c>.</param>
/// <param name="WriteThreads"><c>vinyl.write_threads</c> (at least 2: one dump, one compaction).</param>
/// <param name="BloomFpr"><c>vinyl.bloom_fpr</c>, the bloom filter false positive rate.</param>
public sealed record VinylSettings(bool Enabled, long MemoryBytes, long CacheBytes, int ReadThreads, int WriteThreads, double BloomFpr);
