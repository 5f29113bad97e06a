using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Monitoring;

/// <summary>
/// Phase 7 expert (observability-engineer): scrapes every instance where the orchestration puts it, alerts on the
/// shared alert set with thresholds derived from the capacity, topology and backup plans, and ships a dashboard.
/// </summary>
public sealed class MonitoringExpert : PhaseExpert<MonitoringPlan>
{
    public const string TextfileDirectory = MonitoringExpectations.TextfileDirectory;

    public override MonitoringPlan Design(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var backup = context.Get<BackupPlan>();
        var kubernetes = PlatformNaming.IsKubernetes(request);
        var interval = (int?)CronSchedule.MaxPeriodSeconds(backup.FullBackupCron) ?? AlertRuleDesigner.DefaultBackupIntervalSeconds;

        var targets = MonitoringExpectations.ScrapedInstances(topology).Select(i => new ScrapeTarget
        {
            Instance = i.Node.Name,
            Replicaset = i.Replicaset.Name,
            Role = PlatformNaming.RoleOf(i.Replicaset.Roles),
            Address = MonitoringExpectations.Address(request, i.Replicaset, i.Node, i.Ordinal),
            Region = i.Node.Region,
            Zone = i.Node.Zone,
        }).ToList();

        var plan = new MonitoringPlan
        {
            ScrapeIntervalSeconds = 15,
            EvaluationIntervalSeconds = 15,
            MetricsPath = PlatformNaming.MetricsPath,
            Targets = targets,
            DiskMetricsSource = kubernetes ? "kubelet" : "node-exporter",
            NodeExporterTargets = kubernetes ? [] : [.. topology.Replicasets.SelectMany(r => r.Instances).Select(i => $"{i.Host}:9100").Distinct()],
            BackupFreshness = new BackupFreshness
            {
                MetricName = MetricCatalog.BackupLastSuccess,
                Exporter = kubernetes ? "pushgateway" : "node-exporter-textfile",
                Location = kubernetes ? MonitoringExpectations.Pushgateway : TextfileDirectory,
                BackupIntervalSeconds = interval,
            },
            AlertmanagerTargets = [kubernetes ? "alertmanager.monitoring.svc.cluster.local:9093" : "alertmanager:9093"],
            // The reason behind each threshold is written in the request's language: alerts.yml carries it to on-call.
            Rules = [.. AlertRuleDesigner.DesignWithRussian(context, interval)
                .Select(r => context.Language == Language.Ru ? r.Rule with { ThresholdReason = r.RussianReason } : r.Rule)],
            Dashboards = [],
            Decisions = [],
        };
        plan = plan with { Dashboards = [DashboardDesigner.Overview(context, plan)] };
        return plan with { Decisions = [.. MonitoringDecisions.For(plan, context).Select(d => d.En)] };
    }

    public override string Narrate(MonitoringPlan output, PhaseContext context) => MonitoringNarrator.Write(output, context);
}
