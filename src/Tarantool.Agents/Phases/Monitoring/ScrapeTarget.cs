namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>One Tarantool instance Prometheus scrapes; the fields become target labels.</summary>
public sealed record ScrapeTarget
{
    /// <summary>Instance name from the topology (label <c>instance_name</c>).</summary>
    public required string Instance { get; init; }

    /// <summary>Replicaset name (label <c>replicaset</c>).</summary>
    public required string Replicaset { get; init; }

    /// <summary><c>storage</c>, <c>router</c> or <c>db</c> (label <c>role</c>).</summary>
    public required string Role { get; init; }

    /// <summary><c>host:metricsPort</c>: the topology host on VMs, the pod DNS name and port 8081 on Kubernetes.</summary>
    public required string Address { get; init; }

    public required string Region { get; init; }

    public required string Zone { get; init; }
}
