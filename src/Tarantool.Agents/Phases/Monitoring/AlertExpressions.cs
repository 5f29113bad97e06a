using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// The canonical PromQL of each shared alert for a threshold. The expert designs with it; the test renderer writes
/// promtool cases for rules that use it, because it knows which series make them fire and with which labels.
/// Ratios of tarantool/metrics slab gauges are percentages (box.slab.info() strings such as "85.3%").
/// </summary>
public static class AlertExpressions
{
    /// <summary>The mount point node_exporter reports for the data disk on VM hosts: the parent of the instances' data
    /// directories in the shared layout (<see cref="InstanceLayout.VmDataRoot"/>), where the disk is mounted.</summary>
    public static string DataMountpoint(string cluster) => InstanceLayout.VmDataRoot(cluster);

    public static string? Canonical(string alert, double threshold, PhaseContext context)
    {
        var t = PromNumber.Format(threshold);
        return alert switch
        {
            AlertNames.InstanceDown => $"up{{job=\"tarantool\"}} == {t}",
            AlertNames.ReplicationLagHigh => $"tnt_replication_lag{{stream=\"upstream\"}} > {t}",
            AlertNames.ReplicationStopped => $"tnt_replication_status == {t}",
            AlertNames.MemtxArenaNearlyFull or AlertNames.MemtxArenaFull => $"tnt_slab_quota_used_ratio > {t} and tnt_slab_arena_used_ratio > {t}",
            AlertNames.MemtxItemsNearlyFull or AlertNames.MemtxItemsFull => $"tnt_slab_quota_used_ratio > {t} and tnt_slab_items_used_ratio > {t}",
            AlertNames.ConfigErrors => $"tnt_config_alerts{{level=\"error\"}} > {t}",
            // tarantool/metrics reports the event loop iteration in milliseconds (metrics/tarantool/event_loop.lua).
            AlertNames.EventLoopSlow => $"tnt_ev_loop_time > {t}",
            AlertNames.RequestsOverloaded => $"tnt_net_requests_current > {t}",
            AlertNames.BackupMissing => BackupAbsent(threshold, context),
            AlertNames.LuaMemoryHigh => $"tnt_info_memory_lua > {t}",
            AlertNames.LeaderChanged => $"max by (replicaset) (changes(tnt_election_term{{role!=\"router\"}}[15m])) > {t}",
            AlertNames.NoLeader => $"max by (replicaset) (tnt_election_state{{role!=\"router\"}}) < {t}",
            AlertNames.ConfigNotReady => $"tnt_config_status{{status=\"ready\"}} == {t}",
            AlertNames.VinylRegulatorStalled => $"tnt_vinyl_regulator_blocked_writers > {t}",
            AlertNames.TransactionConflictsHigh => $"rate(tnt_vinyl_tx_conflict[5m]) / clamp_min(rate(tnt_vinyl_tx_commit[5m]), 1) > {t}",
            AlertNames.BackupTooOld => $"time() - max by (replicaset) ({MetricCatalog.BackupLastSuccess}) > {t}",
            AlertNames.DiskSpaceLow => PlatformNaming.IsKubernetes(context.Request)
                ? $"kubelet_volume_stats_available_bytes{{{KubeletSelector(context)}}} / kubelet_volume_stats_capacity_bytes{{{KubeletSelector(context)}}} < {t}"
                : $"node_filesystem_avail_bytes{{mountpoint=\"{DataMountpoint(context.Request.ClusterName)}\"}} / node_filesystem_size_bytes{{mountpoint=\"{DataMountpoint(context.Request.ClusterName)}\"}} < {t}",
            AlertNames.MemoryNearLimit or AlertNames.MemoryAtLimit => MemoryOfLimit(t, context),
            // The vshard gauges come from the bundle's collector (ClusterConfig/VshardMetricsLua.cs), which reads
            // vshard.storage.info() and vshard.router.info(). A transfer that progresses changes the active count.
            AlertNames.VshardBucketsStuck => $"{VshardMetricsLua.StorageBuckets}{{state=~\"sending|receiving\"}} > {t} unless on(instance_name) changes({VshardMetricsLua.StorageBuckets}{{state=\"active\"}}[{StuckWindow}]) > 0",
            AlertNames.VshardGarbageStuck => $"{VshardMetricsLua.StorageBuckets}{{state=\"garbage\"}} > {t} unless on(instance_name) changes({VshardMetricsLua.StorageBuckets}{{state=\"garbage\"}}[{StuckWindow}]) > 0",
            // Replicas hold a copy of _bucket, so max by replicaset counts each replicaset once; the mean over the
            // replicasets is the even share, whatever the number of shards today.
            AlertNames.VshardBucketsUnbalanced => $"abs(max by (replicaset) ({VshardMetricsLua.StorageBuckets}{{state=\"active\"}}) / scalar(avg(max by (replicaset) ({VshardMetricsLua.StorageBuckets}{{state=\"active\"}}))) - 1) * 100 > {t}",
            AlertNames.VshardRouterBucketsUnreachable => $"{VshardMetricsLua.RouterBuckets}{{state=~\"unreachable|unknown\"}} > {t}",
            AlertNames.VshardServiceError => $"{VshardMetricsLua.ServiceError} > {t}",
            _ => null,
        };
    }

    /// <summary>How long bucket counts may stay put while buckets are in flight before the alert condition holds.</summary>
    public const string StuckWindow = "15m";

    /// <summary>The memory limit each scraped role runs under, in bytes: the pod's limit per role on Kubernetes, the
    /// shared systemd unit's MemoryMax on VMs (<see cref="WorkloadMemory"/>, the containers phase's figure).</summary>
    public static IReadOnlyList<(string Role, long LimitBytes)> MemoryLimits(PhaseContext context)
    {
        var topology = context.Get<Topology.ClusterTopology>();
        var capacity = context.Get<CapacityPlanning.CapacityPlan>();
        var roles = MonitoringExpectations.ScrapedInstances(topology).Select(i => PlatformNaming.RoleOf(i.Replicaset.Roles)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!PlatformNaming.IsKubernetes(context.Request))
        {
            var allRoles = topology.Replicasets.Select(r => PlatformNaming.RoleOf(r.Roles)).Distinct();
            var unit = WorkloadMemory.UnitMemoryMaxMib(allRoles, capacity) * WorkloadMemory.Mib;
            return [.. roles.Select(r => (r, unit))];
        }
        return [.. roles.Select(r => (r, WorkloadMemory.LimitMib(r, capacity) * WorkloadMemory.Mib))];
    }

    /// <summary>Process RSS (tnt_memory, metrics/tarantool/memory.lua) as a percentage of the limit; one term per
    /// distinct limit so routers compare with their own, smaller one.</summary>
    private static string MemoryOfLimit(string threshold, PhaseContext context)
    {
        var limits = MemoryLimits(context);
        if (limits.Select(l => l.LimitBytes).Distinct().Count() == 1)
            return $"100 * tnt_memory{{job=\"tarantool\"}} / {limits[0].LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} > {threshold}";
        return string.Join(" or ", limits.Select(l =>
            $"100 * tnt_memory{{job=\"tarantool\", role=\"{l.Role}\"}} / {l.LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} > {threshold}"));
    }

    /// <summary>One <c>absent_over_time</c> per backed-up replicaset: the label matcher is an equality, so the alert
    /// carries the replicaset whose freshness series has not been seen for the window (never pushed, job rejected).</summary>
    private static string BackupAbsent(double windowSeconds, PhaseContext context)
    {
        var topology = context.Get<Topology.ClusterTopology>();
        var replicasets = topology.Replicasets.Where(r => PlatformNaming.RoleOf(r.Roles) is not ("router" or "stateboard")).Select(r => r.Name);
        return string.Join(" or ", replicasets.Select(r => $"absent_over_time({MetricCatalog.BackupLastSuccess}{{replicaset=\"{r}\"}}[{PromNumber.Format(windowSeconds)}s])"));
    }

    private static string KubeletSelector(PhaseContext context) =>
        $"namespace=\"{PlatformNaming.Namespace(context.Request.ClusterName)}\", persistentvolumeclaim=~\"{InstanceLayout.DataVolumeClaim(".*")}\"";
}
