namespace Tarantool.Agents.Phases.Deployment;

/// <summary>Phase 10 (deployment-automation): deployment form, inventory, rolling updates, backup scheduling, CI/CD.</summary>
public static class DeploymentPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection Inventory = new("Inventory", "Инвентарь");
    public static readonly NarrativeSection Deployment = new("Deployment", "Развёртывание");
    public static readonly NarrativeSection RollingUpdates = new("Rolling updates", "Обновления без простоя");
    public static readonly NarrativeSection BackupScheduling = new("Backup scheduling", "Расписание бэкапов");
    public static readonly NarrativeSection CiCd = new("CI/CD", "CI/CD");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Inventory, Deployment, RollingUpdates, BackupScheduling, CiCd];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<DeploymentPlan>(new DeploymentPlanValidator(), new DeploymentPlanRenderer(), Sections, requirements: DeploymentPlanRequirements.For);
}
