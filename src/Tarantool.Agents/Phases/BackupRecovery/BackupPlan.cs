using System.ComponentModel;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>Phase 3: recovery objectives and what achieves them.</summary>
public sealed record BackupPlan : IReportsWarnings
{
    [Description("Recovery point objective, in seconds of data that may be lost in the worst failure the plan covers (a lost replicaset restored from backups): the WAL archive interval with continuous archival, the full-backup period without it.")]
    public required int RpoSeconds { get; init; }

    [Description("Recovery time objective, in seconds until service is restored; no restore procedure may expect longer.")]
    public required int RtoSeconds { get; init; }

    [Description("How often a full backup (hot backup of a snapshot) runs, as a cron expression (UTC).")]
    public required string FullBackupCron { get; init; }

    [Description("snapshot.by.interval in seconds.")]
    public required int SnapshotIntervalSeconds { get; init; }

    [Description("snapshot.by.wal_size in bytes.")]
    public required long SnapshotWalSizeBytes { get; init; }

    [Description("snapshot.count.")]
    public required int SnapshotCount { get; init; }

    [Description("Whether closed WAL (xlog) files are shipped off-host continuously.")]
    public required bool ContinuousWalArchival { get; init; }

    [Description("How often WAL files are shipped, in seconds (0 when not archived).")]
    public required int WalArchiveIntervalSeconds { get; init; }

    [Description("Backup retention in days; equals the request's backup-retention-days.")]
    public required int RetentionDays { get; init; }

    [OneOf(typeof(StorageKinds), nameof(StorageKinds.All))]

    [Description("Where backups go: s3, azure-blob, gcs, nfs.")]
    public required string StorageKind { get; init; }

    [Description("The destination URI template with an {instance} placeholder and no credentials, e.g. s3://orders-production-backups/{instance}/, gs://bucket/{instance}/, https://account.blob.core.windows.net/container/{instance}/, file:///mnt/backups/{instance}/.")]
    public required string StorageUri { get; init; }

    [OneOf(typeof(BackupPlanValidator), nameof(BackupPlanValidator.BackupSources))]

    [Description("Which instance of each replicaset is backed up: replica (a non-leader member, to spare the leader's disk and CPU) or leader (only when replicasets have a single instance).")]
    public required string BackupSource { get; init; }

    [Description("Whether point-in-time recovery (snapshot + xlog replay to an LSN or time) is possible.")]
    public required bool PointInTimeRecovery { get; init; }

    [Description("How often a restore is rehearsed into a scratch instance, as a cron expression (UTC).")]
    public required string VerificationCron { get; init; }

    [Description("A restore procedure per failure: lost replica, lost leader, lost replicaset, logical corruption...")]
    public required IReadOnlyList<RestoreProcedure> Procedures { get; init; }

    [Description("The request's RPO or RTO targets the plan misses, each with the figure it reaches and what would meet the target, in the request's language.")]
    public IReadOnlyList<PhaseWarning> Warnings { get; init; } = [];
}
