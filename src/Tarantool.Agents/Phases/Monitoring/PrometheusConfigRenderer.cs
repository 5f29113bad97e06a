using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Writes <c>monitoring/prometheus.yml</c>: every instance as a static target with topology labels, the
/// exporters, rule_files relative to the config's directory, and Alertmanager.</summary>
public static class PrometheusConfigRenderer
{
    public static BundleFile Render(MonitoringPlan plan, PhaseContext context)
    {
        var jobs = new List<YamlNode>
        {
            Map(
                ("job_name", Str("tarantool")),
                ("metrics_path", Str(plan.MetricsPath)),
                ("static_configs", Seq(plan.Targets.Select(t => (YamlNode)Map(
                    ("targets", Seq(Str(t.Address))),
                    ("labels", Map(
                        ("instance_name", Str(t.Instance)),
                        ("replicaset", Str(t.Replicaset)),
                        ("role", Str(t.Role)),
                        ("region", Str(t.Region)),
                        ("zone", Str(t.Zone)))))))))
        };
        if (plan.NodeExporterTargets.Count > 0)
            jobs.Add(Map(("job_name", Str("node")), ("static_configs", Seq(Map(("targets", Seq(plan.NodeExporterTargets.Select(t => (YamlNode)Str(t)))))))));
        if (plan.BackupFreshness.Exporter == "pushgateway")
            // The backup job's own labels (replicaset) must survive, so the pushed labels win.
            jobs.Add(Map(("job_name", Str("pushgateway")), ("honor_labels", Bool(true)), ("static_configs", Seq(Map(("targets", Seq(Str(plan.BackupFreshness.Location))))))));

        var alertmanagers = Seq(Map(("static_configs", Seq(Map(("targets", Seq(plan.AlertmanagerTargets.Select(t => (YamlNode)Str(t)))))))));
        var global = Map(
            ("scrape_interval", Str(PromNumber.Duration(plan.ScrapeIntervalSeconds))),
            ("evaluation_interval", Str(PromNumber.Duration(plan.EvaluationIntervalSeconds))),
            ("external_labels", Map(("cluster", Str(context.Request.ClusterName)))));
        var root = Map(
            ("global", global),
            ("rule_files", Seq(Str("alerts.yml"))),
            ("alerting", Map(("alertmanagers", alertmanagers))),
            ("scrape_configs", Seq(jobs)));
        var header = new List<string>
        {
            $"Prometheus configuration for {context.Request.ClusterName}. Run from this directory (rule_files are relative):",
            "  promtool check config prometheus.yml && prometheus --config.file=prometheus.yml",
        };
        if (plan.DiskMetricsSource == "kubelet")
            header.Add("kubelet_volume_stats_* come from the cluster's kubelet scrape job (kube-prometheus-stack); federate or add it here.");
        return new BundleFile("monitoring/prometheus.yml", "prometheus-config", Emit(root, [.. header]));
    }
}
