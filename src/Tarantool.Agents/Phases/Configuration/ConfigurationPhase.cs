namespace Tarantool.Agents.Phases.Configuration;

/// <summary>Phase 4 (configuration): the output spec and the narrative's required sections.</summary>
public static class ConfigurationPhase
{
    public static IReadOnlyList<NarrativeSection> Sections { get; } =
    [
        new("Summary", "Итоги"),
        new("Configuration layout", "Структура конфигурации"),
        new("Durability: WAL and snapshots", "Надёжность: WAL и снапшоты"),
        new("Memory", "Память"),
        new("Replication and failover", "Репликация и отказоустойчивость"),
        new("Security and credentials", "Безопасность и учётные данные"),
        new("Metrics", "Метрики"),
        new("How to apply", "Как применить"),
    ];

    public static IPhaseOutputSpec Spec { get; } =
        new PhaseOutputSpec<ClusterConfiguration>(new ClusterConfigurationValidator(), new ClusterConfigurationRenderer(), Sections, requirements: ClusterConfigurationRequirements.For);
}
