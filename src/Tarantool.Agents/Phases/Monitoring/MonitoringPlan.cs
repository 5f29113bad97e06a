using System.ComponentModel;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Phase 7: what Prometheus scrapes, which alerts fire at which thresholds (and why), where each alert's runbook
/// is, and the Grafana dashboards. Only metric names the Tarantool metrics module (and the named exporters) really
/// export may appear in expressions.
/// </summary>
public sealed record MonitoringPlan
{
    [Description("Prometheus scrape_interval in seconds (5–60).")]
    public required int ScrapeIntervalSeconds { get; init; }

    [Description("Prometheus evaluation_interval in seconds (5–60).")]
    public required int EvaluationIntervalSeconds { get; init; }

    [Description("HTTP path of the Tarantool metrics endpoint (Prometheus format), e.g. /metrics.")]
    public required string MetricsPath { get; init; }

    [Description("One scrape target per Tarantool instance that exports metrics (every topology instance except a Cartridge stateboard), in topology order.")]
    public required IReadOnlyList<ScrapeTarget> Targets { get; init; }

    [OneOf(typeof(MonitoringPlanValidator), nameof(MonitoringPlanValidator.DiskMetricsSources))]

    [Description("Where disk usage comes from: node-exporter (VM hosts, node_filesystem_*) or kubelet (Kubernetes volumes, kubelet_volume_stats_*).")]
    public required string DiskMetricsSource { get; init; }

    [Description("node_exporter targets (host:9100) on VM hosts, one per distinct host; empty on Kubernetes.")]
    public required IReadOnlyList<string> NodeExporterTargets { get; init; }

    [Description("How the backup job reports its last success, which the backup-age alert watches.")]
    public required BackupFreshness BackupFreshness { get; init; }

    [Description("Alertmanager addresses (host:port).")]
    public required IReadOnlyList<string> AlertmanagerTargets { get; init; }

    [Description("Alert rules, each with a justified threshold and a runbook link.")]
    public required IReadOnlyList<AlertRule> Rules { get; init; }

    [Description("Grafana dashboards to import.")]
    public required IReadOnlyList<DashboardPlan> Dashboards { get; init; }

    [Description("Choices made and why (label conventions, what other phases must provide, limitations).")]
    public required IReadOnlyList<string> Decisions { get; init; }
}
