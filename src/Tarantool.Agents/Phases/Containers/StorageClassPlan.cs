namespace Tarantool.Agents.Phases.Containers;

/// <summary>A Kubernetes StorageClass for the data volumes.</summary>
public sealed record StorageClassPlan
{
    /// <summary>StorageClass name, e.g. <c>tarantool-gp3</c>.</summary>
    public required string Name { get; init; }

    /// <summary>CSI provisioner: <c>ebs.csi.aws.com</c> (EKS), <c>disk.csi.azure.com</c> (AKS),
    /// <c>pd.csi.storage.gke.io</c> (GKE).</summary>
    public required string Provisioner { get; init; }

    /// <summary>Provisioner parameters, e.g. <c>type=gp3</c>; ordered by name.</summary>
    public required IReadOnlyList<StorageParameter> Parameters { get; init; }

    /// <summary><c>Retain</c> so that deleting a claim never deletes a replica's data.</summary>
    public required string ReclaimPolicy { get; init; }

    /// <summary><c>WaitForFirstConsumer</c> so the disk is created in the zone the pod was scheduled to.</summary>
    public required string VolumeBindingMode { get; init; }

    /// <summary>Why this disk type: IOPS, latency and durability reasoning.</summary>
    public required string Reason { get; init; }
}

/// <summary>One StorageClass parameter.</summary>
public sealed record StorageParameter(string Name, string Value);
