using System.Text;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// The naming and port conventions shared by the orchestration and monitoring phases, so that Prometheus scrapes
/// exactly the addresses the manifests create without phase 7 depending on phase 6.
/// </summary>
public static class PlatformNaming
{
    public const string Kubernetes = "kubernetes";
    public const string Systemd = "systemd";

    /// <summary>Inside a container every instance has its own network namespace, so all use the same ports.</summary>
    public const int ContainerIprotoPort = 3301;

    public const int ContainerMetricsPort = 8081;

    public const string MetricsPath = "/metrics";

    /// <summary>Kubernetes-based deployments: the request's deployment form (by default cloud kubernetes and the managed Kubernetes of aws, azure, gcp).</summary>
    public static bool IsKubernetes(ClusterRequest request) => request.UsesKubernetes;

    public static string PlatformOf(ClusterRequest request) => IsKubernetes(request) ? Kubernetes : Systemd;

    /// <summary>A DNS-1123 label from the cluster name: lowercase, [a-z0-9-], at most 63 characters.</summary>
    public static string Namespace(string clusterName)
    {
        var text = new StringBuilder();
        foreach (var c in clusterName.Trim().ToLowerInvariant())
            text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var label = text.ToString().Trim('-');
        if (label.Length > 63) label = label[..63].TrimEnd('-');
        return label.Length == 0 ? "tarantool" : label;
    }

    public static bool IsDnsLabel(string text) =>
        text.Length is > 0 and <= 63 && text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && text[0] != '-' && text[^1] != '-';

    /// <summary>StatefulSet pods are named <c>&lt;replicaset&gt;-&lt;ordinal&gt;</c>; with ordinals from 1 that is the
    /// instance name (<c>storage-002-3</c>). Only an instance outside that convention (the Cartridge stateboard)
    /// gets a pod name different from its own.</summary>
    public static string PodName(string replicaset, int ordinal) => $"{replicaset}-{ordinal}";

    /// <summary>The pod's stable DNS name through the replicaset's headless Service.</summary>
    public static string PodHost(string pod, string replicaset, string ns) => $"{pod}.{replicaset}.{ns}.svc.cluster.local";

    /// <summary>Role of a replicaset from its topology roles: storage, router, stateboard or db.</summary>
    public static string RoleOf(IReadOnlyList<string> roles) =>
        roles.Contains("storage") ? "storage"
        : roles.Contains("router") ? "router"
        : roles.Contains("stateboard") ? "stateboard"
        : "db";
}
