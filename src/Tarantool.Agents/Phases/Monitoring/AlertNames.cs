namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>The shared alert names; docs/troubleshooting.md has a <c>### &lt;AlertName&gt;</c> runbook for each.</summary>
public static class AlertNames
{
    public const string InstanceDown = "TarantoolInstanceDown";
    public const string ReplicationLagHigh = "TarantoolReplicationLagHigh";
    public const string ReplicationStopped = "TarantoolReplicationStopped";
    public const string MemtxArenaNearlyFull = "TarantoolMemtxArenaNearlyFull";
    public const string LuaMemoryHigh = "TarantoolLuaMemoryHigh";
    public const string LeaderChanged = "TarantoolLeaderChanged";
    public const string NoLeader = "TarantoolNoLeader";
    public const string ConfigNotReady = "TarantoolConfigNotReady";
    public const string VinylRegulatorStalled = "TarantoolVinylRegulatorStalled";
    public const string TransactionConflictsHigh = "TarantoolTransactionConflictsHigh";
    public const string BackupTooOld = "TarantoolBackupTooOld";
    public const string DiskSpaceLow = "TarantoolDiskSpaceLow";
    public const string MemtxArenaFull = "TarantoolMemtxArenaFull";
    public const string MemtxItemsNearlyFull = "TarantoolMemtxItemsNearlyFull";
    public const string MemtxItemsFull = "TarantoolMemtxItemsFull";
    public const string ConfigErrors = "TarantoolConfigErrors";
    public const string EventLoopSlow = "TarantoolEventLoopSlow";
    public const string RequestsOverloaded = "TarantoolRequestsOverloaded";
    public const string BackupMissing = "TarantoolBackupMissing";
    public const string MemoryNearLimit = "TarantoolMemoryNearLimit";
    public const string MemoryAtLimit = "TarantoolMemoryAtLimit";
    public const string VshardBucketsStuck = "TarantoolVshardBucketsStuck";
    public const string VshardGarbageStuck = "TarantoolVshardGarbageBucketsStuck";
    public const string VshardBucketsUnbalanced = "TarantoolVshardBucketsUnbalanced";
    public const string VshardRouterBucketsUnreachable = "TarantoolVshardRouterBucketsUnreachable";
    public const string VshardServiceError = "TarantoolVshardServiceError";

    public static IReadOnlyList<string> All { get; } =
    [
        InstanceDown, ReplicationLagHigh, ReplicationStopped, MemtxArenaNearlyFull, LuaMemoryHigh, LeaderChanged,
        NoLeader, ConfigNotReady, VinylRegulatorStalled, TransactionConflictsHigh, BackupTooOld, DiskSpaceLow,
        MemtxArenaFull, MemtxItemsNearlyFull, MemtxItemsFull, ConfigErrors, EventLoopSlow, RequestsOverloaded, BackupMissing,
        MemoryNearLimit, MemoryAtLimit,
    ];

    /// <summary>Alerts of sharded clusters, on the vshard gauges the bundle's collector exports
    /// (<see cref="ClusterConfig.VshardMetricsLua"/>). They are not in <see cref="All"/>: their runbook is the
    /// troubleshooting guide's stuck-buckets section, which only sharded bundles have (<see cref="VshardRunbook"/>).</summary>
    public static IReadOnlyList<string> Vshard { get; } =
        [VshardBucketsStuck, VshardGarbageStuck, VshardBucketsUnbalanced, VshardRouterBucketsUnreachable, VshardServiceError];

    /// <summary>Alerts that read the Tarantool 3.x config module's metrics (tnt_config_status, tnt_config_alerts).</summary>
    public static IReadOnlyList<string> Config { get; } = [ConfigNotReady, ConfigErrors];

    /// <summary>Alerts that only make sense with Raft election failover.</summary>
    public static IReadOnlyList<string> Election { get; } = [LeaderChanged, NoLeader];

    /// <summary>Alerts that only make sense when data lives in vinyl.</summary>
    public static IReadOnlyList<string> Vinyl { get; } = [VinylRegulatorStalled, TransactionConflictsHigh];

    /// <summary>GitHub-style anchor of the alert's <c>### </c> heading in docs/troubleshooting.md; vshard alerts link
    /// to the stuck-buckets section, whose heading is in the bundle's language.</summary>
    public static string RunbookUrl(string alert, Requests.Language language = Requests.Language.En) =>
        Vshard.Contains(alert) ? VshardRunbook.Url(language) : $"docs/troubleshooting.md#{alert.ToLowerInvariant()}";
}
