namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>
/// The ceiling on a storage instance's memtx arena: its bounds, and how many shards keep an arena under it. Shared
/// by the capacity expert, its validator and the warnings, so all three name the same count.
/// </summary>
public static class MemtxCeiling
{
    private const long Gib = 1024L * 1024 * 1024;

    /// <summary>Below this, a ceiling splits ordinary data sets into needlessly many shards.</summary>
    public const long MinimumBytes = 32 * Gib;

    /// <summary>Above this, a restart or a replica rejoin takes well over ten minutes on commodity disks and links.</summary>
    public const long MaximumBytes = 128 * Gib;

    /// <summary>Most shards a request may have (the intake's limit); no count above it is proposed.</summary>
    public const int MaximumShards = 1024;

    /// <summary>
    /// Shards that bring an arena of <paramref name="arenaBytes"/> with <paramref name="shards"/> shards under
    /// <paramref name="ceilingBytes"/>: the arena holds the data of one shard, so it shrinks in proportion.
    /// </summary>
    public static int ShardsToFit(long arenaBytes, int shards, long ceilingBytes)
    {
        if (ceilingBytes <= 0 || arenaBytes <= ceilingBytes) return Math.Max(1, shards);
        var needed = (long)Math.Ceiling(arenaBytes * (double)Math.Max(1, shards) / ceilingBytes);
        return (int)Math.Min(MaximumShards, Math.Max(shards + 1, needed));
    }
}
