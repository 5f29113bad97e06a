namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Phase 7: what Prometheus scrapes, which alerts fire at which thresholds (and why), where each alert's runbook
/// is, and the Grafana dashboards. Only metric names the Tarantool metrics module (and the named exporters) really
/// export may appear in expressions.
/// </summary>
public sealed record MonitoringPlan
{
    /// <summary>Prometheus <c>scrape_interval</c> in seconds (5–60).</summary>
    public required int ScrapeIntervalSeconds { get; init; }

    /// <summary>Prometheus <c>evaluation_interval</c> in seconds (5–60).</summary>
    public required int EvaluationIntervalSeconds { get; init; }

    /// <summary>HTTP path of the Tarantool metrics endpoint (Prometheus format), e.g. <c>/metrics</c>.</summary>
    public required string MetricsPath { get; init; }

    /// <summary>One scrape target per Tarantool instance that exports metrics (every topology instance except a
    /// Cartridge stateboard), in topology order.</summary>
    public required IReadOnlyList<ScrapeTarget> Targets { get; init; }

    /// <summary>Where disk usage comes from: <c>node-exporter</c> (VM hosts, <c>node_filesystem_*</c>) or
    /// <c>kubelet</c> (Kubernetes volumes, <c>kubelet_volume_stats_*</c>).</summary>
    public required string DiskMetricsSource { get; init; }

    /// <summary>node_exporter targets (<c>host:9100</c>) on VM hosts, one per distinct host; empty on Kubernetes.</summary>
    public required IReadOnlyList<string> NodeExporterTargets { get; init; }

    /// <summary>How the backup job reports its last success, which the backup-age alert watches.</summary>
    public required BackupFreshness BackupFreshness { get; init; }

    /// <summary>Alertmanager addresses (<c>host:port</c>).</summary>
    public required IReadOnlyList<string> AlertmanagerTargets { get; init; }

    /// <summary>Alert rules, each with a justified threshold and a runbook link.</summary>
    public required IReadOnlyList<AlertRule> Rules { get; init; }

    /// <summary>Grafana dashboards to import.</summary>
    public required IReadOnlyList<DashboardPlan> Dashboards { get; init; }

    /// <summary>Choices made and why (label conventions, what other phases must provide, limitations).</summary>
    public required IReadOnlyList<string> Decisions { get; init; }
}
