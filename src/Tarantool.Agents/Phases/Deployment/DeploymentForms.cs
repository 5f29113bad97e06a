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

    /// <summary>Managed clouds run Tarantool on their Kubernetes service; on-premises hosts and VMs get Ansible + systemd.</summary>
    public static string For(CloudProvider cloud) => cloud == CloudProvider.OnPremises ? AnsibleSystemd : Kubernetes;

    public static string BackupMechanism(string form) => form == Kubernetes ? KubernetesCronJob : SystemdTimer;
}
