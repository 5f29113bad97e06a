using Tarantool.Agents.Phases.Deployment;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// The commands an operator of THIS cluster types, for its deployment form: systemd units and tt on hosts, or kubectl
/// and tt inside pods on Kubernetes. Lua always goes through the instance's console: <c>tt connect app:instance</c>.
/// </summary>
internal sealed class OpsCommands(ClusterProfile cluster)
{
    private string App => cluster.App;

    /// <summary>A backup on demand, the way this deployment form runs backups: a Job from the CronJob, or the playbook.</summary>
    public string BackupNow => cluster.OnKubernetes
        ? $"kubectl create job -n {Namespace} --from=cronjob/{BackupCronJob("backup")} {BackupCronJob("backup")}-manual"
        : "cd deploy/ansible && ansible-playbook backup.yml -e backup_now=true";

    /// <summary>A backup CronJob (backup, wal-archive, backup-verify) of the first backup instance: every backup instance has its own.</summary>
    public string BackupCronJob(string kind) =>
        Phases.Deployment.Scheduling.BackupCronJobWriter.CronJobName(Namespace, kind, cluster.DataReplicasets.Count > 0 ? cluster.BackupInstance(cluster.DataReplicasets[0]) : App);

    /// <summary>The Kubernetes namespace (the cluster name as a DNS label).</summary>
    public string Namespace => Phases.Containers.PlatformNaming.Namespace(App);

    /// <summary>The application directory on the hosts, where tt commands run (its tt.yaml is the environment).</summary>
    public string AppDir => DeploymentLayout.AppDir(cluster.InstallDir, App);

    /// <summary>What <c>tt connect</c> addresses inside a pod: on 3.x the console socket the containers phase pins into
    /// the instance's data directory, otherwise the application's instance in the image's working directory.</summary>
    private string PodConsole(string instance) =>
        cluster.Tooling == Phases.Documentation.TarantoolTooling.DeclarativeConfig
            ? $"unix://{Phases.Containers.InstanceLayout.ContainerConsoleSocket(instance)}"
            : $"{App}:{instance}";

    public string Unit(string instance) => DeploymentLayout.InstanceService(App, instance);

    /// <summary>Evaluates Lua on an instance and prints the result.</summary>
    public string Lua(string instance, string lua) =>
        cluster.OnKubernetes
            ? $"kubectl exec -i -n {Namespace} {instance} -- tt connect {PodConsole(instance)} -f - <<'LUA'\n{lua}\nLUA"
            : $"# on {HostOf(instance)}, in {AppDir}\ntt connect {App}:{instance} -f - <<'LUA'\n{lua}\nLUA";

    /// <summary>Runs a one-line Lua statement on every instance: an Ansible ad-hoc command over the inventory (one
    /// host per instance) on VMs, a loop over the pods on Kubernetes.</summary>
    public string OnEveryInstance(string lua) =>
        cluster.OnKubernetes
            ? $"for pod in {string.Join(" ", cluster.Instances.Select(i => i.Name))}; do\n  kubectl exec -i -n {Namespace} \"$pod\" -- tt connect \"{PodConsole("$pod")}\" -f - <<<\"{lua}\"\ndone"
            : $"cd deploy/ansible\nansible tarantool -b -m ansible.builtin.shell -a \"echo \\\"{lua}\\\" | tt -c {DeploymentLayout.TtConfig(cluster.InstallDir, cluster.App)} connect {App}:{{{{ inventory_hostname }}}} -f -\"";

    /// <summary>An interactive console on an instance.</summary>
    public string Console(string instance) =>
        cluster.OnKubernetes ? $"kubectl exec -it -n {Namespace} {instance} -- tt connect {PodConsole(instance)}" : $"tt connect {App}:{instance}";

    public string Restart(string instance) =>
        cluster.OnKubernetes ? $"kubectl delete pod -n {Namespace} {instance}   # the StatefulSet recreates it" : $"sudo systemctl restart {Unit(instance)}";

    public string Start(string instance) =>
        cluster.OnKubernetes ? $"kubectl scale statefulset -n {Namespace} {cluster.ReplicasetOf(instance).Name} --replicas={cluster.ReplicasetOf(instance).Instances.Count}" : $"sudo systemctl start {Unit(instance)}";

    public string Stop(string instance) =>
        cluster.OnKubernetes ? $"kubectl delete pod -n {Namespace} {instance}" : $"sudo systemctl stop {Unit(instance)}";

    public string Logs(string instance) =>
        cluster.OnKubernetes ? $"kubectl logs -n {Namespace} {instance} --since=1h" : $"journalctl -u {Unit(instance)} --since '-1h'";

    public string HealthCheck =>
        cluster.OnKubernetes ? $"NAMESPACE={Namespace} deploy/scripts/health-check.sh" : $"sudo {DeploymentLayout.OpsToolsDir}/health-check.sh";

    public string ReplicasetStatus(string instance) =>
        cluster.OnKubernetes ? $"kubectl exec -n {Namespace} {instance} -- tt replicaset status {PodConsole(instance)}" : $"tt replicaset status {App}:{instance}";

    /// <summary>The instance's host; an instance being added has none yet.</summary>
    private string HostOf(string instance) => cluster.Instances.FirstOrDefault(i => i.Name == instance)?.Host ?? $"the host of {instance}";

    /// <summary>Rebuilds an instance from its replicaset: it restarts with an empty data directory and joins from the
    /// leader. Done through systemd or the StatefulSet, which own the process; <c>tt replicaset rebootstrap</c> would
    /// restart it outside them.</summary>
    public string Rebuild(string instance)
    {
        var layout = Phases.Containers.InstanceLayout.DataVolumeClaim(instance);
        return cluster.OnKubernetes
            ? $"kubectl delete pvc -n {Namespace} {layout} --wait=false && kubectl delete pod -n {Namespace} {instance}"
            : $"sudo systemctl stop {Unit(instance)} && sudo mv {DataDir(instance)} {DataDir(instance)}.broken && sudo systemctl start {Unit(instance)}";
    }

    /// <summary>A shell command where the instance runs: on its host, or inside its pod.</summary>
    public string Shell(string instance, string command) =>
        cluster.OnKubernetes ? $"kubectl exec -n {Namespace} {instance} -- sh -c '{command}'" : $"# on {HostOf(instance)}\n{command}";

    /// <summary>An instance's data directory on the deployment form: on a host under the tt environment's var/lib, in a
    /// pod on the data volume (the shared layout every phase uses).</summary>
    public string DataDir(string instance) => Phases.Containers.InstanceLayout.DataDirectory(cluster.Request, App, instance);

    /// <summary>Where an instance runs, for prose: its host, or its pod on Kubernetes (pod name = instance name).</summary>
    public string Where(string instance) => cluster.OnKubernetes ? $"`{instance}`" : $"`{cluster.Node(instance).Host}`";
}
