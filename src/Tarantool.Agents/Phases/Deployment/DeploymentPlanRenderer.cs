using Tarantool.Agents.Phases.Deployment.Ansible;
using Tarantool.Agents.Phases.Deployment.Ci;
using Tarantool.Agents.Phases.Deployment.Scheduling;
using Tarantool.Agents.Phases.Deployment.Scripts;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// Writes the deployment files of the plan's form. ansible-systemd: <c>deploy/ansible/</c> (inventory, deploy,
/// rolling-update, backup, restore playbooks, task files, ansible.cfg), tt-based <c>deploy/scripts/</c> and
/// <c>deploy/systemd/</c> units and timers. kubernetes: <c>deploy/kubernetes/backup-cronjob.yaml</c> with the backup
/// image's <c>deploy/kubernetes/backup.Dockerfile</c>, and kubectl-based
/// <c>deploy/scripts/</c>. Both: <c>deploy/ci/github-actions.yml</c>.
/// </summary>
internal sealed class DeploymentPlanRenderer : IArtifactRenderer<DeploymentPlan>
{
    public IEnumerable<BundleFile> Render(DeploymentPlan output, PhaseContext context)
    {
        var tooling = ClusterTooling.Of(context.Request);
        var files = new List<BundleFile>();
        var topology = context.Find<ClusterTopology>();
        var routers = topology is null ? [] : AnsibleInventoryWriter.RouterInstances(output, topology).ToList();
        if (output.Form == DeploymentForms.Kubernetes)
        {
            files.Add(new BundleFile($"{DeploymentLayout.KubernetesDir}/backup-cronjob.yaml", "kubernetes-manifest", new BackupCronJobWriter().Write(output, context)));
            files.Add(new BundleFile(BackupCronJobWriter.DockerfilePath, "dockerfile", BackupCronJobWriter.Dockerfile(output, context)));
            files.Add(new BundleFile($"{BackupCronJobWriter.DockerfilePath}.dockerignore", "dockerignore", "*\n!backup/\n"));
            files.AddRange(new KubernetesScriptsWriter().Write(output, tooling, routers, BackupCronJobWriter.RunJobTemplate(output, context)).Select(Script));
        }
        else
        {
            var stateboard = topology?.Replicasets.Where(ReplicasetRoles.IsStateboard).SelectMany(r => r.Instances).FirstOrDefault();
            var stateboardUri = stateboard is null ? null : $"{stateboard.Host}:{stateboard.Port}";
            files.Add(Ansible("ansible.cfg", "ansible-config", new AnsibleConfigWriter().Write(output)));
            files.Add(Ansible("inventory.yml", "ansible-inventory", new AnsibleInventoryWriter().Write(output)));
            files.Add(Ansible("deploy.yml", "ansible-playbook", new DeployPlaybookWriter().Write(output, tooling, routers, stateboardUri, HostTlsFiles.Of(context.FindFile(Configuration.ClusterConfigurationRenderer.ConfigYamlPath), context.Find<Configuration.ClusterConfiguration>()))));
            files.Add(Ansible("rolling-update.yml", "ansible-playbook", new RollingUpdatePlaybookWriter().Write(output)));
            files.Add(Ansible("backup.yml", "ansible-playbook", new BackupPlaybookWriter().Write(output)));
            files.Add(Ansible("restore.yml", "ansible-playbook", new RestorePlaybookWriter().Write(output)));
            files.AddRange(new AnsibleTasksWriter().Write(tooling).Select(t => Ansible(t.Name, "ansible-tasks", t.Content)));
            files.AddRange(new VmScriptsWriter().Write(output, tooling).Select(Script));
            files.AddRange(new SystemdUnitsWriter().Write(output).Select(u => new BundleFile($"{DeploymentLayout.SystemdDir}/{u.Name}", "systemd-unit", u.Content)));
        }
        files.Add(new BundleFile($"{DeploymentLayout.CiDir}/github-actions.yml", "ci-pipeline", new GitHubActionsWriter().Write(output, context.Request.Environment)));
        return files.Select(f => f with { Content = Normalize(f.Content) });
    }

    private static BundleFile Ansible(string name, string kind, string content) => new($"{DeploymentLayout.AnsibleDir}/{name}", kind, content);

    private static BundleFile Script((string Name, string Content) script) =>
        new($"{DeploymentLayout.ScriptsDir}/{script.Name}", "shell-script", script.Content) { Executable = true };

    /// <summary>LF endings and exactly one final newline, whatever the writers produced.</summary>
    private static string Normalize(string content) => content.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
