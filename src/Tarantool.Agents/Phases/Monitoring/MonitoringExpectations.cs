using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>What a monitoring plan must contain for a given request and topology: the expected scrape addresses and
/// the alert set. Shared by the validator and the expert so both follow one rule book.</summary>
public static class MonitoringExpectations
{
    /// <summary>The Pushgateway the backup CronJobs push the backup freshness metric to on Kubernetes (the deployment
    /// phase passes it to the backup scripts), and that Prometheus scrapes.</summary>
    public const string Pushgateway = "pushgateway.monitoring.svc.cluster.local:9091";

    /// <summary>node_exporter's textfile collector directory on the hosts, where the backup scripts write the backup
    /// freshness metric (the deployment phase creates it and points the backup jobs at it).</summary>
    public const string TextfileDirectory = "/var/lib/node_exporter/textfile_collector";

    /// <summary>Instances that export metrics: all but the Cartridge stateboard, which runs no metrics role.</summary>
    public static IEnumerable<(Replicaset Replicaset, InstanceNode Node, int Ordinal)> ScrapedInstances(ClusterTopology topology) =>
        TopologyPlacement.Instances(topology).Where(i => PlatformNaming.RoleOf(i.Replicaset.Roles) != "stateboard");

    /// <summary>The address Prometheus scrapes: the pod DNS name and the container metrics port on Kubernetes,
    /// the topology host and metrics port elsewhere (the same mapping the orchestration phase uses).</summary>
    public static string Address(ClusterRequest request, Replicaset replicaset, InstanceNode node, int ordinal) =>
        PlatformNaming.IsKubernetes(request)
            ? $"{PlatformNaming.PodHost(PlatformNaming.PodName(replicaset.Name, ordinal), replicaset.Name, PlatformNaming.Namespace(request.ClusterName))}:{PlatformNaming.ContainerMetricsPort}"
            : $"{node.Host}:{node.MetricsPort}";

    public static bool HasReplication(ClusterTopology topology) => topology.Replicasets.Any(r => r.Instances.Count > 1);

    public static bool HasElection(ClusterTopology topology) => topology.FailoverMode == "election";

    public static bool HasVinyl(CapacityPlan capacity) => capacity.Engine == StorageEngine.Vinyl;

    /// <summary>A vshard cluster: some replicaset routes (the configuration phase enables sharding, and the vshard
    /// metrics collector, on the same condition).</summary>
    public static bool IsSharded(ClusterTopology topology) => topology.Replicasets.Any(r => r.Roles.Contains("router"));

    /// <summary>tnt_config_status exists only with the 3.x declarative config.</summary>
    public static bool HasDeclarativeConfig(ClusterRequest request) => request.IsDeclarativeConfig && request.ClusterType != ClusterType.Cartridge;

    /// <summary>The alert names the plan must have, in a stable order.</summary>
    public static IReadOnlyList<string> RequiredAlerts(ClusterRequest request, ClusterTopology topology, CapacityPlan capacity)
    {
        var names = new List<string> { AlertNames.InstanceDown };
        if (HasReplication(topology)) names.AddRange([AlertNames.ReplicationLagHigh, AlertNames.ReplicationStopped]);
        names.AddRange([AlertNames.MemtxArenaNearlyFull, AlertNames.MemtxArenaFull, AlertNames.MemtxItemsNearlyFull, AlertNames.MemtxItemsFull, AlertNames.LuaMemoryHigh]);
        names.AddRange([AlertNames.MemoryNearLimit, AlertNames.MemoryAtLimit]);
        names.AddRange([AlertNames.EventLoopSlow, AlertNames.RequestsOverloaded]);
        if (IsSharded(topology)) names.AddRange(AlertNames.Vshard);
        if (HasElection(topology)) names.AddRange(AlertNames.Election);
        if (HasDeclarativeConfig(request)) names.AddRange(AlertNames.Config);
        if (HasVinyl(capacity)) names.AddRange(AlertNames.Vinyl);
        names.AddRange([AlertNames.BackupTooOld, AlertNames.BackupMissing, AlertNames.DiskSpaceLow]);
        return names;
    }
}
