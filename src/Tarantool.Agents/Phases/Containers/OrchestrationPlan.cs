using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Phase 6: how the cluster is packaged and run — the container image, the local Docker Compose topology, the
/// production platform (Kubernetes StatefulSets or systemd units), resources, probes, placement and secrets.
/// </summary>
public sealed record OrchestrationPlan
{
    [OneOf(typeof(OrchestrationPlanValidator), nameof(OrchestrationPlanValidator.Platforms))]
    [Description("Where production instances run: kubernetes (cloud kubernetes, aws, azure, gcp) or systemd (on-premises hosts). Docker Compose is always rendered for local work.")]
    public required string Platform { get; init; }

    [Description("Kubernetes namespace (a DNS-1123 label, normally the cluster name); empty for systemd.")]
    public required string Namespace { get; init; }

    [Description("The image every instance runs.")]
    public required ContainerImagePlan Image { get; init; }

    [OneOf(typeof(Containers.ConfigDelivery), nameof(Containers.ConfigDelivery.All))]

    [Description("How instances get their configuration: config-yaml (3.x config.yaml rewritten for platform host names), lua-layout (2.11 box.cfg files, TT_* variables) or cartridge (TARANTOOL_* variables).")]
    public required string ConfigDelivery { get; init; }

    [Description("The StorageClass the data volumes use; null for systemd, or when plain Kubernetes keeps the cluster's default class.")]
    public required StorageClassPlan? StorageClass { get; init; }

    [Description("One workload per replicaset (a StatefulSet on Kubernetes, a unit group on systemd), in topology order.")]
    public required IReadOnlyList<WorkloadPlan> Workloads { get; init; }

    [Description("Every topology instance with the address it gets on each platform, in topology order.")]
    public required IReadOnlyList<InstanceEndpoint> Endpoints { get; init; }

    [Description("Services applications connect to (routers, or the replicaset for non-sharded clusters).")]
    public required IReadOnlyList<ClientServicePlan> ClientServices { get; init; }

    [Description("Startup, liveness and readiness probing, sized from the recovery time of the largest instance.")]
    public required ProbePlan Probes { get; init; }

    [Description("Every secret an instance needs, referenced by name only; values are never part of the plan.")]
    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    [Description("Choices made and why: host-name mapping, pod management, storage, QoS, limitations.")]
    public required IReadOnlyList<string> Decisions { get; init; }
}
