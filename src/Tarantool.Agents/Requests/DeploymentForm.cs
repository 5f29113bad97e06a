namespace Tarantool.Agents.Requests;

/// <summary>How the instances run: on hosts (systemd, Ansible) or in Kubernetes (StatefulSets, kubectl).</summary>
public enum DeploymentForm
{
    /// <summary>Virtual machines or bare metal: tt + systemd units, deployed by Ansible.</summary>
    Vm,

    /// <summary>Pods of StatefulSets in a Kubernetes cluster (managed or not).</summary>
    Kubernetes,
}
