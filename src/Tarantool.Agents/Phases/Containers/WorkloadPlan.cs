using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>How one replicaset runs: a StatefulSet named after the replicaset with <c>spec.ordinals.start: 1</c>,
/// so pod names equal instance names.</summary>
public sealed record WorkloadPlan
{
    [Description("Replicaset name; also the StatefulSet and headless Service name.")]
    public required string Replicaset { get; init; }

    [OneOf(typeof(OrchestrationPlanValidator), nameof(OrchestrationPlanValidator.WorkloadRoles))]

    [Description("storage, router, db (non-sharded data replicaset) or stateboard.")]
    public required string Role { get; init; }

    [Description("Instance names of the replicaset, in order (pod ordinals 1..N).")]
    public required IReadOnlyList<string> Instances { get; init; }

    [Description("CPU request in millicores.")]
    public required int CpuRequestMillicores { get; init; }

    [Description("CPU limit in millicores (equal to the request gives the Guaranteed QoS class).")]
    public required int CpuLimitMillicores { get; init; }

    [Description("Memory request in MiB: at least the capacity plan's RAM per instance.")]
    public required int MemoryRequestMib { get; init; }

    [Description("Memory limit in MiB (not below the request).")]
    public required int MemoryLimitMib { get; init; }

    [Description("Data volume size in GiB per instance: at least the capacity plan's disk per instance.")]
    public required int VolumeGib { get; init; }

    [Description("PodDisruptionBudget maxUnavailable: 1, so a drain never takes two members of a replicaset at once.")]
    public required int MaxUnavailable { get; init; }

    [Description("True: members must land on different nodes (required anti-affinity); false: preferred only.")]
    public required bool RequiredNodeAntiAffinity { get; init; }

    [OneOf(typeof(OrchestrationPlanValidator), nameof(OrchestrationPlanValidator.ZoneSpreads))]

    [Description("Zone spread when unsatisfiable: DoNotSchedule (hard) or ScheduleAnyway (soft).")]
    public required string ZoneSpread { get; init; }

    [Description("True when members are also spread across regions (stretched multi-region cluster).")]
    public required bool SpreadAcrossRegions { get; init; }
}
