using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Phases.Topology.TopologyVocabulary;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Sites, zones, hosts and ports: where every instance runs and what survives the loss of a host or a site.</summary>
internal static class TopologyPlacementRules
{
    public static void Check(ClusterTopology topology, ClusterRequest request, CapacityPlan? plan, List<ValidationIssue> issues)
    {
        CheckRegions(topology, request, issues);
        CheckDistributed(topology, request, issues);
        CheckHosts(topology, plan, issues);
    }

    private static void CheckRegions(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        var regions = topology.Regions;
        if (regions.Count == 0)
        {
            issues.Add(ValidationIssue.Error("topology.regions", "List at least one region (site); a single-site cluster has one named after the environment.", "$.regions"));
            return;
        }

        foreach (var duplicate in regions.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            issues.Add(ValidationIssue.Error("topology.regions", $"Region '{duplicate.Key}' is listed twice.", "$.regions"));
        for (var i = 0; i < regions.Count; i++)
            if (regions[i].Zones.Count == 0 || regions[i].Zones.Any(string.IsNullOrWhiteSpace))
                issues.Add(ValidationIssue.Error("topology.regions", $"Region '{regions[i].Name}' needs its zones (availability zones or racks).", $"$.regions[{i}].zones"));
        if (!regions.Any(r => r.Primary))
            issues.Add(ValidationIssue.Error("topology.regions", "Mark at least one region as primary (where leaders normally run).", "$.regions"));

        var byName = regions.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var node in topology.Replicasets.SelectMany(r => r.Instances))
        {
            if (!byName.TryGetValue(node.Region, out var region))
                issues.Add(ValidationIssue.Error("topology.region-reference", $"Instance '{node.Name}' is in region '{node.Region}', which is not listed in regions.", "$.replicasets"));
            else if (!region.Zones.Contains(node.Zone))
                issues.Add(ValidationIssue.Error("topology.region-reference", $"Instance '{node.Name}' is in zone '{node.Zone}', which region '{region.Name}' does not list.", "$.replicasets"));
        }

        var sites = ClusterShape.Sites(request);
        if (request.ClusterType == ClusterType.MultiRegion && regions.Count < 2)
            issues.Add(ValidationIssue.Error("topology.region-count", "A multi-region cluster needs at least two regions.", "$.regions"));
        else if (regions.Count != sites)
            issues.Add(ValidationIssue.Warning("topology.region-count", $"The request implies {sites} site(s) but the topology lists {regions.Count}.", "$.regions"));

        if (regions.Count > 1 && topology.CrossRegionLatencyBudgetMs <= 0)
            issues.Add(ValidationIssue.Error("topology.latency-budget", "Several regions need a cross-region latency budget (the largest round trip the design tolerates, in ms).", "$.crossRegionLatencyBudgetMs"));
        else if (regions.Count == 1 && topology.CrossRegionLatencyBudgetMs != 0)
            issues.Add(ValidationIssue.Warning("topology.latency-budget", "A single-site cluster has no cross-region latency budget; set it to 0.", "$.crossRegionLatencyBudgetMs"));
    }

    private static void CheckDistributed(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (topology.FailoverMode != "election") return;
        var primary = topology.Regions.Where(r => r.Primary).Select(r => r.Name).ToHashSet();
        foreach (var rs in topology.Replicasets.Where(r => IsStorage(r) && !IsStateboard(r)))
        {
            var voting = rs.Instances.Where(n => n.ElectionMode is "candidate" or "voter" or "manual").ToList();
            if (request.HaStrategy == HaStrategy.DistributedHa)
            {
                // The replicaset survives the loss of a location only if the voters elsewhere still form a quorum.
                var multiRegion = topology.Regions.Count > 1;
                var quorum = topology.Election?.SynchroQuorum is > 0 and var q ? q : voting.Count / 2 + 1;
                var largest = voting.GroupBy(n => multiRegion ? n.Region : n.Zone).Select(g => (Location: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).FirstOrDefault();
                if (voting.Count - largest.Count < quorum)
                    issues.Add(ValidationIssue.Error("topology.distributed-ha",
                        $"Distributed HA: losing {(multiRegion ? "region" : "zone")} '{largest.Location}' leaves '{rs.Name}' {voting.Count - largest.Count} of {voting.Count} voting members, below the quorum of {quorum}; spread an odd number of voters over at least three {(multiRegion ? "regions" : "zones")} (a voter in a third site) so that no single one holds a majority.", "$.replicasets"));
            }
            else if (topology.Regions.Count > 1)
            {
                foreach (var node in rs.Instances.Where(n => n.ElectionMode == "candidate" && !primary.Contains(n.Region)))
                    issues.Add(ValidationIssue.Warning("topology.remote-candidate",
                        $"Instance '{node.Name}' is a candidate in the non-primary region '{node.Region}'; make remote members voters (or anonymous replicas) so a remote site cannot win an election.", "$.replicasets"));
            }
        }
    }

    private static void CheckHosts(ClusterTopology topology, CapacityPlan? plan, List<ValidationIssue> issues)
    {
        foreach (var rs in topology.Replicasets)
            foreach (var shared in rs.Instances.GroupBy(n => n.Host).Where(g => g.Count() > 1))
                issues.Add(ValidationIssue.Error("topology.host-collision",
                    $"Instances {string.Join(", ", shared.Select(n => n.Name))} of replicaset '{rs.Name}' share host '{shared.Key}'; one host failure would take several members. Put each member on its own host.", "$.replicasets"));

        var nodes = topology.Replicasets.SelectMany(r => r.Instances).ToList();
        foreach (var node in nodes.Where(n => string.IsNullOrWhiteSpace(n.Host) || n.Port is < 1 or > 65535 || n.MetricsPort is < 1 or > 65535))
            issues.Add(ValidationIssue.Error("topology.ports", $"Instance '{node.Name}' needs a host and ports between 1 and 65535.", "$.replicasets"));
        foreach (var host in nodes.GroupBy(n => n.Host))
        {
            var ports = host.SelectMany(n => new[] { (Port: n.Port, n.Name), (Port: n.MetricsPort, n.Name) }).GroupBy(p => p.Port).Where(g => g.Count() > 1);
            foreach (var clash in ports)
                issues.Add(ValidationIssue.Error("topology.ports",
                    $"Port {clash.Key} is used twice on host '{host.Key}' ({string.Join(", ", clash.Select(p => p.Name).Distinct())}); give every instance its own iproto and metrics port.", "$.replicasets"));
        }

        var hosts = nodes.Select(n => n.Host).Distinct().Count();
        if (plan is not null && hosts != plan.Hosts)
            issues.Add(ValidationIssue.Warning("topology.hosts", $"The topology uses {hosts} host(s) but the capacity plan sized {plan.Hosts}.", "$.replicasets"));
    }
}
