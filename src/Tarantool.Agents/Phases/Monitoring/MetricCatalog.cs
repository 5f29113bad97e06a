namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// The single source of truth for metric names that alerts and dashboards may use: what tarantool/metrics really
/// exports (metrics/tarantool/*.lua: info, replicas, slab, memory, vinyl, config, operations, network, fibers),
/// plus Prometheus' own <c>up</c>, the exporters named in the plan and the backup job's freshness gauge.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Set by the backup script after every successful backup (the backup phase's contract).</summary>
    public const string BackupLastSuccess = "tarantool_backup_last_success_timestamp_seconds";

    public static IReadOnlySet<string> Tarantool { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // info.lua
        "tnt_info_uptime", "tnt_info_lsn", "tnt_info_vclock", "tnt_read_only",
        "tnt_replication_lag", "tnt_replication_status",
        "tnt_synchro_queue_owner", "tnt_synchro_queue_term", "tnt_synchro_queue_len", "tnt_synchro_queue_busy",
        "tnt_election_state", "tnt_election_vote", "tnt_election_leader", "tnt_election_term", "tnt_election_leader_idle",
        // replicas.lua
        "tnt_replication_lsn",
        // slab.lua (box.slab.info(); ratios are percentages 0–100)
        "tnt_slab_items_size", "tnt_slab_items_used", "tnt_slab_items_used_ratio",
        "tnt_slab_quota_size", "tnt_slab_quota_used", "tnt_slab_quota_used_ratio",
        "tnt_slab_arena_size", "tnt_slab_arena_used", "tnt_slab_arena_used_ratio",
        // memory.lua (box.info.memory(); tnt_memory is the process RSS on Linux, from /proc/self/stat)
        "tnt_info_memory_cache", "tnt_info_memory_data", "tnt_info_memory_index", "tnt_info_memory_lua",
        "tnt_info_memory_net", "tnt_info_memory_tx", "tnt_memory",
        // vinyl.lua
        "tnt_vinyl_disk_data_size", "tnt_vinyl_disk_index_size",
        "tnt_vinyl_regulator_dump_bandwidth", "tnt_vinyl_regulator_write_rate", "tnt_vinyl_regulator_rate_limit",
        "tnt_vinyl_regulator_dump_watermark", "tnt_vinyl_regulator_blocked_writers",
        "tnt_vinyl_tx_conflict", "tnt_vinyl_tx_commit", "tnt_vinyl_tx_rollback", "tnt_vinyl_tx_read_views",
        "tnt_vinyl_memory_tuple_cache", "tnt_vinyl_memory_level0", "tnt_vinyl_memory_page_index", "tnt_vinyl_memory_bloom_filter",
        "tnt_vinyl_scheduler_tasks", "tnt_vinyl_scheduler_dump_time", "tnt_vinyl_scheduler_dump_total",
        // config.lua (Tarantool 3)
        "tnt_config_alerts", "tnt_config_status",
        // operations.lua, network.lua, fibers.lua, cpu.lua
        "tnt_stats_op_total", "tnt_net_sent_total", "tnt_net_received_total", "tnt_net_connections_current",
        "tnt_net_requests_current", "tnt_net_requests_in_progress_current", "tnt_net_requests_in_stream_queue_current",
        "tnt_fiber_amount", "tnt_fiber_csw", "tnt_cpu_user_time", "tnt_cpu_system_time",
        // event_loop.lua (milliseconds)
        "tnt_ev_loop_time",
    };

    public static IReadOnlySet<string> External { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "up",
        "node_filesystem_avail_bytes", "node_filesystem_size_bytes",
        "kubelet_volume_stats_available_bytes", "kubelet_volume_stats_capacity_bytes",
        BackupLastSuccess,
    };

    /// <summary>The vshard gauges of the bundle's own collector (sharded designs; ClusterConfig/VshardMetricsLua.cs):
    /// no metrics module exports vshard state.</summary>
    public static IReadOnlySet<string> Vshard { get; } = new HashSet<string>(ClusterConfig.VshardMetricsLua.Metrics, StringComparer.Ordinal);

    public static bool IsKnown(string metric) => Tarantool.Contains(metric) || External.Contains(metric) || Vshard.Contains(metric);
}
