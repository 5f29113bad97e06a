using System.Globalization;

namespace Tarantool.Agents.Phases.Deployment.Scheduling;

/// <summary>
/// Writes the backup job units under <c>deploy/systemd/</c> with their timers — full backup on the backup plan's cron
/// (as OnCalendar, UTC), WAL shipping every N seconds when the plan archives WAL, and the restore rehearsal. The
/// instances' own units are the containers phase's (<c>systemd/tarantool-&lt;app&gt;@.service</c> and its target),
/// which the playbooks and scripts install; none is written here, so a bundle has one unit per name.
/// </summary>
internal sealed class SystemdUnitsWriter
{
    public IEnumerable<(string Name, string Content)> Write(DeploymentPlan plan)
    {
        var schedule = plan.BackupSchedule;
        yield return (DeploymentLayout.BackupService, JobService(plan, "Full backup", "backup", "6h"));
        yield return (DeploymentLayout.BackupTimer, CalendarTimer(
            $"Full backup of {plan.AppName} (cron \"{schedule.FullBackupCron}\" UTC, kept {Days(schedule.RetentionDays)} days)",
            schedule.FullBackupOnCalendar, DeploymentLayout.BackupService));
        if (schedule.WalArchiveIntervalSeconds > 0)
        {
            yield return (DeploymentLayout.WalArchiveService, JobService(plan, "WAL shipping", "archive-wal", "15min"));
            yield return (DeploymentLayout.WalArchiveTimer, IntervalTimer(plan, schedule.WalArchiveIntervalSeconds));
        }
        yield return (DeploymentLayout.VerifyService, JobService(plan, "Restore rehearsal", "verify", "6h"));
        yield return (DeploymentLayout.VerifyTimer, CalendarTimer(
            $"Restore rehearsal of {plan.AppName} backups (cron \"{schedule.VerificationCron}\" UTC)",
            schedule.VerificationOnCalendar, DeploymentLayout.VerifyService));
    }

    private static string JobService(DeploymentPlan plan, string what, string job, string timeout) =>
        $"""
        [Unit]
        Description={what} of the {plan.AppName} Tarantool instances on this host
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=oneshot
        User=tarantool
        Group=tarantool
        EnvironmentFile={DeploymentLayout.BackupEnvFile(plan.AppName)}
        ExecStart={DeploymentLayout.OpsToolsDir}/backup-job.sh {job}
        TimeoutStartSec={timeout}
        Nice=10
        IOSchedulingClass=best-effort
        IOSchedulingPriority=7

        """;

    private static string CalendarTimer(string description, string onCalendar, string unit) =>
        $"""
        [Unit]
        Description={description}

        [Timer]
        OnCalendar={onCalendar}
        Persistent=true
        AccuracySec=1min
        Unit={unit}

        [Install]
        WantedBy=timers.target

        """;

    private static string IntervalTimer(DeploymentPlan plan, int seconds) =>
        $"""
        [Unit]
        Description=Ship closed WAL files of {plan.AppName} every {seconds.ToString(CultureInfo.InvariantCulture)} s

        [Timer]
        OnBootSec=2min
        OnUnitActiveSec={seconds.ToString(CultureInfo.InvariantCulture)}s
        AccuracySec=1s
        Unit={DeploymentLayout.WalArchiveService}

        [Install]
        WantedBy=timers.target

        """;

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
}
