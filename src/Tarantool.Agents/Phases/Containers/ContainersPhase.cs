namespace Tarantool.Agents.Phases.Containers;

/// <summary>Phase 6 (containers-orchestration): its narrative sections, validator and renderer.</summary>
public static class ContainersPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection ContainerImage = new("Container image", "Образ контейнера");
    public static readonly NarrativeSection Compose = new("Local and compose topology", "Локальная топология и Docker Compose");
    public static readonly NarrativeSection Kubernetes = new("Kubernetes", "Kubernetes");
    public static readonly NarrativeSection Systemd = new("systemd services", "Службы systemd");
    public static readonly NarrativeSection Resources = new("Resources and scheduling", "Ресурсы и размещение");
    public static readonly NarrativeSection Secrets = new("Secrets", "Секреты");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, ContainerImage, Compose, Kubernetes, Systemd, Resources, Secrets];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<OrchestrationPlan>(new OrchestrationPlanValidator(), new OrchestrationRenderer(), Sections, requirements: OrchestrationPlanRequirements.For);
}
