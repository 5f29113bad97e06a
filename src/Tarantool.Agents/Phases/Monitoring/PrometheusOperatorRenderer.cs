using YamlDotNet.RepresentationModel;
using Tarantool.Agents.Phases.Containers;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Kubernetes bundles: the Prometheus Operator's <c>PodMonitor</c> and <c>PrometheusRule</c> (monitoring.coreos.com/v1),
/// the alternative to <c>monitoring/prometheus.yml</c> where Prometheus is run by the operator (kube-prometheus-stack).
/// Both come from the same definitions as the plain files: the PodMonitor selects the pods and relabels them exactly
/// as the <c>tarantool</c> scrape job does (so <c>job="tarantool"</c> and the instance_name/replicaset/role/zone/region
/// labels the alerts use are the same), and the PrometheusRule embeds the rule groups of alerts.yml rendered by
/// <see cref="AlertRulesRenderer.Rule"/>.
/// </summary>
public static class PrometheusOperatorRenderer
{
    public const string Directory = "monitoring/prometheus-operator";
    public const string PodMonitorPath = Directory + "/podmonitor.yaml";
    public const string PrometheusRulePath = Directory + "/prometheusrule.yaml";

    public static IEnumerable<BundleFile> Render(MonitoringPlan plan, PhaseContext context)
    {
        if (!PlatformNaming.IsKubernetes(context.Request)) yield break;
        var ns = PlatformNaming.Namespace(context.Request.ClusterName);
        yield return new BundleFile(PodMonitorPath, "kubernetes-manifest", Emit(PodMonitor(plan, ns),
            $"Prometheus Operator scrape of the {context.Request.ClusterName} pods: the same targets and labels as the tarantool job of ../prometheus.yml.",
            "Use it instead of that job when the operator runs Prometheus; its podMonitorSelector must match these labels (kube-prometheus-stack: add its release label).",
            "Disk and backup alerts also need the kubelet volume stats (kube-prometheus-stack scrapes the kubelet) and the Pushgateway scraped with honorLabels: true.",
            $"kubectl apply -f {PodMonitorPath}"));
        yield return new BundleFile(PrometheusRulePath, "kubernetes-manifest", Emit(PrometheusRule(plan, ns),
            $"The alert rules of ../alerts.yml as a PrometheusRule (the same groups and rules; promtool tests stay in ../alerts.test.yml).",
            "The operator's ruleSelector must match these labels (kube-prometheus-stack: add its release label).",
            $"kubectl apply -f {PrometheusRulePath}"));
    }

    private static YamlMappingNode Metadata(string name, string ns) => Map(
        ("name", Str(name)),
        ("namespace", Str(ns)),
        ("labels", Map(("app.kubernetes.io/name", Str("tarantool")), ("app.kubernetes.io/instance", Str(ns)), ("app.kubernetes.io/component", Str("monitoring")))));

    private static YamlMappingNode PodMonitor(MonitoringPlan plan, string ns)
    {
        YamlNode Copy(string source, string target) => Map(("sourceLabels", Seq(Str(source))), ("targetLabel", Str(target)));
        return Map(
            ("apiVersion", Str("monitoring.coreos.com/v1")),
            ("kind", Str("PodMonitor")),
            ("metadata", Metadata($"{ns}-tarantool", ns)),
            ("spec", Map(
                ("namespaceSelector", Map(("matchNames", Seq(Str(ns))))),
                ("selector", Map(("matchLabels", Map(("app.kubernetes.io/name", Str("tarantool")), ("app.kubernetes.io/instance", Str(ns)))))),
                // Node metadata gives the zone and region the pod really runs in, as in prometheus.yml.
                ("attachMetadata", Map(("node", Bool(true)))),
                ("podMetricsEndpoints", Seq(Map(
                    ("port", Str("metrics")),
                    ("path", Str(plan.MetricsPath)),
                    ("interval", Str(PromNumber.Duration(plan.ScrapeIntervalSeconds))),
                    ("relabelings", Seq(
                        // The operator names the job after the PodMonitor; the alerts select job="tarantool".
                        Map(("targetLabel", Str("job")), ("replacement", Str("tarantool"))),
                        Copy("__meta_kubernetes_namespace", "namespace"),
                        Copy("__meta_kubernetes_pod_name", "pod"),
                        Copy("__meta_kubernetes_pod_name", "instance_name"),
                        Copy("__meta_kubernetes_pod_label_tarantool_io_replicaset", "replicaset"),
                        Copy("__meta_kubernetes_pod_label_tarantool_io_role", "role"),
                        Copy("__meta_kubernetes_node_label_topology_kubernetes_io_zone", "zone"),
                        Copy("__meta_kubernetes_node_label_topology_kubernetes_io_region", "region")))))))));
    }

    private static YamlMappingNode PrometheusRule(MonitoringPlan plan, string ns) => Map(
        ("apiVersion", Str("monitoring.coreos.com/v1")),
        ("kind", Str("PrometheusRule")),
        ("metadata", Metadata($"{ns}-tarantool", ns)),
        ("spec", Map(("groups", Seq(AlertRulesRenderer.Groups(plan))))));
}
