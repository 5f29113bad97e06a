using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// The topology from the request and the capacity plan: sites and zones, failover, placement, users, decisions and
/// the diagram. The counts come from the plan (which may be an LLM's), the layout rules from <see cref="ReplicasetLayout"/>.
/// </summary>
internal static class TopologyDesigner
{
    public static ClusterTopology Design(ClusterRequest request, CapacityPlan plan, Language language)
    {
        var sites = ClusterShape.Sites(request);
        var profile = EnvironmentProfile.For(request.Environment);
        var stateboard = ClusterShape.UsesStateboard(request)
                         && plan.TotalInstances > plan.StorageReplicasets * plan.InstancesPerReplicaset + plan.Routers;
        var failover = new FailoverDesigner(request, plan.InstancesPerReplicaset, sites, stateboard);

        var perHost = ReplicasetLayout.InstancesPerHost(profile, plan.RamPerStorageInstanceBytes, plan.CpuPerStorageInstance, plan.DiskPerStorageInstanceGb);
        var layouts = ReplicasetLayout.Sites(request, plan.StorageReplicasets, plan.InstancesPerReplicaset, plan.Routers, stateboard, perHost);
        var regions = Regions(request, failover, sites, plan.StorageReplicasets);
        var pool = new HostPool(request.ClusterName, layouts);
        var replicasets = new InstancePlacer(request, pool, failover, regions)
            .Place(plan.StorageReplicasets, plan.InstancesPerReplicaset, plan.Routers, stateboard);

        var decisions = new TopologyDecisions(request, plan, failover, regions, language);
        var hosts = replicasets.SelectMany(r => r.Instances).Select(n => n.Host).Distinct().Count();
        return new ClusterTopology
        {
            ClusterType = request.ClusterType,
            FailoverMode = failover.Mode,
            FailoverStateProvider = failover.StateProvider,
            Election = failover.Election,
            Regions = regions,
            Replicasets = replicasets,
            Users = UserDesigner.Users(request, replicasets, language),
            IprotoTls = IprotoTlsPolicy.Wanted(request),
            CrossRegionLatencyBudgetMs = LatencyBudget(request, sites),
            Decisions = decisions.All(hosts),
            MermaidDiagram = TopologyDiagram.Build(regions, replicasets, ClusterShape.IsTrueMasterMaster(request)),
        };
    }

    /// <summary>
    /// Synchronous quorums and elections that span sites wait for a cross-site round trip, so distributed HA needs
    /// sites close together (same metro area or neighbouring regions); asynchronous remote replicas tolerate more.
    /// </summary>
    public static int LatencyBudget(ClusterRequest request, int sites) =>
        sites == 1 ? 0 : request.HaStrategy == HaStrategy.DistributedHa ? 30 : 100;

    private static IReadOnlyList<Region> Regions(ClusterRequest request, FailoverDesigner failover, int sites, int replicasets)
    {
        var catalog = SiteCatalog.Sites(request, sites, ReplicasetLayout.ZonesPerSite(request));
        var primaries = Enumerable.Range(0, replicasets).Select(i => ReplicasetLayout.PrimarySite(request, sites, i)).ToHashSet();
        return [.. catalog.Select((site, s) => new Region(site.Name, site.Zones,
            sites == 1 || (request.HaStrategy == HaStrategy.DistributedHa && failover.Election is not null
                ? failover.IsCandidateSite(s, 0)
                : primaries.Contains(s))))];
    }
}
