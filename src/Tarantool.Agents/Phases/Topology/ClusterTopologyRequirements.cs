using System.Globalization;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Phases.Topology.TopologyVocabulary;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>
/// States, for the topology prompt, what <see cref="ClusterTopologyValidator"/> demands: the capacity plan's counts,
/// the naming convention, the failover modes the HA strategy allows and the value sets of every mode field.
/// </summary>
internal static class ClusterTopologyRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var plan = context.Find<CapacityPlan>();
        var vshard = ClusterShape.UsesVshard(request);
        var cartridge = ClusterShape.IsCartridge(request);
        var lines = new List<string> { $"clusterType is \"{EnumText.Kebab(request.ClusterType)}\"." };

        lines.Add(vshard
            ? $"Replicasets are named storage-001, storage-002, ... (role \"{StorageRole}\"), then router-001, ... (role \"{RouterRole}\", one instance each){(cartridge ? $", then \"{StateboardName}\" for a Cartridge stateboard" : "")}; exactly one storage replicaset also has the role \"{RebalancerRole}\"."
            : $"The one data replicaset is named db-001; no replicaset has the router or rebalancer role{(cartridge ? $"; a Cartridge stateboard is the replicaset \"{StateboardName}\"" : "")}.");
        lines.Add("Instances are named <replicaset>-<n> with n from 1 (storage-001-1, db-001-2); names use lowercase letters, digits and '-', at most 63 characters, unique in the cluster.");
        if (plan is not null)
        {
            var stateboard = plan.TotalInstances - (plan.StorageReplicasets * plan.InstancesPerReplicaset + plan.Routers);
            lines.Add($"Counts equal the capacity plan's: {I(plan.StorageReplicasets)} storage replicaset(s) of {I(plan.InstancesPerReplicaset)} instance(s) each, {I(plan.Routers)} router instance(s), {I(plan.TotalInstances)} instance(s) in all{(stateboard > 0 ? " (with the stateboard)" : "")}, on {I(plan.Hosts)} host(s).");
        }

        var (expected, why) = TopologyFailoverRules.ExpectedModes(request);
        lines.Add($"failoverMode is {string.Join(" or ", expected.Select(m => $"\"{m}\""))} ({why}); the values it may take are {string.Join(", ", cartridge ? CartridgeFailover : DeclarativeFailover)}.");
        lines.Add(cartridge
            ? $"failoverStateProvider is {string.Join(" or ", StateProviders.Select(p => $"\"{p}\""))} with stateful failover{(ClusterShape.UsesStateboard(request) ? $" (here \"{StateProviders[0]}\", with the stateboard instance)" : ClusterShape.WantsEtcd(request) ? $" (here \"{StateProviders[1]}\", without a stateboard)" : "")}, empty otherwise."
            : "failoverStateProvider is empty and there is no stateboard (only Cartridge stateful failover has one).");
        lines.Add($"Under election failover, \"election\" holds mode ({string.Join(", ", ElectionModes)}), a positive timeoutSeconds, fencingMode ({string.Join(", ", FencingModes)}) and synchroQuorum, a majority of the members (N/2+1{(plan is { InstancesPerReplicaset: > 0 } ? $" = {I(plan.InstancesPerReplicaset / 2 + 1)}" : "")}); every storage instance has an electionMode from the same list and each replicaset a candidate. Under any other mode \"election\" is null and electionMode is empty.");
        lines.Add("Instance mode is \"auto\" unless failover is \"off\"; with failover off the leader is \"rw\" and the others \"ro\" (every member \"rw\" in master-master). With manual failover every storage replicaset names its leader, a member of it.");
        lines.Add($"\"regions\" lists every site (at least {(request.ClusterType == ClusterType.MultiRegion ? 2 : 1)}; the request implies {I(ClusterShape.Sites(request))}) with its zones, one of them primary; each instance's region and zone are listed there. Several regions need a positive crossRegionLatencyBudgetMs, one region 0.");
        lines.Add("No two members of a replicaset share a host; every iproto port and metrics port is between 1 and 65535 and unique on its host.");
        lines.Add(IprotoTlsPolicy.Available(request)
            ? "iprotoTls may be true (Enterprise Edition); when it is false in production, a decision says how the network is protected."
            : "iprotoTls is false (Community Edition has no iproto TLS); a decision says how the network is protected (private network, security groups, firewall, NetworkPolicy).");
        lines.Add("Users: no 'super' role except admin, at least one role each; passwordSecret names the secret that holds the password (e.g. replicator_password), never the password itself" +
            (cartridge ? "." : $"; replicas authenticate as a user with the \"replication\" role{(vshard && request.IsDeclarativeConfig ? " and vshard as a user with the \"sharding\" role" : "")}."));
        return lines;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
