using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>
/// Phase 10 expert (deployment-engineer): chooses the deployment form from the cloud, builds the inventory from the
/// topology, orders the zero-downtime rolling update, turns the backup plan's crons into timers or CronJobs with its
/// retention, and lays out the CI/CD stages.
/// </summary>
internal sealed class DeploymentExpert : PhaseExpert<DeploymentPlan>
{
    public override DeploymentPlan Design(PhaseContext context)
    {
        var cluster = ClusterProfile.From(context);
        var form = DeploymentForms.For(cluster.Request);
        var inventory = new InventoryDesigner();
        var backupInstances = cluster.DataReplicasets.Select(cluster.BackupInstance).ToList();
        var schedule = new BackupSchedule
        {
            Mechanism = DeploymentForms.BackupMechanism(form),
            FullBackupCron = cluster.Backup.FullBackupCron,
            FullBackupOnCalendar = CronCalendar.ToOnCalendar(cluster.Backup.FullBackupCron) ?? "",
            VerificationCron = cluster.Backup.VerificationCron,
            VerificationOnCalendar = CronCalendar.ToOnCalendar(cluster.Backup.VerificationCron) ?? "",
            WalArchiveIntervalSeconds = cluster.Backup.ContinuousWalArchival ? cluster.Backup.WalArchiveIntervalSeconds : 0,
            RetentionDays = cluster.Backup.RetentionDays,
            BackupInstances = backupInstances,
        };
        var rolling = new RollingUpdateDesigner().Design(cluster);
        return new DeploymentPlan
        {
            Form = form,
            LocalDevelopment = DeploymentForms.DockerCompose,
            AppName = cluster.App,
            TarantoolVersion = cluster.Version.ToString(),
            InstallDir = cluster.InstallDir,
            Inventory = inventory.Instances(cluster),
            Groups = inventory.Groups(cluster, backupInstances),
            RollingUpdate = rolling,
            MaxReplicationLagSeconds = DeploymentTimings.MaxReplicationLagSeconds(cluster),
            StartTimeoutSeconds = DeploymentTimings.StartTimeoutSeconds(cluster),
            BackupSchedule = schedule,
            Pipeline = new PipelineDesigner().Design(cluster, form, schedule),
            Secrets = [.. cluster.Secrets.Select(s => new SecretReference(s.Variable, SecretSource(cluster, form, s), Purpose(cluster, s)))],
            Decisions = DeploymentDecisions.For(cluster, form, rolling),
        };
    }

    public override string Narrate(DeploymentPlan output, PhaseContext context) =>
        new DeploymentNarrator(ClusterProfile.From(context), output).Write();

    private static string SecretSource(ClusterProfile cluster, string form, ClusterSecret secret) =>
        form == DeploymentForms.Kubernetes
            ? $"kubernetes-secret: {Phases.Containers.PlatformNaming.Namespace(cluster.App)}-credentials/{secret.ContextName.Replace('_', '-')}"
            : $"ansible-vault: {Phases.Deployment.Ansible.DeployPlaybookWriter.VaultVariable(secret.Variable)}";

    private static string Purpose(ClusterProfile cluster, ClusterSecret secret) =>
        secret.ContextName switch
        {
            "cluster_cookie" => cluster.Language == Requests.Language.Ru ? "cluster cookie Cartridge" : "Cartridge cluster cookie",
            "stateboard_password" => cluster.Language == Requests.Language.Ru ? "пароль stateboard" : "stateboard password",
            _ => cluster.Language == Requests.Language.Ru ? $"пароль пользователя {secret.User}" : $"password of user {secret.User}",
        };
}
