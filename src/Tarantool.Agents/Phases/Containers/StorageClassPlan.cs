using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>A Kubernetes StorageClass for the data volumes.</summary>
public sealed record StorageClassPlan
{
    [Description("StorageClass name, e.g. tarantool-gp3.")]
    public required string Name { get; init; }

    [Description("CSI provisioner: ebs.csi.aws.com (EKS), disk.csi.azure.com (AKS), pd.csi.storage.gke.io (GKE).")]
    public required string Provisioner { get; init; }

    [Description("Provisioner parameters, e.g. type=gp3; ordered by name.")]
    public required IReadOnlyList<StorageParameter> Parameters { get; init; }

    [OneOf(typeof(OrchestrationPlanValidator), nameof(OrchestrationPlanValidator.ReclaimPolicies))]

    [Description("Retain so that deleting a claim never deletes a replica's data.")]
    public required string ReclaimPolicy { get; init; }

    [OneOf(typeof(OrchestrationPlanValidator), nameof(OrchestrationPlanValidator.VolumeBindingModes))]

    [Description("WaitForFirstConsumer so the disk is created in the zone the pod was scheduled to.")]
    public required string VolumeBindingMode { get; init; }

    [Description("Why this disk type: IOPS, latency and durability reasoning.")]
    public required string Reason { get; init; }
}

/// <summary>One StorageClass parameter.</summary>
public sealed record StorageParameter(
    [property: Description("Parameter name, e.g. type.")] string Name,
    [property: Description("Parameter value, e.g. gp3.")] string Value);
