using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// Places every instance: storage members site by site (primary site first, so member 1 leads under manual
/// failover), zone by zone (leaders of different replicasets start in different zones), never two members of a
/// replicaset on one host; then routers on the least loaded hosts of their sites and the stateboard on its own host.
/// </summary>
internal sealed class InstancePlacer(ClusterRequest request, HostPool pool, FailoverDesigner failover, IReadOnlyList<Region> regions)
{
    public IReadOnlyList<Replicaset> Place(int storageReplicasets, int members, int routers, bool stateboard)
    {
        var vshard = ClusterShape.UsesVshard(request);
        var sites = regions.Count;
        var replicasets = new List<Replicaset>();
        for (var i = 0; i < storageReplicasets; i++)
        {
            var name = vshard ? $"storage-{i + 1:000}" : "db-001";
            var nodes = StorageMembers(name, i, members, sites);
            var roles = !vshard ? Array.Empty<string>()
                : i == 0 ? new[] { TopologyVocabulary.StorageRole, TopologyVocabulary.RebalancerRole }
                : [TopologyVocabulary.StorageRole];
            replicasets.Add(new Replicaset(name, roles, failover.ConfiguresLeader ? nodes[0].Name : null, nodes));
        }

        var routerIndex = 0;
        for (var site = 0; site < sites; site++)
        {
            for (var k = 0; k < ReplicasetLayout.RoutersAt(routers, sites, site); k++)
            {
                var name = $"router-{++routerIndex:000}";
                var roles = failover.Mode == "stateful"
                    ? new[] { TopologyVocabulary.RouterRole, "failover-coordinator" }
                    : [TopologyVocabulary.RouterRole];
                replicasets.Add(new Replicaset(name, roles, null, [Node($"{name}-1", pool.LeastLoaded(site), "rw", "")]));
            }
        }

        if (stateboard)
        {
            var host = pool.StateboardHost(ReplicasetLayout.StateboardSite(sites));
            replicasets.Add(new Replicaset(TopologyVocabulary.StateboardName, [TopologyVocabulary.StateboardRole], null,
                [Node(TopologyVocabulary.StateboardName, host, "rw", "")]));
        }

        return replicasets;
    }

    private List<InstanceNode> StorageMembers(string name, int index, int members, int sites)
    {
        var split = ReplicasetLayout.Split(request, members, sites, index);
        var primary = ReplicasetLayout.PrimarySite(request, sites, index);
        var order = new[] { primary }.Concat(Enumerable.Range(0, sites).Where(s => s != primary));
        var nodes = new List<InstanceNode>();
        foreach (var site in order)
        {
            var layout = pool.Layout(site);
            for (var j = 0; j < split[site]; j++)
            {
                // Member j goes to zone (index + j): leaders rotate over zones, members of one replicaset spread out.
                var zone = (index + j) % Math.Max(1, layout.Zones);
                var taken = nodes.Select(n => n.Host).ToHashSet();
                var host = pool.LeastLoadedInZone(site, zone, taken)
                           ?? Enumerable.Range(0, layout.Zones).Select(z => pool.LeastLoadedInZone(site, z, taken)).FirstOrDefault(h => h is not null)
                           ?? pool.LeastLoaded(site);
                var first = nodes.Count == 0;
                nodes.Add(Node($"{name}-{nodes.Count + 1}", host, failover.StorageMode(first), failover.ElectionMode(site, primary)));
            }
        }

        return nodes;
    }

    private InstanceNode Node(string name, PlannedHost host, string mode, string electionMode)
    {
        var (port, metrics) = host.Allocate();
        var region = regions[host.Site];
        return new InstanceNode(name, host.Name, port, metrics, region.Name, region.Zones[host.Zone], mode, electionMode);
    }
}
