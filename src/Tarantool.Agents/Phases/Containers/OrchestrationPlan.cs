namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Phase 6: how the cluster is packaged and run — the container image, the local Docker Compose topology, the
/// production platform (Kubernetes StatefulSets or systemd units), resources, probes, placement and secrets.
/// </summary>
public sealed record OrchestrationPlan
{
    /// <summary>Where production instances run: <c>kubernetes</c> (cloud kubernetes, aws, azure, gcp) or
    /// <c>systemd</c> (on-premises hosts). Docker Compose is always rendered for local work.</summary>
    public required string Platform { get; init; }

    /// <summary>Kubernetes namespace (a DNS-1123 label, normally the cluster name); empty for systemd.</summary>
    public required string Namespace { get; init; }

    /// <summary>The image every instance runs.</summary>
    public required ContainerImagePlan Image { get; init; }

    /// <summary>How instances get their Tarantool configuration: <c>config-yaml</c> (3.x declarative
    /// config.yaml rewritten for the platform's host names), <c>lua-layout</c> (2.11 box.cfg files baked into the
    /// image, listen and replication passed as TT_* environment variables) or <c>cartridge</c> (Cartridge application
    /// baked into the image, identity passed as TARANTOOL_* environment variables).</summary>
    public required string ConfigDelivery { get; init; }

    /// <summary>The StorageClass the data volumes use; null for systemd, or when plain Kubernetes keeps the cluster's
    /// default class.</summary>
    public required StorageClassPlan? StorageClass { get; init; }

    /// <summary>One workload per replicaset (a StatefulSet on Kubernetes, a unit group on systemd), in topology order.</summary>
    public required IReadOnlyList<WorkloadPlan> Workloads { get; init; }

    /// <summary>Every topology instance with the address it gets on each platform, in topology order.</summary>
    public required IReadOnlyList<InstanceEndpoint> Endpoints { get; init; }

    /// <summary>Services applications connect to (routers, or the replicaset for non-sharded clusters).</summary>
    public required IReadOnlyList<ClientServicePlan> ClientServices { get; init; }

    /// <summary>Startup, liveness and readiness probing, sized from the recovery time of the largest instance.</summary>
    public required ProbePlan Probes { get; init; }

    /// <summary>Every secret an instance needs, referenced by name only; values are never part of the plan.</summary>
    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    /// <summary>Choices made and why: host-name mapping, pod management, storage, QoS, limitations.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }
}
