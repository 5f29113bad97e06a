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

    public static IReadOnlyList<string> All { get; } =
    [
        InstanceDown, ReplicationLagHigh, ReplicationStopped, MemtxArenaNearlyFull, LuaMemoryHigh, LeaderChanged,
        NoLeader, ConfigNotReady, VinylRegulatorStalled, TransactionConflictsHigh, BackupTooOld, DiskSpaceLow,
    ];

    /// <summary>Alerts that only make sense with Raft election failover.</summary>
    public static IReadOnlyList<string> Election { get; } = [LeaderChanged, NoLeader];

    /// <summary>Alerts that only make sense when data lives in vinyl.</summary>
    public static IReadOnlyList<string> Vinyl { get; } = [VinylRegulatorStalled, TransactionConflictsHigh];

    /// <summary>GitHub-style anchor of the alert's <c>### </c> heading in docs/troubleshooting.md.</summary>
    public static string RunbookUrl(string alert) => $"docs/troubleshooting.md#{alert.ToLowerInvariant()}";
}
