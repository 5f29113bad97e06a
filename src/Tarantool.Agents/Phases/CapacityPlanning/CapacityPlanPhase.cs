namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>Phase 1 (capacity-planning): the narrative's sections and the output's validator. It renders no files;
/// its figures reach the bundle through the configuration, orchestration and documentation phases.</summary>
public static class CapacityPlanPhase
{
    public static NarrativeSection Summary { get; } = new("Summary", "Итоги");
    public static NarrativeSection Workload { get; } = new("Workload and assumptions", "Нагрузка и допущения");
    public static NarrativeSection Memory { get; } = new("Memory", "Память");
    public static NarrativeSection InstancesAndHosts { get; } = new("Instances and hosts", "Инстансы и хосты");
    public static NarrativeSection CpuAndNetwork { get; } = new("CPU and network", "CPU и сеть");
    public static NarrativeSection DiskAndWal { get; } = new("Disk and WAL", "Диск и WAL");
    public static NarrativeSection Sharding { get; } = new("Sharding", "Шардирование");
    public static NarrativeSection Growth { get; } = new("Growth projection", "Прогноз роста");

    public static IReadOnlyList<NarrativeSection> Sections { get; } =
        [Summary, Workload, Memory, InstancesAndHosts, CpuAndNetwork, DiskAndWal, Sharding, Growth];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<CapacityPlan>(new CapacityPlanValidator(), null, Sections, requirements: CapacityPlanRequirements.For);
}
