using System.ComponentModel;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>The contract with the backup job: after each successful backup it publishes a timestamp metric.</summary>
public sealed record BackupFreshness
{
    [Description("Gauge the backup script sets to the Unix time of its last success, labelled by replicaset, e.g. tarantool_backup_last_success_timestamp_seconds.")]
    public required string MetricName { get; init; }

    [Description("node-exporter-textfile (VMs: a .prom file in the textfile collector directory) or pushgateway (Kubernetes CronJobs push to a Pushgateway).")]
    public required string Exporter { get; init; }

    [Description("Pushgateway address (host:port) when pushed; the textfile directory when written to files.")]
    public required string Location { get; init; }

    [Description("Seconds between scheduled full backups, derived from the backup plan's cron expression.")]
    public required int BackupIntervalSeconds { get; init; }
}
