namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>The timing decisions of a backup plan, before they are copied into <c>BackupPlan</c>.</summary>
/// <param name="FullBackupPeriodHours">Hours between full backups.</param>
/// <param name="WorstReplayRows">Rows to replay after the newest full backup in the worst case.</param>
/// <param name="ReplayBudgetSeconds">The native replay time the full-backup period was chosen to stay under; 0 when unbounded.</param>
public sealed record BackupSchedule(
    int SnapshotIntervalSeconds,
    long SnapshotWalSizeBytes,
    bool ContinuousWalArchival,
    int WalArchiveIntervalSeconds,
    int FullBackupPeriodHours,
    string FullBackupCron,
    string VerificationCron,
    double SnapshotWriteSeconds,
    double WorstReplayRows,
    int ReplayBudgetSeconds);
