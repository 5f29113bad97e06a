using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.ClusterConfig;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>
/// Checks a <see cref="ClusterConfiguration"/> against the request and phases 1–3, then renders the 3.x config.yaml
/// from it and runs <see cref="TarantoolConfigValidator"/> on the result, so any answer (expert or model) that would
/// produce a config Tarantool rejects, or one that drifts from the plans, is refused with a precise message.
/// </summary>
public sealed class ClusterConfigurationValidator : IPhaseValidator<ClusterConfiguration>
{
    /// <summary>Tarantool's <c>log.level</c> names.</summary>
    public static readonly IReadOnlyList<string> LogLevels = ["fatal", "syserror", "error", "crit", "warn", "info", "verbose", "debug"];

    /// <summary><c>log.format</c> values.</summary>
    public static readonly IReadOnlyList<string> LogFormats = ["plain", "json"];

    /// <summary><c>replication.election_fencing_mode</c> values; empty without election.</summary>
    public static readonly IReadOnlyList<string> FencingModes = ["", .. TopologyVocabulary.FencingModes];

    /// <summary><c>replication.bootstrap_strategy</c> values.</summary>
    public static readonly IReadOnlyList<string> BootstrapStrategies = ["auto", "config", "supervised", "legacy"];

    /// <summary>Where a <c>config.context</c> entry is read from.</summary>
    public static readonly IReadOnlyList<string> ContextSources = ["env", "file"];

    /// <summary>A group's <c>replication.failover</c> override; empty inherits the global value.</summary>
    public static readonly IReadOnlyList<string> GroupFailover = ["", .. TopologyVocabulary.DeclarativeFailover];

    /// <summary>The metrics exposition format Prometheus scrapes.</summary>
    public static readonly IReadOnlyList<string> MetricsFormats = ["prometheus"];

    public IEnumerable<ValidationIssue> Validate(ClusterConfiguration output, PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Find<CapacityPlan>();
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        var issues = new List<ValidationIssue>();
        void Error(string code, string message, string path) => issues.Add(ValidationIssue.Error(code, message, path));

        CheckVersionAndFormat(output, request, Error);
        CheckDurability(output, capacity, backup, Error);
        CheckReplication(output, request, topology, Error);
        CheckSharding(output, capacity, topology, Error);
        CheckSecurity(output, request, topology, Error);
        CheckMetrics(output, issues);
        if (output.Decisions.Count == 0 || output.Decisions.Any(d => string.IsNullOrWhiteSpace(d.Topic) || string.IsNullOrWhiteSpace(d.Choice) || string.IsNullOrWhiteSpace(d.Reason)))
            Error("config.decisions", "Every configuration decision needs a topic, a choice and a reason; list at least the durability, memory, failover and metrics decisions.", "$.decisions");

        if (topology is not null && output.ConfigFormat == ConfigFormats.Declarative && issues.All(i => i.Severity != ValidationSeverity.Error))
        {
            CheckGroups(output, topology, Error);
            if (issues.All(i => i.Severity != ValidationSeverity.Error))
            {
                var yaml = TarantoolConfigYaml.Render(output, topology);
                var expectations = TarantoolConfigExpectations.From(capacity, topology, backup, output.Replication.MasterMaster);
                issues.AddRange(new TarantoolConfigValidator().Validate(yaml, expectations, edition: request.Edition));
            }
        }
        return issues;
    }

    private static void CheckVersionAndFormat(ClusterConfiguration output, ClusterRequest request, Action<string, string, string> error)
    {
        if (!TarantoolVersion.TryParse(output.TargetVersion, out var version) || version != TarantoolVersion.Parse(request.TarantoolVersion))
            error("config.version-mismatch", $"targetVersion must be the requested Tarantool version {request.TarantoolVersion}, not '{output.TargetVersion}'.", "$.targetVersion");
        var expected = ExpectedFormat(request);
        if (output.ConfigFormat != expected)
            error("config.format-mismatch", $"configFormat must be '{expected}' for a {request.ClusterType} cluster on Tarantool {request.TarantoolVersion}.", "$.configFormat");
        if (output.AppName != request.ClusterName)
            error("config.app-name", $"appName must be the cluster name '{request.ClusterName}' (tt uses the application directory name).", "$.appName");
        if (!LogLevels.Contains(output.LogLevel))
            error("config.log-level", $"logLevel '{output.LogLevel}' is not a Tarantool log level ({string.Join(", ", LogLevels)}).", "$.logLevel");
        if (!LogFormats.Contains(output.LogFormat))
            error("config.log-format", "logFormat must be 'plain' or 'json'.", "$.logFormat");
    }

    /// <summary>The config format the request's cluster type and version call for.</summary>
    public static string ExpectedFormat(ClusterRequest request) =>
        request.ClusterType == ClusterType.Cartridge ? ConfigFormats.Cartridge
        : request.IsDeclarativeConfig ? ConfigFormats.Declarative
        : ConfigFormats.BoxCfg;

    /// <summary>The metrics methods a config format on a Tarantool version accepts, the preferred first.</summary>
    public static string[] MetricsMethodsFor(string format, TarantoolVersion version) => format switch
    {
        ConfigFormats.Cartridge => [MetricsMethods.Cartridge],
        ConfigFormats.BoxCfg => [MetricsMethods.InitLua],
        _ => version <= new TarantoolVersion(3, 0) ? [MetricsMethods.AppRole, MetricsMethods.MetricsExportRole] : [MetricsMethods.MetricsExportRole, MetricsMethods.AppRole],
    };

    private static void CheckDurability(ClusterConfiguration output, CapacityPlan? capacity, BackupPlan? backup, Action<string, string, string> error)
    {
        if (!PersistenceSettings.WalModes.Contains(output.WalMode))
            error("config.wal-mode", "walMode must be 'fsync' or 'write' ('none' loses every write on restart).", "$.walMode");
        if (capacity is not null)
        {
            if (output.WalMode != capacity.WalMode)
                error("config.wal-mode-mismatch", $"walMode must be the capacity plan's '{capacity.WalMode}'.", "$.walMode");
            var drift = PersistenceSettings.From(capacity).Differences(PersistenceSettings.From(output)).Where(d => d.Key != "wal.mode").ToList();
            if (drift.Count > 0)
                error("config.snapshot-mismatch",
                    $"Snapshot settings must equal the capacity plan's, which sized the disks for them: {string.Join(", ", drift.Select(d => $"{d.Key} {d.Expected}, not {d.Actual}"))}.",
                    "$.snapshotIntervalSeconds");
            if (output.StorageMemtxMemoryBytes != capacity.MemtxMemoryBytes)
                error("config.memtx-memory-mismatch", $"storageMemtxMemoryBytes must equal the capacity plan's memtxMemoryBytes ({capacity.MemtxMemoryBytes}).", "$.storageMemtxMemoryBytes");
            if (capacity.Routers > 0 && output.RouterMemtxMemoryBytes != capacity.RouterMemtxMemoryBytes)
                error("config.memtx-memory-mismatch", $"routerMemtxMemoryBytes must equal the capacity plan's routerMemtxMemoryBytes ({capacity.RouterMemtxMemoryBytes}).", "$.routerMemtxMemoryBytes");
            var vinyl = capacity.Engine == StorageEngine.Vinyl;
            if (output.Vinyl.Enabled != vinyl)
                error("config.vinyl-mismatch", $"vinyl.enabled must be {vinyl.ToString().ToLowerInvariant()}: the capacity plan chose the {capacity.Engine.ToString().ToLowerInvariant()} engine.", "$.vinyl.enabled");
            else if (vinyl && (output.Vinyl.MemoryBytes != capacity.VinylMemoryBytes || output.Vinyl.CacheBytes != capacity.VinylCacheBytes))
                error("config.vinyl-mismatch", $"vinyl memory/cache must equal the capacity plan's ({capacity.VinylMemoryBytes}/{capacity.VinylCacheBytes} bytes).", "$.vinyl");
        }
        if (output.Vinyl.Enabled && (output.Vinyl.WriteThreads < 2 || output.Vinyl.ReadThreads < 1 || output.Vinyl.BloomFpr is <= 0 or >= 1))
            error("config.vinyl-threads", "vinyl needs writeThreads ≥ 2 (dump and compaction), readThreads ≥ 1 and 0 < bloomFpr < 1.", "$.vinyl");
        if (backup is not null && (output.SnapshotIntervalSeconds != backup.SnapshotIntervalSeconds
            || output.SnapshotCount != backup.SnapshotCount || output.SnapshotWalSizeBytes != backup.SnapshotWalSizeBytes))
            error("config.snapshot-mismatch", $"Snapshot settings must equal the backup plan's: interval {backup.SnapshotIntervalSeconds} s, count {backup.SnapshotCount}, wal_size {backup.SnapshotWalSizeBytes} bytes.", "$.snapshotIntervalSeconds");
        if (output.SnapshotCount < 1 || output.SnapshotIntervalSeconds < 0)
            error("config.snapshot-count", "snapshotCount must be at least 1 and the interval non-negative.", "$.snapshotCount");
    }

    private static void CheckReplication(ClusterConfiguration output, ClusterRequest request, ClusterTopology? topology, Action<string, string, string> error)
    {
        var r = output.Replication;
        if (topology is not null && r.Failover != topology.FailoverMode)
            error("config.failover-mismatch", $"replication.failover must be the topology's '{topology.FailoverMode}'.", "$.replication.failover");
        var valid = output.ConfigFormat == ConfigFormats.Cartridge
            ? TopologyVocabulary.CartridgeFailover
            : TopologyVocabulary.DeclarativeFailover;
        if (!valid.Contains(r.Failover))
            error("config.failover-invalid", $"replication.failover '{r.Failover}' is not valid here; use one of {string.Join(", ", valid)}.", "$.replication.failover");
        if (r.TimeoutSeconds <= 0 || r.ConnectTimeoutSeconds < r.TimeoutSeconds)
            error("config.replication-timeouts", "replication.timeoutSeconds must be positive and connectTimeoutSeconds at least as long.", "$.replication.timeoutSeconds");
        if (r.Failover == "election")
        {
            if (topology?.Election is { } election)
            {
                if (r.SynchroQuorum != election.SynchroQuorum)
                    error("config.synchro-quorum-mismatch", $"replication.synchroQuorum must be the topology's {election.SynchroQuorum}.", "$.replication.synchroQuorum");
                if (Math.Abs(r.ElectionTimeoutSeconds - election.TimeoutSeconds) > 1e-9)
                    error("config.election-timeout-mismatch", $"replication.electionTimeoutSeconds must be the topology's {election.TimeoutSeconds}.", "$.replication.electionTimeoutSeconds");
            }
            if (r.SynchroQuorum < 1 || r.ElectionTimeoutSeconds <= 0 || !TopologyVocabulary.FencingModes.Contains(r.ElectionFencingMode))
                error("config.election-settings", "Election failover needs synchroQuorum ≥ 1, a positive electionTimeoutSeconds and electionFencingMode off/soft/strict.", "$.replication");
            if (r.ElectionTimeoutSeconds < r.TimeoutSeconds)
                error("config.election-timeout-short", "electionTimeoutSeconds shorter than the replication timeout causes needless elections on every hiccup.", "$.replication.electionTimeoutSeconds");
        }
        if (!BootstrapStrategies.Contains(r.BootstrapStrategy))
            error("config.bootstrap-strategy", "bootstrapStrategy must be auto, config, supervised or legacy.", "$.replication.bootstrapStrategy");
        if (r.Failover == "supervised" && r.BootstrapStrategy != "auto")
            error("config.bootstrap-strategy", "Supervised failover supports only bootstrap_strategy: auto.", "$.replication.bootstrapStrategy");
        // Only a replicated cluster runs real master-master; sharded and multi-region "multi-master" keeps one
        // writable leader per shard (see ClusterShape), so the config follows the topology's reading of the request.
        var masterMaster = CapacityPlanning.ClusterShape.IsTrueMasterMaster(request);
        if (r.MasterMaster != masterMaster)
            error("config.master-master-mismatch", $"replication.masterMaster must be {masterMaster.ToString().ToLowerInvariant()}: real master-master applies only to a replicated cluster with replication-mode master-master.", "$.replication.masterMaster");
        if (r.MasterMaster && output.ConfigFormat != ConfigFormats.Cartridge && r.Failover != "off")
            error("config.master-master-failover", "Master-master replication needs replication.failover: off (every master database.mode: rw).", "$.replication.failover");
    }

    private static void CheckSharding(ClusterConfiguration output, CapacityPlan? capacity, ClusterTopology? topology, Action<string, string, string> error)
    {
        var s = output.Sharding;
        var sharded = topology?.Replicasets.Any(r => r.Roles.Contains("router")) ?? (capacity?.BucketCount > 0);
        if (s.Enabled != sharded)
            error("config.sharding-mismatch", $"sharding.enabled must be {sharded.ToString().ToLowerInvariant()}: it follows from the topology's router replicasets.", "$.sharding.enabled");
        if (!s.Enabled) return;
        if (capacity is not null && s.BucketCount != capacity.BucketCount)
            error("config.bucket-count-mismatch", $"sharding.bucketCount must be the capacity plan's {capacity.BucketCount}; it cannot change after bootstrap.", "$.sharding.bucketCount");
        if (s.BucketCount <= 0)
            error("config.bucket-count-mismatch", "sharding.bucketCount must be positive for a sharded cluster.", "$.sharding.bucketCount");
        if (s.RebalancerReplicaset.Length > 0 && topology is not null
            && topology.Replicasets.FirstOrDefault(r => r.Name == s.RebalancerReplicaset) is not { } rs)
            error("config.rebalancer-unknown", $"sharding.rebalancerReplicaset '{s.RebalancerReplicaset}' is not a replicaset of the topology.", "$.sharding.rebalancerReplicaset");
        else if (s.RebalancerReplicaset.Length > 0 && topology?.Replicasets.First(r => r.Name == s.RebalancerReplicaset).Roles.Contains("storage") == false)
            error("config.rebalancer-without-storage", "The rebalancer role can only be given to a storage replicaset.", "$.sharding.rebalancerReplicaset");
        if (!output.Users.Any(u => u.Name == s.StorageUser && u.Roles.Contains("sharding")))
            error("config.storage-user", $"sharding.storageUser '{s.StorageUser}' must be a user with the sharding role.", "$.sharding.storageUser");
    }

    private static void CheckSecurity(ClusterConfiguration output, ClusterRequest request, ClusterTopology? topology, Action<string, string, string> error)
    {
        foreach (var user in topology?.Users ?? [])
        {
            if (output.Users.All(u => u.Name != user.Name))
                error("config.user-missing", $"User '{user.Name}' of the topology ({user.Purpose}) is missing from users.", "$.users");
        }
        for (var i = 0; i < output.Users.Count; i++)
        {
            var user = output.Users[i];
            if (output.Context.All(c => c.Name != user.PasswordContext))
                error("config.unknown-context", $"User '{user.Name}' takes its password from context '{user.PasswordContext}', which is not in context.", $"$.users[{i}].passwordContext");
        }
        for (var i = 0; i < output.Context.Count; i++)
        {
            var variable = output.Context[i];
            if (!ContextSources.Contains(variable.From) || string.IsNullOrWhiteSpace(variable.Source))
                error("config.context-invalid", $"Context '{variable.Name}' must read from env or file and name its source.", $"$.context[{i}]");
            else if (variable.From == "env" && !EnvName(variable.Source))
                error("config.context-invalid", $"Context '{variable.Name}' reads from '{variable.Source}', which is not an environment variable name.", $"$.context[{i}].source");
        }
        if (output.Tls.Enabled && !IprotoTlsPolicy.Available(request))
            error("config.tls-edition", "tls.enabled is true but the request targets Tarantool Community Edition, which refuses the ssl transport and every ssl_* parameter; turn TLS off and protect the network, or target Enterprise Edition.", "$.tls.enabled");
        if (topology is not null && output.Tls.Enabled != topology.IprotoTls)
            error("config.tls-mismatch", $"tls.enabled must be {topology.IprotoTls.ToString().ToLowerInvariant()} as the topology decided for iproto.", "$.tls.enabled");
        if (output.Tls.Enabled)
        {
            foreach (var (path, value) in new[] { ("certFile", output.Tls.CertFile), ("keyFile", output.Tls.KeyFile), ("caFile", output.Tls.CaFile) })
            {
                if (!value.StartsWith('/') || value.Contains("BEGIN", StringComparison.Ordinal) || value.Contains('\n'))
                    error("config.tls-files", $"tls.{path} must be an absolute file path on the host, never key or certificate material.", $"$.tls.{path}");
            }
        }
    }

    private static void CheckMetrics(ClusterConfiguration output, List<ValidationIssue> issues)
    {
        TarantoolVersion.TryParse(output.TargetVersion, out var version);
        var allowed = MetricsMethodsFor(output.ConfigFormat, version);
        if (!allowed.Contains(output.Metrics.Method))
            issues.Add(ValidationIssue.Error("config.metrics-method", $"metrics.method must be one of {string.Join(", ", allowed)} for a {output.ConfigFormat} configuration on {output.TargetVersion}.", "$.metrics.method"));
        else if (output.ConfigFormat == ConfigFormats.Declarative && version <= new TarantoolVersion(3, 0) && output.Metrics.Method == MetricsMethods.MetricsExportRole)
            issues.Add(ValidationIssue.Warning("config.metrics-export-3.0", "roles.metrics-export needs Tarantool 3.0.2 or newer; pin the patch release or use the bundled app.roles.metrics role.", "$.metrics.method"));
        if (!output.Metrics.Path.StartsWith('/') || !MetricsFormats.Contains(output.Metrics.Format))
            issues.Add(ValidationIssue.Error("config.metrics-endpoint", "metrics must be served in the prometheus format on an absolute HTTP path such as /metrics.", "$.metrics"));
        if (output.Metrics.Method is MetricsMethods.MetricsExportRole && !output.RockDependencies.Any(d => d.StartsWith("metrics-export-role", StringComparison.Ordinal)))
            issues.Add(ValidationIssue.Error("config.metrics-rock", "roles.metrics-export comes from the metrics-export-role rock; add it to rockDependencies so tt build installs it.", "$.rockDependencies"));
    }

    private static void CheckGroups(ClusterConfiguration output, ClusterTopology topology, Action<string, string, string> error)
    {
        var assigned = output.Groups.SelectMany(g => g.Replicasets).ToList();
        foreach (var rs in topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")))
        {
            var count = assigned.Count(a => a == rs.Name);
            if (count != 1)
                error("config.group-coverage", $"Replicaset '{rs.Name}' must belong to exactly one group (found in {count}).", "$.groups");
        }
        foreach (var name in assigned.Where(a => topology.Replicasets.All(r => r.Name != a)).Distinct())
            error("config.group-coverage", $"Group member '{name}' is not a replicaset of the topology.", "$.groups");
        foreach (var group in output.Groups.Where(g => !GroupFailover.Contains(g.Failover)))
            error("config.failover-invalid", $"Group '{group.Name}' overrides failover with the invalid value '{group.Failover}'.", "$.groups");
    }

    private static bool EnvName(string value) => value.Length > 0 && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') && !char.IsAsciiDigit(value[0]);
}
