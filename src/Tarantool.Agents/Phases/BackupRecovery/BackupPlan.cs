namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>Phase 3: recovery objectives and what achieves them.</summary>
public sealed record BackupPlan : IReportsWarnings
{
    /// <summary>Recovery point objective, in seconds of data that may be lost in the worst failure the plan covers
    /// (a lost replicaset restored from backups): the WAL archive interval with continuous archival, the full-backup
    /// period without it.</summary>
    public required int RpoSeconds { get; init; }

    /// <summary>Recovery time objective, in seconds until service is restored; no restore procedure may expect
    /// longer.</summary>
    public required int RtoSeconds { get; init; }

    /// <summary>How often a full backup (hot backup of a snapshot) runs, as a cron expression (UTC).</summary>
    public required string FullBackupCron { get; init; }

    /// <summary><c>snapshot.by.interval</c> in seconds.</summary>
    public required int SnapshotIntervalSeconds { get; init; }

    /// <summary><c>snapshot.by.wal_size</c> in bytes.</summary>
    public required long SnapshotWalSizeBytes { get; init; }

    /// <summary><c>snapshot.count</c>.</summary>
    public required int SnapshotCount { get; init; }

    /// <summary>Whether closed WAL (xlog) files are shipped off-host continuously.</summary>
    public required bool ContinuousWalArchival { get; init; }

    /// <summary>How often WAL files are shipped, in seconds (0 when not archived).</summary>
    public required int WalArchiveIntervalSeconds { get; init; }

    /// <summary>Backup retention in days; equals the request's backup-retention-days.</summary>
    public required int RetentionDays { get; init; }

    /// <summary>Where backups go: <c>s3</c>, <c>azure-blob</c>, <c>gcs</c>, <c>nfs</c>.</summary>
    public required string StorageKind { get; init; }

    /// <summary>The destination URI template with an <c>{instance}</c> placeholder and no credentials, e.g.
    /// <c>s3://orders-production-backups/{instance}/</c>, <c>gs://bucket/{instance}/</c>,
    /// <c>https://account.blob.core.windows.net/container/{instance}/</c>, <c>file:///mnt/backups/{instance}/</c>.</summary>
    public required string StorageUri { get; init; }

    /// <summary>Which instance of each replicaset is backed up: <c>replica</c> (a non-leader member, to spare the
    /// leader's disk and CPU) or <c>leader</c> (only when replicasets have a single instance).</summary>
    public required string BackupSource { get; init; }

    /// <summary>Whether point-in-time recovery (snapshot + xlog replay to an LSN or time) is possible.</summary>
    public required bool PointInTimeRecovery { get; init; }

    /// <summary>How often a restore is rehearsed into a scratch instance, as a cron expression (UTC).</summary>
    public required string VerificationCron { get; init; }

    /// <summary>A restore procedure per failure: lost replica, lost leader, lost replicaset, logical corruption...</summary>
    public required IReadOnlyList<RestoreProcedure> Procedures { get; init; }

    /// <summary>The request's RPO or RTO targets the plan misses, each with the figure it reaches and what would
    /// meet the target, in the request's language.</summary>
    public IReadOnlyList<PhaseWarning> Warnings { get; init; } = [];
}
