using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Phases.Topology.TopologyVocabulary;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Names, roles, order and counts of replicasets and instances, checked against the capacity plan.</summary>
internal static class TopologyStructureRules
{
    public static void Check(ClusterTopology topology, ClusterRequest request, CapacityPlan? plan, List<ValidationIssue> issues)
    {
        if (topology.ClusterType != request.ClusterType)
            issues.Add(ValidationIssue.Error("topology.cluster-type",
                $"clusterType is {EnumText.Kebab(topology.ClusterType)} but the request asks for {EnumText.Kebab(request.ClusterType)}.", "$.clusterType"));
        if (topology.Replicasets.Count == 0)
        {
            issues.Add(ValidationIssue.Error("topology.empty", "The topology has no replicasets.", "$.replicasets"));
            return;
        }

        CheckNames(topology, request, issues);
        CheckRoles(topology, request, issues);
        CheckOrder(topology, issues);
        if (plan is not null) CheckCounts(topology, plan, issues);
    }

    private static void CheckNames(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        var vshard = ClusterShape.UsesVshard(request);
        for (var i = 0; i < topology.Replicasets.Count; i++)
        {
            var rs = topology.Replicasets[i];
            var path = $"$.replicasets[{i}]";
            if (!ValidName().IsMatch(rs.Name))
                issues.Add(ValidationIssue.Error("topology.name-invalid",
                    $"Replicaset name '{rs.Name}' is invalid: use lowercase letters, digits and '-', start with a letter, at most 63 characters.", path + ".name"));
            else if (!ConventionalReplicaset().IsMatch(rs.Name) || (IsStorage(rs) && !IsStateboard(rs) && !rs.Name.StartsWith(vshard ? "storage-" : "db-", StringComparison.Ordinal)))
                issues.Add(ValidationIssue.Error("topology.name-convention",
                    $"Replicaset '{rs.Name}' breaks the naming convention the later phases rely on: {(vshard ? "storage-001..N for storages and router-001..M for routers" : "db-001 for the only replicaset")}{(ClusterShape.IsCartridge(request) ? ", stateboard for the stateboard" : "")}.",
                    path + ".name"));

            if (rs.Instances.Count == 0)
                issues.Add(ValidationIssue.Error("topology.empty-replicaset", $"Replicaset '{rs.Name}' has no instances.", path + ".instances"));

            for (var j = 0; j < rs.Instances.Count; j++)
            {
                var name = rs.Instances[j].Name;
                var instancePath = $"{path}.instances[{j}].name";
                if (!ValidName().IsMatch(name))
                    issues.Add(ValidationIssue.Error("topology.name-invalid",
                        $"Instance name '{name}' is invalid: use lowercase letters, digits and '-', start with a letter, at most 63 characters.", instancePath));
                else if (IsStateboard(rs) ? name != StateboardName : !Regex.IsMatch(name, "^" + Regex.Escape(rs.Name) + "-[1-9][0-9]*$"))
                    issues.Add(ValidationIssue.Error("topology.name-convention",
                        IsStateboard(rs)
                            ? $"The stateboard instance must be named '{StateboardName}', not '{name}'."
                            : $"Instance '{name}' must be named <replicaset>-<n> with n from 1 (e.g. {rs.Name}-1): Kubernetes pod names and TT_INSTANCE_NAME follow it.",
                        instancePath));
            }
        }

        foreach (var duplicate in topology.Replicasets.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            issues.Add(ValidationIssue.Error("topology.duplicate-name", $"Replicaset name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique.", "$.replicasets"));
        foreach (var duplicate in topology.Replicasets.SelectMany(r => r.Instances).GroupBy(i => i.Name).Where(g => g.Count() > 1))
            issues.Add(ValidationIssue.Error("topology.duplicate-name", $"Instance name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique in the cluster.", "$.replicasets"));
    }

    private static void CheckRoles(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        var vshard = ClusterShape.UsesVshard(request);
        var storages = topology.Replicasets.Where(r => IsStorage(r) && !IsStateboard(r)).ToList();
        var routers = topology.Replicasets.Where(IsRouter).ToList();
        var rebalancers = topology.Replicasets.Where(r => r.Roles.Contains(RebalancerRole)).ToList();

        foreach (var rs in topology.Replicasets.Where(r => IsRouter(r) && r.Roles.Any(role => role is StorageRole or "vshard-storage")))
            issues.Add(ValidationIssue.Error("topology.roles", $"Replicaset '{rs.Name}' is both a router and a storage; run routers as their own instances.", "$.replicasets"));

        if (vshard)
        {
            foreach (var rs in storages.Where(r => !r.Roles.Any(role => role is StorageRole or "vshard-storage")))
                issues.Add(ValidationIssue.Error("topology.roles", $"Storage replicaset '{rs.Name}' needs the '{StorageRole}' role in a sharded cluster.", "$.replicasets"));
            if (routers.Count == 0)
                issues.Add(ValidationIssue.Error("topology.roles", "A sharded cluster needs router replicasets (role 'router').", "$.replicasets"));
            if (rebalancers.Count != 1)
                issues.Add(ValidationIssue.Error("topology.rebalancer",
                    $"A sharded cluster needs exactly one replicaset with the '{RebalancerRole}' role (found {rebalancers.Count}); put it on one storage replicaset.", "$.replicasets"));
            foreach (var rs in rebalancers.Where(r => !storages.Contains(r)))
                issues.Add(ValidationIssue.Error("topology.rebalancer", $"The rebalancer runs on a storage replicaset, not on '{rs.Name}'.", "$.replicasets"));
        }
        else
        {
            if (routers.Count > 0)
                issues.Add(ValidationIssue.Error("topology.roles", "The cluster is not sharded, so it has no vshard routers.", "$.replicasets"));
            if (rebalancers.Count > 0)
                issues.Add(ValidationIssue.Error("topology.rebalancer", "The cluster is not sharded, so no replicaset has the rebalancer role.", "$.replicasets"));
            if (storages.Count != 1)
                issues.Add(ValidationIssue.Error("topology.storage-count", $"A cluster without sharding has exactly one data replicaset (db-001); found {storages.Count}.", "$.replicasets"));
        }

        if (!ClusterShape.IsCartridge(request) && topology.Replicasets.Any(IsStateboard))
            issues.Add(ValidationIssue.Error("topology.state-provider", "Only Cartridge stateful failover uses a stateboard.", "$.replicasets"));
    }

    private static void CheckOrder(ClusterTopology topology, List<ValidationIssue> issues)
    {
        var rank = topology.Replicasets.Select(r => IsStateboard(r) ? 2 : IsRouter(r) ? 1 : 0).ToList();
        if (rank.Zip(rank.Skip(1)).Any(p => p.First > p.Second))
            issues.Add(ValidationIssue.Warning("topology.order", "List storage replicasets first, then routers, then the others (stateboard).", "$.replicasets"));
    }

    private static void CheckCounts(ClusterTopology topology, CapacityPlan plan, List<ValidationIssue> issues)
    {
        var storages = topology.Replicasets.Where(r => IsStorage(r) && !IsStateboard(r)).ToList();
        if (storages.Count != plan.StorageReplicasets)
            issues.Add(ValidationIssue.Error("topology.storage-count",
                $"The topology has {storages.Count} storage replicaset(s) but the capacity plan has {plan.StorageReplicasets}.", "$.replicasets"));
        foreach (var rs in storages.Where(r => r.Instances.Count != plan.InstancesPerReplicaset))
            issues.Add(ValidationIssue.Error("topology.replicaset-size",
                $"Replicaset '{rs.Name}' has {rs.Instances.Count} instance(s) but the capacity plan has {plan.InstancesPerReplicaset} per replicaset.", "$.replicasets"));

        var routers = topology.Replicasets.Where(IsRouter).ToList();
        var routerInstances = routers.Sum(r => r.Instances.Count);
        if (routerInstances != plan.Routers)
            issues.Add(ValidationIssue.Error("topology.router-count",
                $"The topology has {routerInstances} router instance(s) but the capacity plan has {plan.Routers}.", "$.replicasets"));
        foreach (var rs in routers.Where(r => r.Instances.Count != 1))
            issues.Add(ValidationIssue.Warning("topology.router-count", $"Router replicaset '{rs.Name}' should have exactly one instance (every router is its own replicaset).", "$.replicasets"));

        var total = topology.Replicasets.Sum(r => r.Instances.Count);
        if (total != plan.TotalInstances)
            issues.Add(ValidationIssue.Error("topology.total-instances",
                $"The topology has {total} instance(s) in all but the capacity plan counts {plan.TotalInstances}.", "$.replicasets"));
    }
}
