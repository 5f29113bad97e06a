using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Configuration;

/// <summary>Decides the configuration from the request and phases 1–3; every choice is recorded with its reason.</summary>
internal sealed class ConfigurationDesigner
{
    /// <summary>metrics-export-role needs Tarantool 3.0.2; 3.0 targets get the bundled app role instead.</summary>
    private static readonly TarantoolVersion FirstMetricsExportRoleLine = new(3, 1);

    private readonly ClusterRequest _request;
    private readonly CapacityPlan _capacity;
    private readonly ClusterTopology _topology;
    private readonly BackupPlan _backup;
    private readonly List<ConfigDecision> _decisions = [];

    public ConfigurationDesigner(ClusterRequest request, CapacityPlan capacity, ClusterTopology topology, BackupPlan backup)
    {
        _request = request;
        _capacity = capacity;
        _topology = topology;
        _backup = backup;
    }

    public ClusterConfiguration Design()
    {
        var version = TarantoolVersion.Parse(_request.TarantoolVersion);
        var format = _request.ClusterType == ClusterType.Cartridge ? ConfigFormats.Cartridge
            : _request.IsDeclarativeConfig ? ConfigFormats.Declarative
            : ConfigFormats.BoxCfg;
        var sharded = _topology.Replicasets.Any(r => r.Roles.Contains("router"));
        Decide("format", format, format switch
        {
            ConfigFormats.Cartridge => "Cartridge clusters are configured through the Cartridge application (cartridge.cfg, replicasets.yml, failover.yml); Cartridge runs on the 2.11 line.",
            ConfigFormats.Declarative => $"Tarantool {version} reads the whole cluster from one declarative config.yaml (groups → replicasets → instances) that tt and every instance share.",
            _ => $"Tarantool {version} has no declarative config: one init.lua holds the topology and calls box.cfg with each instance's settings.",
        });

        Decide("wal.mode", _capacity.WalMode, _capacity.WalMode == "fsync"
            ? $"{_request.Environment} keeps every acknowledged commit across a power loss: the WAL is fsync'ed before the client gets its answer ({Figures.Integer(_capacity.WalIops)} WAL writes/s per leader were sized for it)."
            : $"{_request.Environment} trades the last moments of writes on a host crash for latency: the WAL sits in the page cache until the OS flushes it; replicas still hold the data.");
        Decide("snapshot", $"every {Figures.Integer(_backup.SnapshotIntervalSeconds)} s or {Figures.Bytes(_backup.SnapshotWalSizeBytes)} of WAL, keep {_backup.SnapshotCount}",
            $"The capacity plan sized the disks and the WAL for them and the backup plan (RPO {Figures.Integer(_backup.RpoSeconds)} s, RTO {Figures.Integer(_backup.RtoSeconds)} s) schedules around them: the interval and WAL size bound how much WAL a restart replays, the count keeps enough checkpoints for hot backups and point-in-time recovery.");
        Decide("memtx.memory", Figures.Bytes(_capacity.MemtxMemoryBytes) + (_capacity.Routers > 0 ? $" per storage, {Figures.Bytes(_capacity.RouterMemtxMemoryBytes)} per router" : " per instance"),
            $"The capacity plan sized the arena for {Figures.Gb(_capacity.ProjectedDataSizeGb)} of data at the horizon; each storage host provides {Figures.Bytes(_capacity.RamPerStorageInstanceBytes)} of RAM: the arena, which also holds what a snapshot's read view keeps alive, and the runtime.");
        var vinyl = Vinyl();
        var (logLevel, logFormat) = Logging();
        var tls = Tls();
        var metrics = Metrics(format, version);
        var users = CredentialsDesigner.Users(_topology, sharded);
        Decide("credentials", string.Join(", ", users.Select(u => u.Name)),
            "Each user has one job (replication, sharding, application, monitoring); passwords are config.context references filled from TT_*_PASSWORD environment variables at startup, never literals.");
        var replication = Replication(format);
        var sharding = Sharding(format, sharded);
        var groups = Groups(format, sharded, replication.Failover);
        var rocks = Rocks(format, sharded, metrics.Method);
        if (sharded)
            Decide("metrics.vshard", format == ConfigFormats.Declarative ? VshardMetricsLua.RoleName : "init.lua: metrics.register_callback",
                "No metrics module exports vshard state, so a metrics callback reads vshard.storage.info() and vshard.router.info() on every scrape and exports bucket counts by state, the storage and router status and the rebalancer/recovery/gc service errors " +
                $"({string.Join(", ", VshardMetricsLua.Metrics)}); the monitoring phase alerts on them.");

        return new ClusterConfiguration
        {
            TargetVersion = version.ToString(),
            ConfigFormat = format,
            AppName = _request.ClusterName,
            WalMode = _capacity.WalMode,
            SnapshotIntervalSeconds = _backup.SnapshotIntervalSeconds,
            SnapshotWalSizeBytes = _backup.SnapshotWalSizeBytes,
            SnapshotCount = _backup.SnapshotCount,
            StorageMemtxMemoryBytes = _capacity.MemtxMemoryBytes,
            RouterMemtxMemoryBytes = _capacity.Routers > 0 ? _capacity.RouterMemtxMemoryBytes : 0,
            Vinyl = vinyl,
            LogLevel = logLevel,
            LogFormat = logFormat,
            Tls = tls,
            Metrics = metrics,
            Context = CredentialsDesigner.Context(users),
            Users = users,
            Replication = replication,
            Sharding = sharding,
            Groups = groups,
            AppRoles = format == ConfigFormats.Declarative && sharded ? [VshardMetricsLua.RoleName] : [],
            RockDependencies = rocks,
            Decisions = _decisions,
        };
    }

    private VinylSettings Vinyl()
    {
        if (_capacity.Engine != StorageEngine.Vinyl) return new VinylSettings(false, 0, 0, 0, 0, 0);
        var cpu = Math.Max(2, _capacity.CpuPerStorageInstance);
        var settings = new VinylSettings(true, _capacity.VinylMemoryBytes, _capacity.VinylCacheBytes, Math.Max(1, cpu / 2), Math.Max(2, cpu), 0.05);
        Decide("vinyl", $"memory {Figures.Bytes(settings.MemoryBytes)}, cache {Figures.Bytes(settings.CacheBytes)}, {settings.ReadThreads} read / {settings.WriteThreads} write threads",
            $"The data set ({Figures.Gb(_capacity.ProjectedDataSizeGb)}) lives on disk; memory and cache come from the capacity plan, and the {cpu} vCPUs per instance get one read thread per two cores and one write thread per core (at least two, so dumps never wait for compaction).");
        return settings;
    }

    private (string Level, string Format) Logging()
    {
        var level = _request.Environment == DeploymentEnvironment.Development ? "verbose" : "info";
        var format = _request.Environment == DeploymentEnvironment.Development ? "plain" : "json";
        Decide("log", $"{level}, {format}", format == "json"
            ? "Structured JSON logs are parsed by the log pipeline without regexes; info keeps failovers, elections and replication errors without per-request noise."
            : "Development reads logs in a terminal: plain text with verbose detail.");
        return (level, format);
    }

    private IprotoTlsSettings Tls()
    {
        if (!_topology.IprotoTls)
        {
            Decide("iproto.tls", "off", _request.Edition == Edition.Community
                ? "Tarantool Community Edition refuses the ssl transport and every ssl_* parameter, so iproto is plain text and the network carries the protection (private network, security groups, NetworkPolicy on Kubernetes); Enterprise Edition adds iproto TLS."
                : $"The topology keeps iproto in plain text for {_request.Environment}; traffic stays inside the private network.");
            return new IprotoTlsSettings(false, "", "", "", false);
        }
        var tls = new IprotoTlsSettings(true, "/etc/tarantool/tls/server.crt", "/etc/tarantool/tls/server.key", "/etc/tarantool/tls/ca.crt", true);
        Decide("iproto.tls", "ssl transport with certificate files",
            "Client, replication and vshard traffic is encrypted on Tarantool Enterprise Edition as the topology requires: listen URIs have transport: ssl, and the URIs peers and routers connect to carry it too. The config only names files provisioned on each host (or mounted from a Kubernetes Secret), never key material.");
        return tls;
    }

    private MetricsExport Metrics(string format, TarantoolVersion version)
    {
        var method = format switch
        {
            ConfigFormats.Cartridge => MetricsMethods.Cartridge,
            ConfigFormats.BoxCfg => MetricsMethods.InitLua,
            _ when version >= FirstMetricsExportRoleLine => MetricsMethods.MetricsExportRole,
            _ => MetricsMethods.AppRole,
        };
        Decide("metrics", $"{method} on each instance's metrics port, /metrics, prometheus", method switch
        {
            MetricsMethods.MetricsExportRole => "roles.metrics-export (metrics-export-role rock, Tarantool 3.0.2+) serves the built-in metrics module over HTTP, configured per instance in roles_cfg.",
            MetricsMethods.AppRole => "metrics-export-role needs Tarantool 3.0.2, so on the 3.0 line a small bundled application role (app.roles.metrics) serves the built-in metrics module through http.server with the same roles_cfg shape.",
            MetricsMethods.Cartridge => "Cartridge's metrics role exports on the instance HTTP port that Cartridge already opens.",
            _ => "The 2.11 init.lua starts the metrics module's Prometheus handler on http.server after box.cfg.",
        });
        return new MetricsExport(method, "/metrics", "prometheus", "topology.metricsPort");
    }

    private ReplicationSettings Replication(string format)
    {
        var regions = _topology.Regions.Count;
        var rtt = _topology.CrossRegionLatencyBudgetMs;
        var timeout = regions > 1 ? Math.Max(1.0, Math.Ceiling(rtt * 4 / 1000.0 * 2) / 2) : 1.0;
        var connect = regions > 1 ? 60.0 : 30.0;
        var election = _topology.Election;
        var electionOn = _topology.FailoverMode == "election" && election is not null;
        var bootstrap = format == ConfigFormats.Declarative && _topology.FailoverMode == "manual" ? "config" : "auto";
        var settings = new ReplicationSettings(
            _topology.FailoverMode,
            timeout,
            connect,
            electionOn ? election!.SynchroQuorum : 0,
            electionOn ? ReplicationSettings.SynchroTimeoutFor(regions) : 0,
            electionOn ? election!.TimeoutSeconds : 0,
            electionOn ? election!.FencingMode : "",
            bootstrap,
            Phases.CapacityPlanning.ClusterShape.IsTrueMasterMaster(_request));
        Decide("replication.failover", settings.Failover, _topology.FailoverMode switch
        {
            "election" => $"The topology chose Raft election: a new leader within about {Figures.Number(settings.ElectionTimeoutSeconds)} s after the old one fails; synchronous transactions wait for {settings.SynchroQuorum} confirmations (synchro_timeout {Figures.Number(settings.SynchroTimeoutSeconds)} s), fencing '{settings.ElectionFencingMode}' makes an isolated leader step down.",
            "manual" => "The topology chose manual failover: the replicaset's 'leader' is the only writable instance; switching it is one config change.",
            "off" => settings.MasterMaster
                ? "Master-master: failover off and every master database.mode: rw; the application must keep writes conflict-free."
                : "Failover off: database.mode decides the single writable instance.",
            _ => $"The topology chose {settings.Failover} failover.",
        });
        Decide("replication.timeout", $"{Figures.Number(timeout)} s, connect {Figures.Number(connect)} s",
            regions > 1
                ? $"Sites are up to {rtt} ms apart: the heartbeat period is at least 4 round trips so a slow WAN link is not mistaken for a dead peer (a peer is dropped after 4 missed heartbeats)."
                : "One site: the 1 s default heartbeat detects a dead peer in about 4 s.");
        Decide("replication.bootstrap_strategy", bootstrap, bootstrap == "config"
            ? "With manual failover the configured leader also bootstraps the replicaset (bootstrap_leader), so the first start is deterministic."
            : "auto: instances bootstrap from the first one that is reachable and writable, which fits election and single-writer setups.");
        return settings;
    }

    private ShardingSettings Sharding(string format, bool sharded)
    {
        if (!sharded) return new ShardingSettings(false, 0, "", "", "storage");
        var rebalancer = format == ConfigFormats.Declarative
            ? _topology.Replicasets.FirstOrDefault(r => r.Roles.Contains("rebalancer"))?.Name
              ?? _topology.Replicasets.First(r => r.Roles.Contains("storage")).Name
            : "";
        Decide("sharding", $"bucket_count {Figures.Integer(_capacity.BucketCount)}" + (rebalancer.Length > 0 ? $", rebalancer on {rebalancer}" : ""),
            $"The capacity plan's bucket count spreads data evenly over {_capacity.StorageReplicasets} storage replicasets today and leaves room to grow; it is fixed at bootstrap, so it is set once, globally. " +
            (rebalancer.Length > 0 ? "The rebalancer runs on one named storage replicaset so operators know where bucket moves are driven from." : "vshard picks the rebalancer replicaset itself."));
        return new ShardingSettings(true, _capacity.BucketCount, format == ConfigFormats.Declarative ? "auto" : "", rebalancer, "storage");
    }

    private IReadOnlyList<ConfigGroup> Groups(string format, bool sharded, string failover)
    {
        if (format == ConfigFormats.Cartridge) return [];
        var data = _topology.Replicasets.Where(r => !r.Roles.Contains("stateboard") && !(r.Roles.Contains("router") && !r.Roles.Contains("storage"))).Select(r => r.Name).ToList();
        if (!sharded)
        {
            Decide("groups", "db", "One group holds every replicaset; there is no router tier.");
            return [new ConfigGroup("db", [], data, "")];
        }
        var routers = _topology.Replicasets.Where(r => r.Roles.Contains("router") && !r.Roles.Contains("storage")).Select(r => r.Name).ToList();
        var routerFailover = failover == "off" ? "" : "off";
        Decide("groups", "storages, routers", "Storages and routers differ in sharding role and memory; each router is a one-instance replicaset" +
            (routerFailover.Length > 0 ? " with failover off (it holds no data, so there is nothing to elect)." : "."));
        return [new ConfigGroup("storages", ["storage"], data, ""), new ConfigGroup("routers", ["router"], routers, routerFailover)];
    }

    private IReadOnlyList<string> Rocks(string format, bool sharded, string metricsMethod)
    {
        var rocks = new List<string>();
        switch (format)
        {
            case ConfigFormats.Cartridge:
                rocks.Add("cartridge >= 2.12.0");
                rocks.Add("cartridge-metrics-role >= 0.1.0");
                break;
            default:
                if (sharded) rocks.Add("vshard >= 0.1.26");
                if (metricsMethod == MetricsMethods.MetricsExportRole) rocks.Add("metrics-export-role >= 0.2.0");
                if (metricsMethod is MetricsMethods.AppRole or MetricsMethods.InitLua) rocks.Add("http >= 1.5.0");
                if (metricsMethod == MetricsMethods.InitLua) rocks.Add("metrics >= 1.0.0");
                break;
        }
        return rocks;
    }

    private void Decide(string topic, string choice, string reason) => _decisions.Add(new ConfigDecision(topic, choice, reason));
}
