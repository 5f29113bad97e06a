using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// States, for the monitoring prompt, what <see cref="MonitoringPlanValidator"/> demands: the targets and their
/// addresses, the alerts this cluster needs (no more, no fewer) with their runbook links, the disk source and the
/// backup freshness derived from the backup schedule.
/// </summary>
internal static class MonitoringPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Find<ClusterTopology>();
        var capacity = context.Find<CapacityPlan>();
        var backup = context.Find<BackupPlan>();
        var lines = new List<string>
        {
            "scrapeIntervalSeconds and evaluationIntervalSeconds are within 5–60; metricsPath is absolute (/metrics); alertmanagerTargets is not empty.",
        };
        if (topology is not null)
        {
            lines.Add("\"targets\" scrapes each instance exactly once, labelled with its replicaset, at: " +
                string.Join(", ", MonitoringExpectations.ScrapedInstances(topology).Select(t => $"{t.Node.Name} {MonitoringExpectations.Address(request, t.Replicaset, t.Node, t.Ordinal)}")) + ".");
            var kubelet = Containers.PlatformNaming.IsKubernetes(request);
            lines.Add(kubelet
                ? "diskMetricsSource is \"kubelet\"."
                : $"diskMetricsSource is \"node-exporter\" and nodeExporterTargets lists every host once on port 9100: {string.Join(", ", topology.Replicasets.SelectMany(r => r.Instances).Select(i => $"{i.Host}:9100").Distinct().Order(StringComparer.Ordinal))}.");
            if (capacity is not null)
            {
                var required = MonitoringExpectations.RequiredAlerts(request, topology, capacity);
                lines.Add($"\"rules\" defines exactly these alerts, once each, and no other: {string.Join(", ", required)}.");
            }
        }
        lines.Add($"Every rule links its runbook as docs/troubleshooting.md#<alert name in lower case> (e.g. {AlertNames.RunbookUrl(AlertNames.InstanceDown)}), has severity {string.Join(", ", MonitoringPlanValidator.Severities)}, a group, a summary and a description, a thresholdReason explaining the number and the duration, a non-negative forSeconds, and its threshold written in its expression; expressions use only metrics tarantool/metrics or the listed exporters export.");
        if (backup is not null && CronSchedule.MaxPeriodSeconds(backup.FullBackupCron) is { } interval)
            lines.Add($"backupFreshness.backupIntervalSeconds is {interval} (the backup plan's '{backup.FullBackupCron.Trim()}'); {AlertNames.BackupTooOld} fires above that interval and within 2 × interval + 3600 s (threshold + for); {AlertNames.BackupMissing} uses absent_over_time( on the freshness metric; the freshness location is {MonitoringExpectations.Pushgateway} with the pushgateway exporter, else {MonitoringExpectations.TextfileDirectory}.");
        lines.Add("\"dashboards\" has at least an overview dashboard; uids are unique, lowercase [a-z0-9-], at most 40 characters; every dashboard has panels on known metrics.");
        return lines;
    }
}
