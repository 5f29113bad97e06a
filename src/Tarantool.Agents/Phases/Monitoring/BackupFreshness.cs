namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>The contract with the backup job: after each successful backup it publishes a timestamp metric.</summary>
public sealed record BackupFreshness
{
    /// <summary>Gauge the backup script sets to the Unix time of its last success, labelled by <c>replicaset</c>,
    /// e.g. <c>tarantool_backup_last_success_timestamp_seconds</c>.</summary>
    public required string MetricName { get; init; }

    /// <summary><c>node-exporter-textfile</c> (VMs: a .prom file in the textfile collector directory) or
    /// <c>pushgateway</c> (Kubernetes CronJobs push to a Pushgateway).</summary>
    public required string Exporter { get; init; }

    /// <summary>Pushgateway address (<c>host:port</c>) when pushed; the textfile directory when written to files.</summary>
    public required string Location { get; init; }

    /// <summary>Seconds between scheduled full backups, derived from the backup plan's cron expression.</summary>
    public required int BackupIntervalSeconds { get; init; }
}
