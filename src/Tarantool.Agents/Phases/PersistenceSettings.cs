using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;

namespace Tarantool.Agents.Phases;

/// <summary>
/// The persistence settings three phases must agree on: <c>snapshot.by.interval</c>, <c>snapshot.count</c>,
/// <c>wal.mode</c> and <c>snapshot.by.wal_size</c>. The capacity plan sizes the disks for them, the backup plan
/// schedules around them and <c>config.yaml</c> sets them; the backup and configuration validators compare each phase
/// with the ones before it through <see cref="Differences"/>, so a drift in any of them is refused.
/// </summary>
/// <param name="WalMode">null where a phase does not decide it (the backup plan).</param>
/// <param name="SnapshotWalSizeBytes">null where a phase does not decide it (the capacity plan budgets WAL in GB).</param>
public sealed record PersistenceSettings(int SnapshotIntervalSeconds, int SnapshotCount, string? WalMode, long? SnapshotWalSizeBytes)
{
    /// <summary>The <c>wal.mode</c> values a plan may choose: <c>none</c> loses every write since the last snapshot.</summary>
    public static readonly IReadOnlyList<string> WalModes = ["fsync", "write"];

    public static PersistenceSettings From(CapacityPlan plan) => new(plan.SnapshotIntervalSeconds, plan.SnapshotCount, plan.WalMode, null);

    public static PersistenceSettings From(BackupPlan plan) => new(plan.SnapshotIntervalSeconds, plan.SnapshotCount, null, plan.SnapshotWalSizeBytes);

    public static PersistenceSettings From(ClusterConfiguration config) =>
        new(config.SnapshotIntervalSeconds, config.SnapshotCount, config.WalMode, config.SnapshotWalSizeBytes);

    /// <summary>Every setting both sides decide and that differs: the config key, this side's value, the other's.</summary>
    public IReadOnlyList<(string Key, string Expected, string Actual)> Differences(PersistenceSettings actual)
    {
        var list = new List<(string, string, string)>();
        if (SnapshotIntervalSeconds != actual.SnapshotIntervalSeconds)
            list.Add(("snapshot.by.interval", $"{SnapshotIntervalSeconds}", $"{actual.SnapshotIntervalSeconds}"));
        if (SnapshotCount != actual.SnapshotCount)
            list.Add(("snapshot.count", $"{SnapshotCount}", $"{actual.SnapshotCount}"));
        if (WalMode is not null && actual.WalMode is not null && WalMode != actual.WalMode)
            list.Add(("wal.mode", WalMode, actual.WalMode));
        if (SnapshotWalSizeBytes is { } size && actual.SnapshotWalSizeBytes is { } other && size != other)
            list.Add(("snapshot.by.wal_size", $"{size}", $"{other}"));
        return list;
    }
}
