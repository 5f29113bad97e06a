using System.ComponentModel;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>One Tarantool instance Prometheus scrapes; the fields become target labels.</summary>
public sealed record ScrapeTarget
{
    [Description("Instance name from the topology (label instance_name).")]
    public required string Instance { get; init; }

    [Description("Replicaset name (label replicaset).")]
    public required string Replicaset { get; init; }

    [Description("storage, router or db (label role).")]
    public required string Role { get; init; }

    [Description("host:metricsPort: the topology host on VMs, the pod DNS name and port 8081 on Kubernetes.")]
    public required string Address { get; init; }

    [Description("Region of the instance (label region).")]

    public required string Region { get; init; }

    [Description("Zone of the instance (label zone).")]

    public required string Zone { get; init; }
}
