using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>The backup schedule installed by the deployment; it calls the backup phase's scripts under <c>backup/</c>.</summary>
public sealed record BackupSchedule
{
    [OneOf(typeof(DeploymentForms), nameof(DeploymentForms.BackupMechanisms))]
    [Description("systemd-timer (ansible-systemd form) or kubernetes-cronjob (kubernetes form).")]
    public required string Mechanism { get; init; }

    [Description("The full backup cron (UTC); equals the backup plan's fullBackupCron.")]
    public required string FullBackupCron { get; init; }

    [Description("The same schedule as a systemd OnCalendar expression (UTC).")]
    public required string FullBackupOnCalendar { get; init; }

    [Description("The restore rehearsal cron (UTC); equals the backup plan's verificationCron.")]
    public required string VerificationCron { get; init; }

    [Description("The restore rehearsal schedule as a systemd OnCalendar expression (UTC).")]
    public required string VerificationOnCalendar { get; init; }

    [Description("How often closed WAL files are shipped, in seconds; 0 when the backup plan does not archive WAL.")]
    public required int WalArchiveIntervalSeconds { get; init; }

    [Description("Days backups are kept; equals the backup plan's and the request's retention.")]
    public required int RetentionDays { get; init; }

    [Description("The instance backed up in each data replicaset (a replica when there is one, to spare the leader).")]
    public required IReadOnlyList<string> BackupInstances { get; init; }
}
