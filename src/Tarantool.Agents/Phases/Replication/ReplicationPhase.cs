namespace Tarantool.Agents.Phases.Replication;

/// <summary>Phase 5 (replication): the output spec and the narrative's required sections.</summary>
public static class ReplicationPhase
{
    public static IReadOnlyList<NarrativeSection> Sections { get; } =
    [
        new("Summary", "Итоги"),
        new("Replication topology", "Топология репликации"),
        new("Synchronous and asynchronous replication", "Синхронная и асинхронная репликация"),
        new("Lag thresholds", "Пороги отставания"),
        new("Joining and rebuilding replicas", "Подключение и пересборка реплик"),
        new("When replication breaks", "Когда репликация ломается"),
        new("Verification", "Проверка"),
    ];

    public static IPhaseOutputSpec Spec { get; } =
        new PhaseOutputSpec<ReplicationPlan>(new ReplicationPlanValidator(), new ReplicationRenderer(), Sections, requirements: ReplicationPlanRequirements.For);
}
