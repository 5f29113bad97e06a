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
            _ => null,
        };
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
