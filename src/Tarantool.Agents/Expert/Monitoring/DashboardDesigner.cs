using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Monitoring;

/// <summary>The overview dashboard: one panel per signal the alerts watch, plus load, filtered by replicaset.</summary>
public static class DashboardDesigner
{
    private const string Rs = "replicaset=~\"$replicaset\"";
    private const string ByInstance = "{{instance_name}}";

    public static DashboardPlan Overview(PhaseContext context, MonitoringPlan partial)
    {
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var ns = PlatformNaming.Namespace(context.Request.ClusterName);
        var uid = (ns.Length > 31 ? ns[..31].TrimEnd('-') : ns) + "-overview";
        var panels = new List<DashboardPanel>
        {
            new("Instances up", $"up{{job=\"tarantool\", {Rs}}}", "short", ByInstance),
            new("Uptime", $"tnt_info_uptime{{{Rs}}}", "s", ByInstance),
            new("Requests per second", $"sum by (instance_name) (rate(tnt_stats_op_total{{{Rs}, operation=~\"select|insert|replace|update|upsert|delete|call|eval\"}}[1m]))", "reqps", ByInstance),
            new("Client connections", $"tnt_net_connections_current{{{Rs}}}", "short", ByInstance),
        };
        if (MonitoringExpectations.HasReplication(topology))
        {
            panels.Add(new DashboardPanel("Replication lag (upstream)", $"tnt_replication_lag{{stream=\"upstream\", {Rs}}}", "s", "{{instance_name}} from id {{id}}"));
            panels.Add(new DashboardPanel("Replication status (1 = follow)", $"tnt_replication_status{{{Rs}}}", "short", "{{instance_name}} {{stream}} id {{id}}"));
        }
        panels.Add(new DashboardPanel("memtx quota used", $"tnt_slab_quota_used_ratio{{{Rs}}}", "percent", ByInstance));
        panels.Add(new DashboardPanel("memtx arena used", $"tnt_slab_arena_used_ratio{{{Rs}}}", "percent", ByInstance));
        panels.Add(new DashboardPanel("Lua memory", $"tnt_info_memory_lua{{{Rs}}}", "bytes", ByInstance));
        // RSS against the limit the memory alerts use (the pod's limit or the unit's MemoryMax), so the panel shows
        // how far each instance is from being OOM-killed.
        panels.Add(new DashboardPanel("Memory (RSS) of the limit", string.Join(" or ", AlertExpressions.MemoryLimits(context)
            .GroupBy(l => l.LimitBytes)
            .Select(g => $"100 * tnt_memory{{{Rs}, role=~\"{string.Join('|', g.Select(l => l.Role))}\"}} / {g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)}")), "percent", ByInstance));
        if (MonitoringExpectations.IsSharded(topology))
        {
            // Replicas carry a copy of _bucket: max by replicaset shows each replicaset once.
            panels.Add(new DashboardPanel("vshard buckets per storage (active)", $"max by (replicaset) ({VshardMetricsLua.StorageBuckets}{{state=\"active\", {Rs}}})", "short", "{{replicaset}}"));
            panels.Add(new DashboardPanel("vshard buckets in flight (sending, receiving, garbage)", $"max by (replicaset, state) ({VshardMetricsLua.StorageBuckets}{{state=~\"sending|receiving|garbage\", {Rs}}})", "short", "{{replicaset}} {{state}}"));
            panels.Add(new DashboardPanel("vshard router buckets by availability", $"{VshardMetricsLua.RouterBuckets}{{{Rs}}}", "short", "{{instance_name}} {{state}}"));
            panels.Add(new DashboardPanel("vshard service errors (rebalancer, recovery, gc)", $"{VshardMetricsLua.ServiceError}{{{Rs}}}", "short", "{{instance_name}} {{service}}"));
        }
        if (MonitoringExpectations.HasElection(topology))
        {
            panels.Add(new DashboardPanel("Election state (2 = leader)", $"tnt_election_state{{role!=\"router\", {Rs}}}", "short", ByInstance));
            panels.Add(new DashboardPanel("Election term", $"max by (replicaset) (tnt_election_term{{role!=\"router\", {Rs}}})", "short", "{{replicaset}}"));
        }
        if (MonitoringExpectations.HasVinyl(capacity))
        {
            panels.Add(new DashboardPanel("Vinyl blocked writers", $"tnt_vinyl_regulator_blocked_writers{{{Rs}}}", "short", ByInstance));
            panels.Add(new DashboardPanel("Vinyl conflicts per commit", $"rate(tnt_vinyl_tx_conflict{{{Rs}}}[5m]) / clamp_min(rate(tnt_vinyl_tx_commit{{{Rs}}}[5m]), 1)", "percentunit", ByInstance));
            panels.Add(new DashboardPanel("Vinyl data on disk", $"tnt_vinyl_disk_data_size{{{Rs}}}", "bytes", ByInstance));
        }
        if (MonitoringExpectations.HasDeclarativeConfig(context.Request))
            panels.Add(new DashboardPanel("Config ready (1 = ready)", $"tnt_config_status{{status=\"ready\", {Rs}}}", "short", ByInstance));
        panels.Add(new DashboardPanel("Backup age", $"time() - max by (replicaset) ({partial.BackupFreshness.MetricName}{{{Rs}}})", "s", "{{replicaset}}"));
        panels.Add(partial.DiskMetricsSource == "kubelet"
            ? new DashboardPanel("Data volume free", $"kubelet_volume_stats_available_bytes{{namespace=\"{ns}\", persistentvolumeclaim=~\"{InstanceLayout.DataVolumeClaim(".*")}\"}} / kubelet_volume_stats_capacity_bytes{{namespace=\"{ns}\", persistentvolumeclaim=~\"{InstanceLayout.DataVolumeClaim(".*")}\"}}", "percentunit", "{{persistentvolumeclaim}}")
            : new DashboardPanel("Data disk free", $"node_filesystem_avail_bytes{{mountpoint=\"{AlertExpressions.DataMountpoint(context.Request.ClusterName)}\"}} / node_filesystem_size_bytes{{mountpoint=\"{AlertExpressions.DataMountpoint(context.Request.ClusterName)}\"}}", "percentunit", "{{instance}}"));
        return new DashboardPlan { Uid = uid, Title = $"{context.Request.ClusterName}: Tarantool overview", Panels = panels };
    }
}
