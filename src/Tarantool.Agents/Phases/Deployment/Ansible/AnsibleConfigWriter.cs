using System.Globalization;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>Writes <c>deploy/ansible/ansible.cfg</c>: the inventory, enough forks to start every instance at once
/// (replicasets bootstrap together), and host key checking left on.</summary>
internal sealed class AnsibleConfigWriter
{
    public string Write(DeploymentPlan plan)
    {
        var forks = Math.Max(10, plan.Inventory.Count);
        return $"""
            [defaults]
            inventory = inventory.yml
            forks = {forks.ToString(CultureInfo.InvariantCulture)}
            host_key_checking = True
            retry_files_enabled = False
            interpreter_python = auto_silent
            stdout_callback = default
            timeout = 30

            [ssh_connection]
            pipelining = True

            """;
    }
}
