using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>
/// Phase 4: the Tarantool configuration decisions (not the file text). Renderers turn it, with the topology, into
/// config.yaml (3.x), a box.cfg init.lua (2.11) or a Cartridge application layout.
/// </summary>
public sealed record ClusterConfiguration
{
    [Description("The Tarantool release line the configuration targets, e.g. 3.7 or 2.11.")]
    public required string TargetVersion { get; init; }

    [OneOf(typeof(ConfigFormats), nameof(ConfigFormats.All))]

    [Description("declarative (3.x config.yaml), box-cfg (2.11 init.lua) or cartridge (Cartridge application on the 2.11 runtime).")]
    public required string ConfigFormat { get; init; }

    [Description("The application name used by tt/cartridge (the cluster name); the directory holding the app must carry this name.")]
    public required string AppName { get; init; }

    [OneOf(typeof(PersistenceSettings), nameof(PersistenceSettings.WalModes))]

    [Description("wal.mode: fsync or write; equals the capacity plan's WalMode.")]
    public required string WalMode { get; init; }

    [Description("snapshot.by.interval in seconds; equals the backup plan's.")]
    public required int SnapshotIntervalSeconds { get; init; }

    [Description("snapshot.by.wal_size in bytes; equals the backup plan's.")]
    public required long SnapshotWalSizeBytes { get; init; }

    [Description("snapshot.count; equals the backup plan's.")]
    public required int SnapshotCount { get; init; }

    [Description("memtx.memory of every storage (data) instance in bytes; equals the capacity plan's.")]
    public required long StorageMemtxMemoryBytes { get; init; }

    [Description("memtx.memory of every router in bytes; equals the capacity plan's (0 without routers).")]
    public required long RouterMemtxMemoryBytes { get; init; }

    [Description("vinyl settings; Enabled is false when the engine is memtx.")]
    public required VinylSettings Vinyl { get; init; }

    [OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.LogLevels))]

    [Description("log.level: info, verbose, warn...")]
    public required string LogLevel { get; init; }

    [OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.LogFormats))]

    [Description("log.format: plain or json.")]
    public required string LogFormat { get; init; }

    [Description("iproto TLS (file references only, never key material).")]
    public required IprotoTlsSettings Tls { get; init; }

    [Description("How every instance serves Prometheus metrics.")]
    public required MetricsExport Metrics { get; init; }

    [Description("config.context entries: where secrets are read from at startup.")]
    public required IReadOnlyList<ConfigContextVariable> Context { get; init; }

    [Description("Users with their roles and privileges; passwords are context references only.")]
    public required IReadOnlyList<ConfigUser> Users { get; init; }

    [Description("The replication section: failover, timeouts, quorum, election and bootstrap.")]

    public required ReplicationSettings Replication { get; init; }

    [Description("The vshard sharding section; disabled when not sharded.")]

    public required ShardingSettings Sharding { get; init; }

    [Description("Config groups and the replicasets each one holds (empty for Cartridge, which has no groups).")]
    public required IReadOnlyList<ConfigGroup> Groups { get; init; }

    [Description("Application roles (Lua modules rendered with the bundle or installed as rocks) enabled on every instance.")]
    public required IReadOnlyList<string> AppRoles { get; init; }

    [Description("Rocks the application needs (tt build / cartridge build installs them).")]
    public required IReadOnlyList<string> RockDependencies { get; init; }

    [Description("Every configuration decision with its reason.")]
    public required IReadOnlyList<ConfigDecision> Decisions { get; init; }
}
