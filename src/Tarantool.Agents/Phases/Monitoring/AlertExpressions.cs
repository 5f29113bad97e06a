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
            AlertNames.MemtxArenaNearlyFull => $"tnt_slab_quota_used_ratio > {t} and tnt_slab_arena_used_ratio > {t}",
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

    private static string KubeletSelector(PhaseContext context) =>
        $"namespace=\"{PlatformNaming.Namespace(context.Request.ClusterName)}\", persistentvolumeclaim=~\"{InstanceLayout.DataVolumeClaim(".*")}\"";
}
