using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>kubernetes/networkpolicy.yaml</c>: the cluster's pods accept iproto only from the cluster's own pods
/// (replication, routers, the backup Jobs) and, on the pods applications connect to (routers, or the members of a
/// non-sharded cluster), from pods labelled <see cref="ClientLabel"/> in any namespace; the metrics port only from
/// the <see cref="MonitoringNamespace"/> namespace. Policies add up, so each rule is its own object. Egress is left
/// open: instances reach peers, DNS and, for the backup Jobs, the storage and the Pushgateway. The kubelet's probes
/// come from the pod's own node, which a NetworkPolicy never blocks.
/// </summary>
public static class NetworkPolicyRenderer
{
    /// <summary>The label an application's pods carry to reach the cluster's client port: <c>tarantool.io/client: &lt;namespace&gt;</c>.</summary>
    public const string ClientLabel = "tarantool.io/client";

    /// <summary>Where Prometheus runs (the Pushgateway the backup Jobs push to lives there too).</summary>
    public const string MonitoringNamespace = "monitoring";

    /// <summary>The roles whose pods back the client Services: the routers, or the data members of a non-sharded cluster.</summary>
    public static IReadOnlyList<string> ClientRoles(OrchestrationPlan plan) =>
        [.. plan.Workloads.Where(w => plan.ClientServices.Any(s => s.Replicasets.Contains(w.Replicaset))).Select(w => w.Role).Distinct().Order(StringComparer.Ordinal)];

    public static string Render(OrchestrationPlan plan)
    {
        var ns = plan.Namespace;
        var cluster = Map(("app.kubernetes.io/name", Str("tarantool")), ("app.kubernetes.io/instance", Str(ns)));
        var documents = new List<string>
        {
            Emit(Policy(ns, $"{ns}-iproto-peers", Map(("matchLabels", Copy(cluster))),
                    Seq(Map(("podSelector", Map(("matchLabels", Copy(cluster)))))), "iproto"),
                $"Network policies of {ns}. Peers: every pod of the cluster reaches every other's iproto port (replication,",
                "routers to storages, the backup Jobs); nothing else does unless a rule below lets it."),
        };
        foreach (var role in ClientRoles(plan))
        {
            var selector = Copy(cluster);
            selector.Add(KubernetesLabels.Role, Str(role));
            documents.Add(Emit(Policy(ns, $"{ns}-iproto-clients-{role}", Map(("matchLabels", selector)),
                    Seq(Map(("namespaceSelector", Map()), ("podSelector", Map(("matchLabels", Map((ClientLabel, Str(ns)))))))), "iproto"),
                $"Applications: pods labelled {ClientLabel}: {ns}, in any namespace, reach the {role} pods' iproto port",
                "(the client Service's pods). Label your application's pod template with it."));
        }
        if (plan.Workloads.Any(w => w.Role != "stateboard"))
            documents.Add(Emit(Policy(ns, $"{ns}-metrics", Map(("matchLabels", Copy(cluster))),
                    Seq(Map(("namespaceSelector", Map(("matchLabels", Map(("kubernetes.io/metadata.name", Str(MonitoringNamespace)))))))), "metrics"),
                $"Metrics: only Prometheus, from the {MonitoringNamespace} namespace, scrapes the metrics port."));
        return string.Join("---\n", documents);
    }

    private static YamlMappingNode Policy(string ns, string name, YamlMappingNode podSelector, YamlSequenceNode from, string port) => Map(
        ("apiVersion", Str("networking.k8s.io/v1")),
        ("kind", Str("NetworkPolicy")),
        ("metadata", Map(("name", Str(name)), ("namespace", Str(ns)), ("labels", KubernetesLabels.Common(ns)))),
        ("spec", Map(
            ("podSelector", podSelector),
            ("policyTypes", Seq(Str("Ingress"))),
            ("ingress", Seq(Map(
                ("from", from),
                ("ports", Seq(Map(("protocol", Str("TCP")), ("port", Str(port)))))))))));

    private static YamlMappingNode Copy(YamlMappingNode map) => new(map.Children.Select(c => new KeyValuePair<YamlNode, YamlNode>(c.Key, c.Value)));
}
