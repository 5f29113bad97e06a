using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Writes <c>monitoring/prometheus.yml</c>: on hosts every instance as a static target with topology labels;
/// on Kubernetes the pods found by service discovery (pod role, the cluster's namespace and labels, the
/// <c>metrics</c> container port) with their labels taken from discovery (namespace, pod, replicaset, role, and
/// zone/region from the node's topology labels), plus the kubelet's volume stats the disk alert reads; the exporters,
/// rule_files relative to the config's directory, and Alertmanager.</summary>
public static class PrometheusConfigRenderer
{
    public static BundleFile Render(MonitoringPlan plan, PhaseContext context)
    {
        var kubernetes = Containers.PlatformNaming.IsKubernetes(context.Request);
        var jobs = new List<YamlNode>
        {
            kubernetes ? KubernetesTarantoolJob(plan, context) : Map(
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
        if (plan.DiskMetricsSource == "kubelet") jobs.Add(KubeletJob());
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
        if (kubernetes)
            header.Add("Runs inside the cluster (kubernetes_sd_configs use the pod's service account): it needs get/list/watch on pods and nodes and get on nodes/proxy.");
        return new BundleFile("monitoring/prometheus.yml", "prometheus-config", Emit(root, [.. header]));
    }

    /// <summary>Pod labels the orchestration phase puts on every Tarantool pod template.</summary>
    private const string PodSelector = "app.kubernetes.io/name=tarantool,app.kubernetes.io/instance=";

    private static YamlMappingNode KubernetesTarantoolJob(MonitoringPlan plan, PhaseContext context)
    {
        var ns = Containers.PlatformNaming.Namespace(context.Request.ClusterName);
        YamlNode Copy(string source, string target) => Map(("source_labels", Seq(Str(source))), ("target_label", Str(target)));
        return Map(
            ("job_name", Str("tarantool")),
            ("metrics_path", Str(plan.MetricsPath)),
            ("kubernetes_sd_configs", Seq(Map(
                ("role", Str("pod")),
                ("namespaces", Map(("names", Seq(Str(ns))))),
                ("selectors", Seq(Map(("role", Str("pod")), ("label", Str(PodSelector + ns))))),
                // Node metadata gives the zone and region the pod really runs in, not a guess.
                ("attach_metadata", Map(("node", Bool(true))))))),
            ("relabel_configs", Seq(
                Map(("source_labels", Seq(Str("__meta_kubernetes_pod_container_port_name"))), ("regex", Str("metrics")), ("action", Str("keep"))),
                Copy("__meta_kubernetes_namespace", "namespace"),
                Copy("__meta_kubernetes_pod_name", "pod"),
                // The pod name is the Tarantool instance name (StatefulSet ordinals start at 1).
                Copy("__meta_kubernetes_pod_name", "instance_name"),
                Copy("__meta_kubernetes_pod_label_tarantool_io_replicaset", "replicaset"),
                Copy("__meta_kubernetes_pod_label_tarantool_io_role", "role"),
                Copy("__meta_kubernetes_node_label_topology_kubernetes_io_zone", "zone"),
                Copy("__meta_kubernetes_node_label_topology_kubernetes_io_region", "region"))));
    }

    /// <summary>The kubelet's own metrics through the API server proxy, kept to the volume stats the disk alert and
    /// dashboard read: without this job kubelet_volume_stats_* would exist only where another Prometheus scrapes them.</summary>
    private static YamlMappingNode KubeletJob() => Map(
        ("job_name", Str("kubelet")),
        ("scheme", Str("https")),
        ("authorization", Map(("credentials_file", Str("/var/run/secrets/kubernetes.io/serviceaccount/token")))),
        ("tls_config", Map(("ca_file", Str("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")))),
        ("kubernetes_sd_configs", Seq(Map(("role", Str("node"))))),
        ("relabel_configs", Seq(
            Map(("target_label", Str("__address__")), ("replacement", Str("kubernetes.default.svc:443"))),
            Map(("source_labels", Seq(Str("__meta_kubernetes_node_name"))), ("regex", Str("(.+)")), ("target_label", Str("__metrics_path__")), ("replacement", Str("/api/v1/nodes/$1/proxy/metrics"))),
            Map(("source_labels", Seq(Str("__meta_kubernetes_node_name"))), ("target_label", Str("node"))))),
        ("metric_relabel_configs", Seq(
            Map(("source_labels", Seq(Str("__name__"))), ("regex", Str("kubelet_volume_stats_(available|capacity)_bytes")), ("action", Str("keep"))))));
}
