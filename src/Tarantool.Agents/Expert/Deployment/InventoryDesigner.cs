using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>
/// Builds the inventory: one host per instance (so serial updates and restores address instances, not machines),
/// a group per replicaset, role groups (<c>storages</c>/<c>routers</c> when sharded, <c>db</c> otherwise), a group per
/// region when there are several (to act on a site at once), and <c>backup_sources</c>.
/// </summary>
internal sealed class InventoryDesigner
{
    public IReadOnlyList<InventoryInstance> Instances(ClusterProfile cluster) =>
        [.. cluster.Topology.Replicasets.SelectMany(r => r.Instances.Select(i => new InventoryInstance(i.Name, i.Host, r.Name, i.Port, i.MetricsPort)))];

    public IReadOnlyList<InventoryGroup> Groups(ClusterProfile cluster, IReadOnlyList<string> backupInstances)
    {
        var groups = cluster.Topology.Replicasets
            .Select(r => new InventoryGroup(DeploymentPlanValidator.GroupOf(r.Name), [.. r.Instances.Select(i => i.Name)], []))
            .ToList();
        var data = cluster.DataReplicasets.Select(r => DeploymentPlanValidator.GroupOf(r.Name)).ToList();
        if (cluster.Sharded)
        {
            groups.Add(new InventoryGroup("storages", [], data));
            groups.Add(new InventoryGroup("routers", [], [.. cluster.Routers.Select(r => DeploymentPlanValidator.GroupOf(r.Name))]));
        }
        else
        {
            groups.Add(new InventoryGroup("db", [], data));
        }
        if (cluster.MultiRegion)
            foreach (var region in cluster.Topology.Regions)
                groups.Add(new InventoryGroup(RegionGroup(region.Name), [.. cluster.Instances.Where(i => i.Region == region.Name).Select(i => i.Name)], []));
        groups.Add(new InventoryGroup("backup_sources", backupInstances, []));
        return groups;
    }

    public static string RegionGroup(string region) =>
        "region_" + new string(region.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
