using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>Where one topology instance is reachable on each platform.</summary>
public sealed record InstanceEndpoint
{
    [Description("Instance name from the topology.")]
    public required string Instance { get; init; }

    [Description("Replicaset name from the topology.")]

    public required string Replicaset { get; init; }

    [Description("Pod name (equals the instance name; the Cartridge stateboard becomes stateboard-1).")]
    public required string PodName { get; init; }

    [Description("Stable DNS name: <pod>.<replicaset>.<namespace>.svc.cluster.local on Kubernetes, the topology host on systemd.")]
    public required string Host { get; init; }

    [Description("iproto port the instance listens on and advertises on that platform.")]
    public required int IprotoPort { get; init; }

    [Description("HTTP port of the Prometheus metrics endpoint on that platform.")]
    public required int MetricsPort { get; init; }

    [Description("Docker Compose service name (the instance name).")]
    public required string ComposeService { get; init; }

    [Description("Host port (bound to 127.0.0.1) publishing the instance's iproto port in Docker Compose.")]
    public required int ComposeIprotoHostPort { get; init; }

    [Description("Host port (bound to 127.0.0.1) publishing the metrics port in Docker Compose.")]
    public required int ComposeMetricsHostPort { get; init; }
}
