using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// States, for the deployment-automation prompt, what <see cref="DeploymentPlanValidator"/> demands: the deployment
/// form and layout, the inventory and groups of the topology, the rolling order with each replicaset's leader and
/// switchover method, the backup schedule of the backup plan and the pipeline's stages.
/// </summary>
internal static class DeploymentPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        var form = DeploymentForms.For(request);
        var lines = new List<string>
        {
            $"form is \"{form}\", localDevelopment \"{DeploymentForms.DockerCompose}\", appName \"{request.ClusterName}\", tarantoolVersion \"{request.TarantoolVersion}\", installDir \"{DeploymentLayout.DefaultInstallDir}\".",
            "startTimeoutSeconds is at least 60; maxReplicationLagSeconds is positive.",
        };
        if (topology is not null)
        {
            lines.Add("\"inventory\" lists every instance of the topology exactly once with its replicaset, host, port and metrics port as the topology has them.");
            lines.Add("\"groups\" have names of letters, digits and underscores only (no dashes), known children and topology instances only, and one group holds exactly the members of each replicaset.");
            var tooling = ClusterTooling.Of(request);
            lines.Add("\"rollingUpdate\" has one step per replicaset, data replicasets before routers, its order naming every member with the leader last, and: " +
                string.Join("; ", topology.Replicasets.Select(r => $"{r.Name} {(ReplicasetRoles.PreferredLeader(r, topology.FailoverMode) is { } leader ? "leader " + leader : "no single leader")}, switchoverMethod \"{SwitchoverPolicy.MethodFor(tooling, topology.FailoverMode, r)}\"")) +
                ". switchoverTo is another member of the replicaset" + (topology.FailoverMode == ReplicasetRoles.Election ? ", a candidate" : "") + ".");
        }
        if (backup is not null)
        {
            var wal = backup.ContinuousWalArchival ? backup.WalArchiveIntervalSeconds : 0;
            lines.Add($"backupSchedule: mechanism \"{DeploymentForms.BackupMechanism(form)}\", fullBackupCron \"{backup.FullBackupCron.Trim()}\" and verificationCron \"{backup.VerificationCron.Trim()}\" as in the backup plan (the OnCalendar fields the same schedules in systemd form), retentionDays {backup.RetentionDays}, walArchiveIntervalSeconds {wal}, and backupInstances naming exactly one instance of each data replicaset.");
        }
        lines.Add("\"pipeline\" has a 'lint' stage (yamllint, shellcheck, ansible syntax check) before a 'deploy' stage, and every stage runs a command.");
        lines.Add("No secret literal anywhere: reference a vault variable, an environment variable or a CI secret.");
        return lines;
    }
}
