namespace Tarantool.Agents.Phases.Configuration;

/// <summary>
/// Phase 4: the Tarantool configuration decisions (not the file text). Renderers turn it, with the topology, into
/// config.yaml (3.x), a box.cfg init.lua (2.11) or a Cartridge application layout.
/// </summary>
public sealed record ClusterConfiguration
{
    /// <summary>The Tarantool release line the configuration targets, e.g. <c>3.7</c> or <c>2.11</c>.</summary>
    public required string TargetVersion { get; init; }

    /// <summary><c>declarative</c> (3.x config.yaml), <c>box-cfg</c> (2.11 init.lua) or <c>cartridge</c>
    /// (Cartridge application on the 2.11 runtime).</summary>
    public required string ConfigFormat { get; init; }

    /// <summary>The application name used by tt/cartridge (the cluster name); the directory holding the app must
    /// carry this name.</summary>
    public required string AppName { get; init; }

    /// <summary><c>wal.mode</c>: <c>fsync</c> or <c>write</c>; equals the capacity plan's WalMode.</summary>
    public required string WalMode { get; init; }

    /// <summary><c>snapshot.by.interval</c> in seconds; equals the backup plan's.</summary>
    public required int SnapshotIntervalSeconds { get; init; }

    /// <summary><c>snapshot.by.wal_size</c> in bytes; equals the backup plan's.</summary>
    public required long SnapshotWalSizeBytes { get; init; }

    /// <summary><c>snapshot.count</c>; equals the backup plan's.</summary>
    public required int SnapshotCount { get; init; }

    /// <summary><c>memtx.memory</c> of every storage (data) instance in bytes; equals the capacity plan's.</summary>
    public required long StorageMemtxMemoryBytes { get; init; }

    /// <summary><c>memtx.memory</c> of every router in bytes; equals the capacity plan's (0 without routers).</summary>
    public required long RouterMemtxMemoryBytes { get; init; }

    /// <summary>vinyl settings; <c>Enabled</c> is false when the engine is memtx.</summary>
    public required VinylSettings Vinyl { get; init; }

    /// <summary><c>log.level</c>: <c>info</c>, <c>verbose</c>, <c>warn</c>...</summary>
    public required string LogLevel { get; init; }

    /// <summary><c>log.format</c>: <c>plain</c> or <c>json</c>.</summary>
    public required string LogFormat { get; init; }

    /// <summary>iproto TLS (file references only, never key material).</summary>
    public required IprotoTlsSettings Tls { get; init; }

    /// <summary>How every instance serves Prometheus metrics.</summary>
    public required MetricsExport Metrics { get; init; }

    /// <summary>config.context entries: where secrets are read from at startup.</summary>
    public required IReadOnlyList<ConfigContextVariable> Context { get; init; }

    /// <summary>Users with their roles and privileges; passwords are context references only.</summary>
    public required IReadOnlyList<ConfigUser> Users { get; init; }

    public required ReplicationSettings Replication { get; init; }

    public required ShardingSettings Sharding { get; init; }

    /// <summary>Config groups and the replicasets each one holds (empty for Cartridge, which has no groups).</summary>
    public required IReadOnlyList<ConfigGroup> Groups { get; init; }

    /// <summary>Application roles (Lua modules rendered with the bundle or installed as rocks) enabled on every instance.</summary>
    public required IReadOnlyList<string> AppRoles { get; init; }

    /// <summary>Rocks the application needs (<c>tt build</c> / <c>cartridge build</c> installs them).</summary>
    public required IReadOnlyList<string> RockDependencies { get; init; }

    /// <summary>Every configuration decision with its reason.</summary>
    public required IReadOnlyList<ConfigDecision> Decisions { get; init; }
}
