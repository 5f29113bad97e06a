namespace Tarantool.Agents.Phases.Deployment;

/// <summary>The backup schedule installed by the deployment; it calls the backup phase's scripts under <c>backup/</c>.</summary>
public sealed record BackupSchedule
{
    /// <summary><c>systemd-timer</c> (ansible-systemd form) or <c>kubernetes-cronjob</c> (kubernetes form).</summary>
    public required string Mechanism { get; init; }

    /// <summary>The full backup cron (UTC); equals the backup plan's fullBackupCron.</summary>
    public required string FullBackupCron { get; init; }

    /// <summary>The same schedule as a systemd OnCalendar expression (UTC).</summary>
    public required string FullBackupOnCalendar { get; init; }

    /// <summary>The restore rehearsal cron (UTC); equals the backup plan's verificationCron.</summary>
    public required string VerificationCron { get; init; }

    /// <summary>The restore rehearsal schedule as a systemd OnCalendar expression (UTC).</summary>
    public required string VerificationOnCalendar { get; init; }

    /// <summary>How often closed WAL files are shipped, in seconds; 0 when the backup plan does not archive WAL.</summary>
    public required int WalArchiveIntervalSeconds { get; init; }

    /// <summary>Days backups are kept; equals the backup plan's and the request's retention.</summary>
    public required int RetentionDays { get; init; }

    /// <summary>The instance backed up in each data replicaset (a replica when there is one, to spare the leader).</summary>
    public required IReadOnlyList<string> BackupInstances { get; init; }
}
