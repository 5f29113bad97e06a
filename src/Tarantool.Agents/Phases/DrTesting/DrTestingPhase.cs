namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>Phase 8 (dr-testing): its narrative sections, validator and renderer.</summary>
public static class DrTestingPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection Scenarios = new("Scenarios", "Сценарии");
    public static readonly NarrativeSection Measuring = new("Measuring RTO and RPO", "Измерение RTO и RPO");
    public static readonly NarrativeSection PassCriteria = new("Pass criteria", "Критерии успеха");
    public static readonly NarrativeSection Schedule = new("Schedule", "График учений");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Scenarios, Measuring, PassCriteria, Schedule];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<DrTestPlan>(new DrTestPlanValidator(), new DrScriptsRenderer(), Sections, requirements: DrTestPlanRequirements.For);
}
