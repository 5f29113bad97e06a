namespace Tarantool.Agents.Phases.Topology;

/// <summary>Phase 2 (topology): the narrative's sections and the output's validator. It renders no files; the
/// configuration, orchestration and deployment phases turn the topology into config.yaml, manifests and inventories.</summary>
public static class ClusterTopologyPhase
{
    public static NarrativeSection Summary { get; } = new("Summary", "Итоги");
    public static NarrativeSection Instances { get; } = new("Instances and replicasets", "Инстансы и наборы реплик");
    public static NarrativeSection Failover { get; } = new("Failover and HA", "Отказоустойчивость");
    public static NarrativeSection Sites { get; } = new("Sites and zones", "Площадки и зоны");
    public static NarrativeSection Security { get; } = new("Security", "Безопасность");
    public static NarrativeSection Diagram { get; } = new("Diagram", "Схема");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Instances, Failover, Sites, Security, Diagram];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<ClusterTopology>(new ClusterTopologyValidator(), null, Sections, requirements: ClusterTopologyRequirements.For);
}
