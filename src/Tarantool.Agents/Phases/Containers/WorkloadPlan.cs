namespace Tarantool.Agents.Phases.Containers;

/// <summary>How one replicaset runs: a StatefulSet named after the replicaset with <c>spec.ordinals.start: 1</c>,
/// so pod names equal instance names.</summary>
public sealed record WorkloadPlan
{
    /// <summary>Replicaset name; also the StatefulSet and headless Service name.</summary>
    public required string Replicaset { get; init; }

    /// <summary><c>storage</c>, <c>router</c>, <c>db</c> (non-sharded data replicaset) or <c>stateboard</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Instance names of the replicaset, in order (pod ordinals 1..N).</summary>
    public required IReadOnlyList<string> Instances { get; init; }

    /// <summary>CPU request in millicores.</summary>
    public required int CpuRequestMillicores { get; init; }

    /// <summary>CPU limit in millicores (equal to the request gives the Guaranteed QoS class).</summary>
    public required int CpuLimitMillicores { get; init; }

    /// <summary>Memory request in MiB: at least the capacity plan's RAM per instance.</summary>
    public required int MemoryRequestMib { get; init; }

    /// <summary>Memory limit in MiB (not below the request).</summary>
    public required int MemoryLimitMib { get; init; }

    /// <summary>Data volume size in GiB per instance: at least the capacity plan's disk per instance.</summary>
    public required int VolumeGib { get; init; }

    /// <summary>PodDisruptionBudget maxUnavailable: 1, so a drain never takes two members of a replicaset at once.</summary>
    public required int MaxUnavailable { get; init; }

    /// <summary>True: members must land on different nodes (required anti-affinity); false: preferred only.</summary>
    public required bool RequiredNodeAntiAffinity { get; init; }

    /// <summary>Zone spread when unsatisfiable: <c>DoNotSchedule</c> (hard) or <c>ScheduleAnyway</c> (soft).</summary>
    public required string ZoneSpread { get; init; }

    /// <summary>True when members are also spread across regions (stretched multi-region cluster).</summary>
    public required bool SpreadAcrossRegions { get; init; }
}
