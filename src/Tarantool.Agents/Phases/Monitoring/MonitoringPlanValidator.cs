using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Semantic rules of a <see cref="MonitoringPlan"/>: every exporting instance is scraped exactly once at its real
/// address, the alert set matches the cluster (election alerts iff election failover, vinyl alerts iff vinyl,
/// config alerts iff 3.x config), every alert has a justified threshold and a runbook link, the backup-age
/// threshold fits the backup schedule, the disk alert watches where the shared <see cref="Containers.InstanceLayout"/>
/// keeps the data, and only known metric names are used.
/// </summary>
public sealed class MonitoringPlanValidator : IPhaseValidator<MonitoringPlan>
{
    /// <summary>Alert severities: critical pages, warning opens a ticket, info only informs.</summary>
    public static readonly IReadOnlyList<string> Severities = ["critical", "warning", "info"];

    /// <summary>Where disk usage comes from: node_exporter on VM hosts, the kubelet's volume stats on Kubernetes.</summary>
    public static readonly IReadOnlyList<string> DiskMetricsSources = ["node-exporter", "kubelet"];

    public IEnumerable<ValidationIssue> Validate(MonitoringPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var backup = context.Get<BackupPlan>();

        if (plan.ScrapeIntervalSeconds is < 5 or > 60)
            yield return ValidationIssue.Error("monitoring.scrape-interval", $"ScrapeIntervalSeconds {plan.ScrapeIntervalSeconds} must be within 5–60 s.", "scrapeIntervalSeconds");
        if (plan.EvaluationIntervalSeconds is < 5 or > 60)
            yield return ValidationIssue.Error("monitoring.evaluation-interval", $"EvaluationIntervalSeconds {plan.EvaluationIntervalSeconds} must be within 5–60 s.", "evaluationIntervalSeconds");
        if (!plan.MetricsPath.StartsWith('/'))
            yield return ValidationIssue.Error("monitoring.metrics-path", "MetricsPath must be an absolute HTTP path such as /metrics.", "metricsPath");
        if (plan.AlertmanagerTargets.Count == 0)
            yield return ValidationIssue.Error("monitoring.no-alertmanager", "AlertmanagerTargets is empty: alerts would be evaluated but never delivered.", "alertmanagerTargets");

        foreach (var issue in ValidateTargets(plan, context, topology)) yield return issue;
        foreach (var issue in ValidateRules(plan, context, topology, capacity, backup)) yield return issue;
        foreach (var issue in ValidateDashboards(plan)) yield return issue;
    }

    private static IEnumerable<ValidationIssue> ValidateTargets(MonitoringPlan plan, PhaseContext context, ClusterTopology topology)
    {
        var expected = MonitoringExpectations.ScrapedInstances(topology).ToList();
        foreach (var (replicaset, node, ordinal) in expected)
        {
            var matches = plan.Targets.Where(t => t.Instance == node.Name).ToList();
            if (matches.Count != 1)
            {
                yield return ValidationIssue.Error("monitoring.target-count", $"Instance {node.Name} is scraped {matches.Count} times; it must be scraped exactly once.", "targets");
                continue;
            }
            var address = MonitoringExpectations.Address(context.Request, replicaset, node, ordinal);
            if (matches[0].Address != address)
                yield return ValidationIssue.Error("monitoring.target-address", $"Instance {node.Name} must be scraped at {address}, not {matches[0].Address}.", "targets");
            if (matches[0].Replicaset != replicaset.Name)
                yield return ValidationIssue.Error("monitoring.target-replicaset", $"Target {node.Name} is labelled replicaset {matches[0].Replicaset}, the topology says {replicaset.Name}.", "targets");
        }
        foreach (var unknown in plan.Targets.Where(t => expected.All(e => e.Node.Name != t.Instance)))
            yield return ValidationIssue.Error("monitoring.target-unknown", $"Target {unknown.Instance} is not a metrics-exporting instance of the topology.", "targets");
        foreach (var duplicate in plan.Targets.GroupBy(t => t.Address).Where(g => g.Count() > 1))
            yield return ValidationIssue.Error("monitoring.target-duplicate-address", $"Address {duplicate.Key} is scraped {duplicate.Count()} times.", "targets");

        var expectedSource = Containers.PlatformNaming.IsKubernetes(context.Request) ? "kubelet" : "node-exporter";
        if (plan.DiskMetricsSource != expectedSource)
            yield return ValidationIssue.Error("monitoring.disk-source", $"DiskMetricsSource must be '{expectedSource}' for cloud {context.Request.CloudProvider}.", "diskMetricsSource");
        if (expectedSource == "node-exporter")
        {
            var hosts = topology.Replicasets.SelectMany(r => r.Instances).Select(i => $"{i.Host}:9100").Distinct().ToHashSet();
            if (!hosts.SetEquals(plan.NodeExporterTargets))
                yield return ValidationIssue.Error("monitoring.node-exporter-targets",
                    $"NodeExporterTargets must list every topology host once on port 9100: [{string.Join(", ", hosts.Order(StringComparer.Ordinal))}].", "nodeExporterTargets");
        }
    }

    private static IEnumerable<ValidationIssue> ValidateRules(MonitoringPlan plan, PhaseContext context, ClusterTopology topology, CapacityPlan capacity, BackupPlan backup)
    {
        var required = MonitoringExpectations.RequiredAlerts(context.Request, topology, capacity);
        var names = plan.Rules.Select(r => r.Name).ToList();
        foreach (var missing in required.Except(names))
            yield return ValidationIssue.Error("monitoring.alert-missing", $"Alert {missing} is required for this cluster.", "rules");
        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
            yield return ValidationIssue.Error("monitoring.alert-duplicate", $"Alert {duplicate.Key} is defined {duplicate.Count()} times.", "rules");
        foreach (var name in names.Distinct().Where(n => !required.Contains(n)))
        {
            var reason = AlertNames.Vshard.Contains(name) ? $"{name} watches vshard; this cluster is not sharded"
                : !AlertNames.All.Contains(name) ? $"{name} is not one of the shared alert names (docs/troubleshooting.md has runbooks only for those)"
                : AlertNames.Election.Contains(name) ? $"{name} needs election failover; this cluster uses '{topology.FailoverMode}'"
                : AlertNames.Vinyl.Contains(name) ? $"{name} needs the vinyl engine; this cluster uses {capacity.Engine}"
                : AlertNames.Config.Contains(name) ? $"{name} needs the 3.x declarative config (tnt_config_status)"
                : $"{name} does not apply: no replicaset has replicas";
            yield return ValidationIssue.Error("monitoring.alert-not-applicable", reason + ".", "rules");
        }

        for (var i = 0; i < plan.Rules.Count; i++)
        {
            var rule = plan.Rules[i];
            var path = $"rules[{i}]";
            if (rule.RunbookUrl != AlertNames.RunbookUrl(rule.Name, context.Language))
                yield return ValidationIssue.Error("monitoring.runbook", $"{rule.Name} must link its runbook as {AlertNames.RunbookUrl(rule.Name, context.Language)}.", path + ".runbookUrl");
            if (string.IsNullOrWhiteSpace(rule.ThresholdReason) || rule.ThresholdReason.Length < 20)
                yield return ValidationIssue.Error("monitoring.threshold-reason", $"{rule.Name} needs a ThresholdReason explaining the number and the duration.", path + ".thresholdReason");
            if (string.IsNullOrWhiteSpace(rule.Summary) || string.IsNullOrWhiteSpace(rule.Description))
                yield return ValidationIssue.Error("monitoring.annotations", $"{rule.Name} needs a summary and a description.", path);
            if (!Severities.Contains(rule.Severity))
                yield return ValidationIssue.Error("monitoring.severity", $"{rule.Name} severity '{rule.Severity}' must be critical, warning or info.", path + ".severity");
            if (rule.ForSeconds < 0)
                yield return ValidationIssue.Error("monitoring.for", $"{rule.Name} has a negative duration.", path + ".forSeconds");
            if (string.IsNullOrWhiteSpace(rule.Group))
                yield return ValidationIssue.Error("monitoring.group", $"{rule.Name} needs a rule group.", path + ".group");
            if (!rule.Expression.Contains(PromNumber.Format(rule.Threshold), StringComparison.Ordinal))
                yield return ValidationIssue.Error("monitoring.threshold-not-in-expression",
                    $"{rule.Name} declares threshold {PromNumber.Format(rule.Threshold)} but its expression '{rule.Expression}' does not compare against it.", path + ".expression");
            foreach (var unknown in PromQlMetrics.Names(rule.Expression).Where(m => !MetricCatalog.IsKnown(m)))
                yield return ValidationIssue.Error("monitoring.unknown-metric", $"{rule.Name} uses '{unknown}', which neither tarantool/metrics nor the listed exporters export.", path + ".expression");
            if (rule.Name == AlertNames.BackupMissing && (!rule.Expression.Contains("absent_over_time(", StringComparison.Ordinal) || !rule.Expression.Contains(plan.BackupFreshness.MetricName, StringComparison.Ordinal)))
                yield return ValidationIssue.Error("monitoring.backup-absent",
                    $"{rule.Name} must fire when {plan.BackupFreshness.MetricName} is absent (absent_over_time): a backup job that never ran leaves no series for {AlertNames.BackupTooOld} to compare.", path + ".expression");
            if (rule.Name == AlertNames.BackupTooOld)
                foreach (var issue in ValidateBackupAge(plan, rule, backup, path)) yield return issue;
            if (rule.Name == AlertNames.DiskSpaceLow && DiskProblem(plan, rule, context) is { } problem)
                yield return ValidationIssue.Error("monitoring.disk-location", problem, path + ".expression");
            if (rule.Name is AlertNames.MemoryNearLimit or AlertNames.MemoryAtLimit)
            {
                // One source of truth: the limit the containers phase writes (WorkloadMemory), in bytes.
                var limits = AlertExpressions.MemoryLimits(context);
                var missingLimits = limits.Select(l => l.LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Where(b => !rule.Expression.Contains(b, StringComparison.Ordinal)).ToList();
                if (missingLimits.Count > 0 || !rule.Expression.Contains("tnt_memory", StringComparison.Ordinal))
                    yield return ValidationIssue.Error("monitoring.memory-limit",
                        $"{rule.Name} must compare tnt_memory (process RSS) with the memory limit of each role ({string.Join(", ", limits.Select(l => $"{l.Role}: {l.LimitBytes} bytes"))}), the figure the containers phase writes; missing: {string.Join(", ", missingLimits)}.", path + ".expression");
            }
        }
    }

    /// <summary>The disk alert must watch the data: on hosts the mount point of the instances' data directories in the
    /// shared layout, on Kubernetes the pods' data volume claims.</summary>
    private static string? DiskProblem(MonitoringPlan plan, AlertRule rule, PhaseContext context)
    {
        if (plan.DiskMetricsSource == "kubelet")
        {
            var claims = $"persistentvolumeclaim=~\"{Containers.InstanceLayout.DataVolumeClaim(".*")}\"";
            return rule.Expression.Contains(claims, StringComparison.Ordinal) ? null
                : $"{rule.Name} must select the data volume claims ({claims}) the StatefulSets create.";
        }
        var mountpoint = $"mountpoint=\"{AlertExpressions.DataMountpoint(context.Request.ClusterName)}\"";
        return rule.Expression.Contains(mountpoint, StringComparison.Ordinal) ? null
            : $"{rule.Name} must watch {mountpoint}: instances keep their data in {AlertExpressions.DataMountpoint(context.Request.ClusterName)}/<instance> (the tt environment's var/lib), where the data disk is mounted.";
    }

    private static IEnumerable<ValidationIssue> ValidateBackupAge(MonitoringPlan plan, AlertRule rule, BackupPlan backup, string path)
    {
        var interval = (int?)BackupRecovery.CronSchedule.MaxPeriodSeconds(backup.FullBackupCron);
        if (interval is null)
        {
            yield return ValidationIssue.Warning("monitoring.backup-cron", $"Backup cron '{backup.FullBackupCron}' could not be interpreted; the backup-age threshold is not checked.", path);
            yield break;
        }
        if (plan.BackupFreshness.BackupIntervalSeconds != interval)
            yield return ValidationIssue.Error("monitoring.backup-interval", $"BackupIntervalSeconds is {plan.BackupFreshness.BackupIntervalSeconds} but '{backup.FullBackupCron}' runs every {interval} s.", "backupFreshness.backupIntervalSeconds");
        var effective = rule.Threshold + rule.ForSeconds;
        if (rule.Threshold <= interval)
            yield return ValidationIssue.Error("monitoring.backup-threshold-low",
                $"{rule.Name} fires at {PromNumber.Format(rule.Threshold)} s but backups run only every {interval} s: it would fire before every scheduled run.", path + ".threshold");
        else if (effective > 2L * interval.Value + 3600)
            yield return ValidationIssue.Error("monitoring.backup-threshold-high",
                $"{rule.Name} fires after {PromNumber.Format(effective)} s; with backups every {interval} s a missed run must alert before the next one is missed (at most {2L * interval.Value + 3600} s).", path + ".threshold");
        if (plan.BackupFreshness.Exporter == "pushgateway" && plan.BackupFreshness.Location != MonitoringExpectations.Pushgateway)
            yield return ValidationIssue.Warning("monitoring.pushgateway-location",
                $"The backup CronJobs push {plan.BackupFreshness.MetricName} to {MonitoringExpectations.Pushgateway}; scraping {plan.BackupFreshness.Location} would never see it.", "backupFreshness.location");
        else if (plan.BackupFreshness.Exporter != "pushgateway" && plan.BackupFreshness.Location != MonitoringExpectations.TextfileDirectory)
            yield return ValidationIssue.Warning("monitoring.textfile-location",
                $"The backup jobs write {plan.BackupFreshness.MetricName} into {MonitoringExpectations.TextfileDirectory}; node_exporter must read that directory, not {plan.BackupFreshness.Location}.", "backupFreshness.location");
        if (!rule.Expression.Contains(plan.BackupFreshness.MetricName, StringComparison.Ordinal))
            yield return ValidationIssue.Error("monitoring.backup-metric", $"{rule.Name} must watch {plan.BackupFreshness.MetricName}.", path + ".expression");
    }

    private static IEnumerable<ValidationIssue> ValidateDashboards(MonitoringPlan plan)
    {
        if (plan.Dashboards.Count == 0)
            yield return ValidationIssue.Error("monitoring.no-dashboard", "Dashboards is empty: provide at least an overview dashboard.", "dashboards");
        foreach (var duplicate in plan.Dashboards.GroupBy(d => d.Uid).Where(g => g.Count() > 1))
            yield return ValidationIssue.Error("monitoring.dashboard-uid", $"Dashboard uid {duplicate.Key} is used twice.", "dashboards");
        foreach (var dashboard in plan.Dashboards)
        {
            if (!Containers.PlatformNaming.IsDnsLabel(dashboard.Uid) || dashboard.Uid.Length > 40)
                yield return ValidationIssue.Error("monitoring.dashboard-uid-format", $"Dashboard uid '{dashboard.Uid}' must be lowercase [a-z0-9-], at most 40 characters.", "dashboards");
            if (dashboard.Panels.Count == 0)
                yield return ValidationIssue.Error("monitoring.dashboard-empty", $"Dashboard {dashboard.Uid} has no panels.", "dashboards");
            foreach (var panel in dashboard.Panels)
            foreach (var unknown in PromQlMetrics.Names(panel.Expression).Where(m => !MetricCatalog.IsKnown(m)))
                yield return ValidationIssue.Error("monitoring.dashboard-unknown-metric", $"Panel '{panel.Title}' of {dashboard.Uid} uses unknown metric '{unknown}'.", "dashboards");
        }
    }
}
