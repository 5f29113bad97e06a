using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>The deployment forms and backup mechanisms, and which one a request calls for.</summary>
public static class DeploymentForms
{
    public const string AnsibleSystemd = "ansible-systemd";
    public const string Kubernetes = "kubernetes";
    public const string DockerCompose = "docker-compose";

    public const string SystemdTimer = "systemd-timer";
    public const string KubernetesCronJob = "kubernetes-cronjob";

    public static readonly IReadOnlyList<string> Forms = [AnsibleSystemd, Kubernetes];

    public static readonly IReadOnlyList<string> LocalForms = [DockerCompose];

    public static readonly IReadOnlyList<string> BackupMechanisms = [SystemdTimer, KubernetesCronJob];

    /// <summary>Kubernetes deployments get manifests and kubectl; VMs and bare metal get Ansible + systemd.</summary>
    public static string For(ClusterRequest request) => request.UsesKubernetes ? Kubernetes : AnsibleSystemd;

    public static string BackupMechanism(string form) => form == Kubernetes ? KubernetesCronJob : SystemdTimer;
}
