namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>Phase 3 (backup-recovery): its narrative sections, validator and renderer.</summary>
public static class BackupRecoveryPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection Objectives = new("Recovery objectives", "Цели восстановления");
    public static readonly NarrativeSection Schedule = new("Backup schedule", "Расписание резервного копирования");
    public static readonly NarrativeSection Storage = new("Storage and retention", "Хранение и срок хранения");
    public static readonly NarrativeSection PointInTime = new("Point-in-time recovery", "Восстановление на момент времени");
    public static readonly NarrativeSection Procedures = new("Restore procedures", "Процедуры восстановления");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Objectives, Schedule, Storage, PointInTime, Procedures];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<BackupPlan>(new BackupPlanValidator(), new BackupScriptsRenderer(), Sections, requirements: BackupPlanRequirements.For);
}
