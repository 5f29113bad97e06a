namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Phase 7 (monitoring): its narrative sections, validator and renderer.</summary>
public static class MonitoringPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection MetricsExport = new("Metrics export", "Экспорт метрик");
    public static readonly NarrativeSection Scrape = new("Scrape configuration", "Сбор метрик");
    public static readonly NarrativeSection Alerts = new("Alerts and thresholds", "Алерты и пороги");
    public static readonly NarrativeSection Dashboards = new("Dashboards", "Дашборды");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, MetricsExport, Scrape, Alerts, Dashboards];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<MonitoringPlan>(new MonitoringPlanValidator(), new MonitoringRenderer(), Sections, requirements: MonitoringPlanRequirements.For);
}
