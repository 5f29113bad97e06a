namespace Tarantool.Agents.Phases.Containers;

/// <summary>Where one topology instance is reachable on each platform.</summary>
public sealed record InstanceEndpoint
{
    /// <summary>Instance name from the topology.</summary>
    public required string Instance { get; init; }

    public required string Replicaset { get; init; }

    /// <summary>Pod name (equals the instance name; the Cartridge stateboard becomes <c>stateboard-1</c>).</summary>
    public required string PodName { get; init; }

    /// <summary>Stable DNS name: <c>&lt;pod&gt;.&lt;replicaset&gt;.&lt;namespace&gt;.svc.cluster.local</c> on
    /// Kubernetes, the topology host on systemd.</summary>
    public required string Host { get; init; }

    /// <summary>iproto port the instance listens on and advertises on that platform.</summary>
    public required int IprotoPort { get; init; }

    /// <summary>HTTP port of the Prometheus metrics endpoint on that platform.</summary>
    public required int MetricsPort { get; init; }

    /// <summary>Docker Compose service name (the instance name).</summary>
    public required string ComposeService { get; init; }

    /// <summary>Host port (bound to 127.0.0.1) publishing the instance's iproto port in Docker Compose.</summary>
    public required int ComposeIprotoHostPort { get; init; }

    /// <summary>Host port (bound to 127.0.0.1) publishing the metrics port in Docker Compose.</summary>
    public required int ComposeMetricsHostPort { get; init; }
}
