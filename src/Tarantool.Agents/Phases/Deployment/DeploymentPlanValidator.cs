using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// Holds a deployment plan to the topology and the backup plan: the form the cloud calls for, the shared host layout
/// the other phases' units and paths assume, every instance in the inventory exactly once, rolling updates that restart leaders last after a switchover that fits the failover mode,
/// the backup plan's schedules and retention, a pipeline that lints before it deploys, and no secret values.
/// </summary>
internal sealed partial class DeploymentPlanValidator : IPhaseValidator<DeploymentPlan>
{
    public IEnumerable<ValidationIssue> Validate(DeploymentPlan output, PhaseContext context)
    {
        var issues = new List<ValidationIssue>();
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var backup = context.Find<BackupPlan>();

        CheckBasics(output, request, issues);
        CheckInventory(output, topology, issues);
        CheckRolling(output, topology, ClusterTooling.Of(request), issues);
        if (backup is not null) CheckBackup(output, request, topology, backup, issues);
        CheckPipeline(output, issues);
        CheckSecrets(output, topology, issues);
        return issues;
    }

    private static void CheckBasics(DeploymentPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        var form = DeploymentForms.For(request);
        if (plan.Form != form)
            issues.Add(ValidationIssue.Error("deploy.form",
                $"form is '{plan.Form}' but a {request.CloudProvider} deployment uses '{form}' (ansible-systemd on premises, kubernetes on Kubernetes-based clouds).", "$.form"));
        if (plan.LocalDevelopment != DeploymentForms.DockerCompose)
            issues.Add(ValidationIssue.Error("deploy.local-development", "localDevelopment must be 'docker-compose' (the containers phase's compose file).", "$.localDevelopment"));
        if (plan.AppName != request.ClusterName)
            issues.Add(ValidationIssue.Error("deploy.app-name", $"appName must be the cluster name '{request.ClusterName}'.", "$.appName"));
        if (!TarantoolVersion.TryParse(plan.TarantoolVersion, out var version) || version != TarantoolVersion.Parse(request.TarantoolVersion))
            issues.Add(ValidationIssue.Error("deploy.version", $"tarantoolVersion '{plan.TarantoolVersion}' differs from the target {request.TarantoolVersion}.", "$.tarantoolVersion"));
        if (!plan.InstallDir.StartsWith('/') || plan.InstallDir.Contains(' '))
            issues.Add(ValidationIssue.Error("deploy.install-dir", $"installDir '{plan.InstallDir}' must be an absolute path without spaces.", "$.installDir"));
        else if (plan.InstallDir != DeploymentLayout.DefaultInstallDir)
            issues.Add(ValidationIssue.Error("deploy.install-dir-layout",
                $"installDir '{plan.InstallDir}' must be {DeploymentLayout.DefaultInstallDir}: the containers phase's systemd unit runs the instances from {DeploymentLayout.AppDir(DeploymentLayout.DefaultInstallDir, request.ClusterName)}, " +
                "and the backup, monitoring and DR phases expect data under its var/lib (the configuration phase's tt environment).", "$.installDir"));
        if (plan.StartTimeoutSeconds < 60)
            issues.Add(ValidationIssue.Error("deploy.start-timeout", "startTimeoutSeconds must be at least 60: an instance needs time to load its snapshot and replay WAL.", "$.startTimeoutSeconds"));
        if (plan.MaxReplicationLagSeconds <= 0)
            issues.Add(ValidationIssue.Error("deploy.max-lag", "maxReplicationLagSeconds must be positive: the rolling update waits for replicas to catch up.", "$.maxReplicationLagSeconds"));
    }

    private static void CheckInventory(DeploymentPlan plan, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var expected = topology.Replicasets.SelectMany(r => r.Instances.Select(i => (Replicaset: r.Name, Instance: i)))
            .ToDictionary(x => x.Instance.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Inventory.Count; i++)
        {
            var entry = plan.Inventory[i];
            var path = $"$.inventory[{i}]";
            if (!expected.TryGetValue(entry.Name, out var node))
            {
                issues.Add(ValidationIssue.Error("deploy.inventory-unknown", $"'{entry.Name}' is not an instance of the topology; remove it.", path));
                continue;
            }
            if (!seen.Add(entry.Name))
            {
                issues.Add(ValidationIssue.Error("deploy.inventory-duplicate", $"'{entry.Name}' appears more than once; every instance appears exactly once.", path));
                continue;
            }
            if (entry.Host != node.Instance.Host || entry.Port != node.Instance.Port || entry.MetricsPort != node.Instance.MetricsPort || entry.Replicaset != node.Replicaset)
                issues.Add(ValidationIssue.Error("deploy.inventory-mismatch",
                    $"'{entry.Name}' must be {node.Replicaset} on {node.Instance.Host}:{node.Instance.Port} (metrics {node.Instance.MetricsPort}) as in the topology.", path));
        }
        foreach (var missing in expected.Keys.Where(k => !seen.Contains(k)))
            issues.Add(ValidationIssue.Error("deploy.inventory-missing", $"Instance '{missing}' is missing from the inventory.", "$.inventory"));

        var groups = plan.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = plan.Groups[g];
            if (!GroupName().IsMatch(group.Name))
                issues.Add(ValidationIssue.Error("deploy.group-name", $"Group '{group.Name}' must contain only letters, digits and underscores (Ansible rejects dashes).", $"$.groups[{g}]"));
            foreach (var child in group.Children.Where(c => !groups.Contains(c)))
                issues.Add(ValidationIssue.Error("deploy.group-child", $"Group '{group.Name}' has unknown child '{child}'.", $"$.groups[{g}]"));
            foreach (var member in group.Instances.Where(m => !expected.ContainsKey(m)))
                issues.Add(ValidationIssue.Error("deploy.group-member", $"Group '{group.Name}' lists '{member}', which is not an instance of the topology.", $"$.groups[{g}]"));
        }
        foreach (var replicaset in topology.Replicasets)
        {
            var members = replicaset.Instances.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            if (!plan.Groups.Any(g => g.Instances.ToHashSet(StringComparer.Ordinal).SetEquals(members)))
                issues.Add(ValidationIssue.Error("deploy.group-missing",
                    $"No inventory group holds exactly the members of {replicaset.Name}; add group '{GroupOf(replicaset.Name)}'.", "$.groups"));
        }
    }

    private static void CheckRolling(DeploymentPlan plan, ClusterTopology topology, TarantoolTooling tooling, List<ValidationIssue> issues)
    {
        var byName = topology.Replicasets.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var routerSeen = false;
        for (var i = 0; i < plan.RollingUpdate.Count; i++)
        {
            var step = plan.RollingUpdate[i];
            var path = $"$.rollingUpdate[{i}]";
            if (!byName.TryGetValue(step.Replicaset, out var replicaset))
            {
                issues.Add(ValidationIssue.Error("rolling.unknown-replicaset", $"'{step.Replicaset}' is not a replicaset of the topology.", path));
                continue;
            }
            if (!seen.Add(step.Replicaset))
            {
                issues.Add(ValidationIssue.Error("rolling.duplicate-replicaset", $"{step.Replicaset} is updated twice.", path));
                continue;
            }
            if (ReplicasetRoles.IsRouter(replicaset)) routerSeen = true;
            else if (routerSeen && ReplicasetRoles.HoldsData(replicaset))
                issues.Add(ValidationIssue.Warning("rolling.routers-before-storages",
                    $"{step.Replicaset} holds data but is updated after a router; update storages first, routers after (vshard supports older routers with newer storages).", path));

            var members = replicaset.Instances.Select(n => n.Name).ToList();
            if (step.Order.Count != members.Count || !step.Order.ToHashSet(StringComparer.Ordinal).SetEquals(members))
                issues.Add(ValidationIssue.Error("rolling.order-members",
                    $"order of {step.Replicaset} must list each of its instances once ({string.Join(", ", members)}).", path + ".order"));

            var method = SwitchoverPolicy.MethodFor(tooling, topology.FailoverMode, replicaset);
            if (step.SwitchoverMethod != method)
                issues.Add(ValidationIssue.Error("rolling.switchover-method",
                    $"{step.Replicaset} uses switchover '{step.SwitchoverMethod}' but failover '{topology.FailoverMode}' with {tooling} calls for '{method}'.", path + ".switchoverMethod"));
            CheckLeader(step, replicaset, topology.FailoverMode, path, issues);
        }
        foreach (var missing in topology.Replicasets.Where(r => !seen.Contains(r.Name)))
            issues.Add(ValidationIssue.Error("rolling.missing-replicaset", $"{missing.Name} is missing from rollingUpdate.", "$.rollingUpdate"));
    }

    private static void CheckLeader(RollingReplicaset step, Replicaset replicaset, string failoverMode, string path, List<ValidationIssue> issues)
    {
        if (ReplicasetRoles.IsMultiMaster(replicaset, failoverMode) || replicaset.Instances.Count == 0) return;
        var node = replicaset.Instances.FirstOrDefault(n => n.Name == step.Leader);
        var leaderOk = node is not null && (replicaset.Instances.Count == 1 || failoverMode switch
        {
            ReplicasetRoles.Election => node.ElectionMode == ReplicasetRoles.Candidate,
            _ when !string.IsNullOrEmpty(replicaset.Leader) => node.Name == replicaset.Leader,
            _ => node.Name == ReplicasetRoles.PreferredLeader(replicaset, failoverMode),
        });
        if (!leaderOk)
        {
            issues.Add(ValidationIssue.Error("rolling.leader",
                $"leader of {step.Replicaset} must be its leader ({ReplicasetRoles.PreferredLeader(replicaset, failoverMode)}), not '{step.Leader}'.", path + ".leader"));
            return;
        }
        if (step.Order.Count > 0 && step.Order[^1] != step.Leader)
            issues.Add(ValidationIssue.Error("rolling.leader-not-last",
                $"{step.Replicaset} restarts its leader {step.Leader} before its replicas; restart the replicas first and the leader last.", path + ".order"));
        if (replicaset.Instances.Count == 1 || step.SwitchoverMethod is SwitchoverMethods.None or SwitchoverMethods.ReadOnlyWindow)
            return;
        var target = replicaset.Instances.FirstOrDefault(n => n.Name == step.SwitchoverTo);
        if (target is null || target.Name == step.Leader)
            issues.Add(ValidationIssue.Error("rolling.switchover-target",
                $"switchoverTo of {step.Replicaset} must be another member of the replicaset, not '{step.SwitchoverTo}'.", path + ".switchoverTo"));
        else if (failoverMode == ReplicasetRoles.Election && target.ElectionMode != ReplicasetRoles.Candidate)
            issues.Add(ValidationIssue.Error("rolling.switchover-voter",
                $"{step.SwitchoverTo} is a {target.ElectionMode} and can never win an election; switch over to a candidate.", path + ".switchoverTo"));
    }

    private static void CheckBackup(DeploymentPlan plan, ClusterRequest request, ClusterTopology topology, BackupPlan backup, List<ValidationIssue> issues)
    {
        var schedule = plan.BackupSchedule;
        const string path = "$.backupSchedule";
        var mechanism = DeploymentForms.BackupMechanism(DeploymentForms.For(request));
        if (schedule.Mechanism != mechanism)
            issues.Add(ValidationIssue.Error("backup.mechanism", $"mechanism must be '{mechanism}' for this deployment form.", path + ".mechanism"));
        if (Normalize(schedule.FullBackupCron) != Normalize(backup.FullBackupCron))
            issues.Add(ValidationIssue.Error("backup.cron",
                $"fullBackupCron '{schedule.FullBackupCron}' differs from the backup plan's '{backup.FullBackupCron}'.", path + ".fullBackupCron"));
        if (Normalize(schedule.VerificationCron) != Normalize(backup.VerificationCron))
            issues.Add(ValidationIssue.Error("backup.verification-cron",
                $"verificationCron '{schedule.VerificationCron}' differs from the backup plan's '{backup.VerificationCron}'.", path + ".verificationCron"));
        CheckCalendar(schedule.FullBackupCron, schedule.FullBackupOnCalendar, "fullBackupOnCalendar", mechanism, issues);
        CheckCalendar(schedule.VerificationCron, schedule.VerificationOnCalendar, "verificationOnCalendar", mechanism, issues);
        if (schedule.RetentionDays != backup.RetentionDays || schedule.RetentionDays != request.BackupRetentionDays)
            issues.Add(ValidationIssue.Error("backup.retention",
                $"retentionDays {schedule.RetentionDays} must equal the backup plan's {backup.RetentionDays} and the request's {request.BackupRetentionDays}.", path + ".retentionDays"));
        var wal = backup.ContinuousWalArchival ? backup.WalArchiveIntervalSeconds : 0;
        if (schedule.WalArchiveIntervalSeconds != wal)
            issues.Add(ValidationIssue.Error("backup.wal-interval", $"walArchiveIntervalSeconds must be {wal} as in the backup plan.", path + ".walArchiveIntervalSeconds"));

        foreach (var replicaset in topology.Replicasets.Where(ReplicasetRoles.HoldsData))
        {
            var chosen = schedule.BackupInstances.Where(n => replicaset.Instances.Any(i => i.Name == n)).ToList();
            if (chosen.Count != 1)
            {
                issues.Add(ValidationIssue.Error("backup.instances",
                    $"backupInstances must name exactly one instance of {replicaset.Name} (it has {chosen.Count}).", path + ".backupInstances"));
                continue;
            }
            if (replicaset.Instances.Count > 1 && chosen[0] == ReplicasetRoles.PreferredLeader(replicaset, topology.FailoverMode))
                issues.Add(ValidationIssue.Warning("backup.from-leader",
                    $"{chosen[0]} leads {replicaset.Name}; back up a replica to keep snapshot I/O off the write path.", path + ".backupInstances"));
        }
        var known = topology.Replicasets.Where(ReplicasetRoles.HoldsData).SelectMany(r => r.Instances).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in schedule.BackupInstances.Where(n => !known.Contains(n)))
            issues.Add(ValidationIssue.Error("backup.instances", $"'{name}' is not a data instance of the topology.", path + ".backupInstances"));
    }

    private static void CheckCalendar(string cron, string onCalendar, string field, string mechanism, List<ValidationIssue> issues)
    {
        var expected = CronCalendar.ToOnCalendar(cron);
        if (expected is null)
        {
            if (mechanism == DeploymentForms.SystemdTimer)
                issues.Add(ValidationIssue.Error("backup.cron-unsupported",
                    $"'{cron}' cannot be expressed as a systemd OnCalendar the same way (ranges with steps, or day-of-month with day-of-week).", "$.backupSchedule"));
            return;
        }
        if (Normalize(onCalendar) != expected)
            issues.Add(ValidationIssue.Error("backup.oncalendar", $"{field} must be '{expected}' (the cron '{cron}' in systemd form).", $"$.backupSchedule.{field}"));
    }

    private static void CheckPipeline(DeploymentPlan plan, List<ValidationIssue> issues)
    {
        var names = plan.Pipeline.Select(s => s.Name).ToList();
        var lint = names.IndexOf("lint");
        var deploy = names.IndexOf("deploy");
        if (lint < 0) issues.Add(ValidationIssue.Error("pipeline.lint", "The pipeline has no 'lint' stage (yamllint, shellcheck, ansible syntax check).", "$.pipeline"));
        if (deploy < 0) issues.Add(ValidationIssue.Error("pipeline.deploy", "The pipeline has no 'deploy' stage.", "$.pipeline"));
        if (lint >= 0 && deploy >= 0 && deploy < lint)
            issues.Add(ValidationIssue.Error("pipeline.order", "The pipeline deploys before it lints; lint and validate first.", "$.pipeline"));
        for (var i = 0; i < plan.Pipeline.Count; i++)
            if (plan.Pipeline[i].Commands.Count == 0)
                issues.Add(ValidationIssue.Error("pipeline.empty-stage", $"Stage '{plan.Pipeline[i].Name}' runs no command.", $"$.pipeline[{i}]"));
    }

    private static void CheckSecrets(DeploymentPlan plan, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var texts = plan.Pipeline.SelectMany(s => s.Commands).Concat(plan.Decisions);
        foreach (var finding in texts.SelectMany(SecretScanner.Find).Distinct())
            issues.Add(ValidationIssue.Error("deploy.secret-literal", $"The plan contains a secret literal ('{finding}'); reference a vault variable, an environment variable or a CI secret.", "$"));
        for (var i = 0; i < plan.Secrets.Count; i++)
        {
            var secret = plan.Secrets[i];
            if (!EnvName().IsMatch(secret.Variable) || !SecretSource().IsMatch(secret.Source))
                issues.Add(ValidationIssue.Error("deploy.secret-reference",
                    $"Secret '{secret.Variable}' needs an upper-case environment variable name and a source reference such as 'ansible-vault: vault_x', 'kubernetes-secret: name/key', 'ci-secret: NAME', 'env: NAME' or 'file: /path' (got '{secret.Source}').", $"$.secrets[{i}]"));
        }
        var variables = plan.Secrets.Select(s => s.Variable).ToHashSet(StringComparer.Ordinal);
        foreach (var user in topology.Users.Where(u => !string.IsNullOrEmpty(u.PasswordSecret)))
        {
            var variable = SecretVariable(user.PasswordSecret);
            if (!variables.Contains(variable))
                issues.Add(ValidationIssue.Warning("deploy.secret-missing",
                    $"User '{user.Name}' reads its password from '{user.PasswordSecret}'; add secret {variable} so the deployment provides it.", "$.secrets"));
        }
    }

    /// <summary>The environment variable of a config.context secret: <c>replicator_password</c> → <c>TT_REPLICATOR_PASSWORD</c>.</summary>
    public static string SecretVariable(string contextName) => "TT_" + contextName.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    /// <summary>The inventory group of a replicaset: <c>storage-001</c> → <c>storage_001</c>, <c>stateboard</c> → <c>stateboard_group</c>.</summary>
    public static string GroupOf(string replicaset)
    {
        // A group named like a host ("stateboard") makes Ansible warn and resolve patterns ambiguously.
        var name = replicaset.Replace('-', '_').Replace('.', '_');
        return name.Contains('_') ? name : name + "_group";
    }

    private static string Normalize(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex GroupName();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^(?:ansible-vault|kubernetes-secret|ci-secret|vault|env|file):\s*\S+$")]
    private static partial Regex SecretSource();
}
