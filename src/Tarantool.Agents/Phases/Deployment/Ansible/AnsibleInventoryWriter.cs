using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes <c>deploy/ansible/inventory.yml</c>: the machines (<c>tarantool_nodes</c>, for packages and files) and one
/// inventory host per Tarantool instance (<c>ansible_host</c> = its machine), grouped per replicaset with the
/// replicaset's leader and switchover settings as group vars. Secrets are never here: they come from ansible-vault.
/// </summary>
internal sealed class AnsibleInventoryWriter
{
    public const string NodesGroup = "tarantool_nodes";
    public const string InstancesGroup = "tarantool";
    public const string BackupGroup = "backup_sources";

    public string Write(DeploymentPlan plan)
    {
        var text = new StringBuilder();
        text.Append($$$"""
            # Inventory of the {{{plan.AppName}}} Tarantool cluster (Tarantool {{{plan.TarantoolVersion}}}).
            # tarantool_nodes are the machines; every other host is one Tarantool instance whose ansible_host is its machine.
            # Secrets are not in this file: keep them in ansible-vault (group_vars/all/vault.yml), see SECRETS below.
            all:
              vars:
                tarantool_app: {{{YamlText.Scalar(plan.AppName)}}}
                tarantool_version: {{{YamlText.Quote(plan.TarantoolVersion)}}}
                tarantool_install_dir: {{{plan.InstallDir}}}
                tarantool_app_dir: {{{DeploymentLayout.AppDir(plan.InstallDir, plan.AppName)}}}
                tarantool_data_root: {{{DeploymentLayout.DataRoot(plan.InstallDir, plan.AppName)}}}
                tarantool_backup_dir: {{{DeploymentLayout.BackupToolsDir}}}
                tarantool_scripts_dir: {{{DeploymentLayout.OpsToolsDir}}}
                tarantool_etc_dir: {{{Containers.InstanceLayout.EtcDirectory(plan.AppName)}}}
                tarantool_tt_config: {{{DeploymentLayout.TtConfig(plan.InstallDir, plan.AppName)}}}
                tarantool_bundle_dir: "{{ playbook_dir }}/../.."
                tarantool_max_lag: {{{plan.MaxReplicationLagSeconds.ToString("0.###", CultureInfo.InvariantCulture)}}}
                tarantool_start_timeout: {{{plan.StartTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}}}
                tarantool_backup_retention_days: {{{plan.BackupSchedule.RetentionDays.ToString(CultureInfo.InvariantCulture)}}}
                # SECRETS (ansible-vault variables, never literal values here):

            """);
        foreach (var secret in plan.Secrets)
            text.Append($"    #   {secret.Variable} <- {secret.Source}\n");
        text.Append("  children:\n");
        WriteNodes(plan, text);
        WriteInstances(plan, text);
        if (plan.BackupSchedule.BackupInstances.Count == 0) text.Append($"    {BackupGroup}: {{}}\n");
        else text.Append($"    {BackupGroup}:\n      hosts:\n");
        foreach (var name in plan.BackupSchedule.BackupInstances) text.Append($"        {name}: {{}}\n");
        return text.ToString();
    }

    private static void WriteNodes(DeploymentPlan plan, StringBuilder text)
    {
        text.Append($"    {NodesGroup}:\n      hosts:\n");
        foreach (var host in plan.Inventory.Select(i => i.Host).Distinct(StringComparer.Ordinal))
        {
            var instances = plan.Inventory.Where(i => i.Host == host).Select(i => i.Name).ToList();
            var backups = instances.Where(plan.BackupSchedule.BackupInstances.Contains).ToList();
            text.Append($"        {host}:\n");
            text.Append($"          node_instances: [{string.Join(", ", instances)}]\n");
            text.Append($"          node_backup_instances: [{string.Join(", ", backups)}]\n");
        }
    }

    private static void WriteInstances(DeploymentPlan plan, StringBuilder text)
    {
        var groups = plan.Groups.Where(g => g.Name is not (InstancesGroup or BackupGroup or NodesGroup)).ToList();
        var childNames = groups.SelectMany(g => g.Children).ToHashSet(StringComparer.Ordinal);
        var byName = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var hostsWritten = new HashSet<string>(StringComparer.Ordinal);
        text.Append($"    {InstancesGroup}:\n      children:\n");
        foreach (var top in groups.Where(g => !childNames.Contains(g.Name)))
            WriteGroup(plan, top, byName, written, hostsWritten, text, indent: 8);
        var ungrouped = plan.Inventory.Where(i => !hostsWritten.Contains(i.Name)).ToList();
        if (ungrouped.Count == 0) return;
        text.Append("      hosts:\n");
        foreach (var instance in ungrouped) WriteHost(instance, text, 8, hostsWritten);
    }

    private static void WriteGroup(DeploymentPlan plan, InventoryGroup group, Dictionary<string, InventoryGroup> byName,
        HashSet<string> written, HashSet<string> hostsWritten, StringBuilder text, int indent)
    {
        var pad = new string(' ', indent);
        if (!written.Add(group.Name))
        {
            text.Append($"{pad}{group.Name}: {{}}\n");
            return;
        }
        var step = plan.RollingUpdate.FirstOrDefault(s => DeploymentPlanValidator.GroupOf(s.Replicaset) == group.Name);
        if (group.Instances.Count == 0 && group.Children.Count == 0 && step is null)
        {
            text.Append($"{pad}{group.Name}: {{}}\n");
            return;
        }
        text.Append($"{pad}{group.Name}:\n");
        if (step is not null)
        {
            text.Append($"{pad}  vars:\n");
            text.Append($"{pad}    tarantool_replicaset: {step.Replicaset}\n");
            text.Append($"{pad}    tarantool_leader: {YamlText.Quote(step.Leader)}\n");
            text.Append($"{pad}    tarantool_switchover_to: {YamlText.Quote(step.SwitchoverTo)}\n");
            text.Append($"{pad}    tarantool_switchover_method: {step.SwitchoverMethod}\n");
        }
        if (group.Instances.Count > 0)
        {
            // Ansible runs a play's hosts in inventory order, so a replicaset lists its members in restart order
            // (leader last): the rolling update's serial play then restarts them exactly as planned.
            var members = step is null ? group.Instances : [.. group.Instances.OrderBy(n => step.Order.ToList().IndexOf(n) is var i && i < 0 ? int.MaxValue : i)];
            text.Append($"{pad}  hosts:\n");
            foreach (var name in members)
            {
                var instance = plan.Inventory.FirstOrDefault(i => i.Name == name);
                if (instance is null || hostsWritten.Contains(name)) text.Append($"{pad}    {name}: {{}}\n");
                else WriteHost(instance, text, indent + 4, hostsWritten);
            }
        }
        if (group.Children.Count > 0)
        {
            text.Append($"{pad}  children:\n");
            foreach (var child in group.Children)
            {
                if (byName.TryGetValue(child, out var childGroup)) WriteGroup(plan, childGroup, byName, written, hostsWritten, text, indent + 4);
                else text.Append($"{pad}    {child}: {{}}\n");
            }
        }
    }

    private static void WriteHost(InventoryInstance instance, StringBuilder text, int indent, HashSet<string> hostsWritten)
    {
        var pad = new string(' ', indent);
        hostsWritten.Add(instance.Name);
        text.Append($"{pad}{instance.Name}:\n");
        text.Append($"{pad}  ansible_host: {instance.Host}\n");
        text.Append($"{pad}  tarantool_instance: {instance.Name}\n");
        text.Append($"{pad}  tarantool_iproto_port: {instance.Port.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append($"{pad}  tarantool_metrics_port: {instance.MetricsPort.ToString(CultureInfo.InvariantCulture)}\n");
    }

    /// <summary>The names of ReplicasetRoles are used in docs and here alike; routers are found through the topology.</summary>
    internal static IEnumerable<string> RouterInstances(DeploymentPlan plan, Topology.ClusterTopology topology) =>
        topology.Replicasets.Where(ReplicasetRoles.IsRouter).SelectMany(r => r.Instances).Select(i => i.Name)
            .Where(n => plan.Inventory.Any(i => i.Name == n));
}
