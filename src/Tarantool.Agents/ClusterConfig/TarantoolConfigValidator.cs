using System.Globalization;
using System.Text.RegularExpressions;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// Semantic validation of a Tarantool 3 cluster config (config.yaml), modelled on Tarantool's own checks
/// (<c>validators.lua</c>, <c>configdata.lua</c>, <c>cluster_config.lua</c>): option scopes, failover-dependent
/// options, bootstrap leaders, names, sharding roles; plus the bundle's rules (no literal passwords, metrics
/// exported) and, when <see cref="TarantoolConfigExpectations"/> are given, agreement with the capacity plan,
/// topology and backup plan. The official JSON schema checks shapes and types; this checks what it cannot.
/// </summary>
public sealed partial class TarantoolConfigValidator
{
    /// <summary>Roles that serve Prometheus metrics over HTTP with an <c>http: [{listen, endpoints}]</c> config.</summary>
    public static readonly IReadOnlyList<string> MetricsRoles = ["roles.metrics-export", "app.roles.metrics"];

    /// <summary>Sharding options Tarantool accepts only in the global scope.</summary>
    private static readonly string[] GlobalOnlySharding =
    [
        "bucket_count", "shard_index", "rebalancer_mode", "rebalancer_disbalance_threshold", "rebalancer_max_receiving",
        "rebalancer_max_sending", "sync_timeout", "connection_outdate_delay", "failover_ping_timeout", "discovery_mode",
        "sched_ref_quota", "sched_move_quota",
    ];

    /// <summary>Validates a config.yaml text for the Tarantool edition it targets (Community refuses Enterprise-only options).</summary>
    public IReadOnlyList<ValidationIssue> Validate(string yaml, TarantoolConfigExpectations? expectations = null, string file = "tarantool/config.yaml", Edition edition = Edition.Community)
    {
        var document = ClusterConfigDocument.Parse(yaml, out var error);
        if (document is null)
            return [ValidationIssue.Error("config.yaml-invalid", $"{file} is not a valid YAML mapping: {error}", file)];
        return Validate(document, expectations, file, edition);
    }

    /// <summary>Validates a parsed config for the Tarantool edition it targets.</summary>
    public IReadOnlyList<ValidationIssue> Validate(ClusterConfigDocument config, TarantoolConfigExpectations? expectations = null, string file = "tarantool/config.yaml", Edition edition = Edition.Community)
    {
        var issues = new List<ValidationIssue>();
        void Error(string code, string message, ConfigLocation? where = null) =>
            issues.Add(ValidationIssue.Error(code, message, where is null ? file : $"{file}: {where.Path}"));
        void Warn(string code, string message, ConfigLocation? where = null) =>
            issues.Add(ValidationIssue.Warning(code, message, where is null ? file : $"{file}: {where.Path}"));

        CheckStructure(config, Error);
        CheckScopes(config, Error);
        CheckReplicasets(config, expectations, Error, Warn);
        CheckSharding(config, Error);
        CheckCredentials(config, Error);
        if (edition == Edition.Community) CheckCommunityEdition(config, Error);
        CheckConnectableUris(config, Error);
        CheckAdvertiseLogins(config, Error);
        if (expectations is not null) CheckExpectations(config, expectations, Error);
        if (expectations?.RequireMetrics ?? true) CheckMetrics(config, expectations, Error);
        return issues;
    }

    private static void CheckStructure(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        if (config.Groups.Count == 0)
            error("config.no-groups", "The config has no groups: describe the topology as groups → replicasets → instances.", null);
        foreach (var group in config.Groups.Where(g => !config.Replicasets.Any(r => r.Group == g.Group)))
            error("config.empty-group", $"Group '{group.Group}' has no replicasets; remove it or add its replicasets.", group);
        foreach (var rs in config.Replicasets.Where(r => !config.InstancesOf(r).Any()))
            error("config.empty-replicaset", $"Replicaset '{rs.Replicaset}' has no instances; remove it or add its instances.", rs);

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, name, where) in config.Groups.Select(g => ("group", g.Group, g))
                     .Concat(config.Replicasets.Select(r => ("replicaset", r.Replicaset, r)))
                     .Concat(config.Instances.Select(i => ("instance", i.Instance, i))))
        {
            if (!NamePattern().IsMatch(name))
                error("config.invalid-name", $"The {kind} name '{name}' is invalid: Tarantool names are 1–63 characters of lowercase letters, digits, '-' and '_', starting with a letter.", where);
            var key = kind + ":" + name;
            if (seen.TryGetValue(key, out var first))
                error("config.duplicate-name", $"The {kind} name '{name}' is used twice ({first} and {where.Path}); names must be unique in the whole config.", where);
            else
                seen[key] = where.Path;
        }
    }

    private static void CheckScopes(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        foreach (var scope in config.Scopes)
        {
            var node = scope.Node;
            if (scope.Scope != ConfigScope.Global)
            {
                foreach (var option in GlobalOnlySharding.Where(o => ClusterConfigDocument.Get(node, "sharding", o) is not null))
                    error("config.scope.global-only", $"sharding.{option} must be defined in the global scope only; move it to the top level of the config.", scope);
                if (ClusterConfigDocument.Get(node, "failover") is not null)
                    error("config.scope.failover-section", "The 'failover' section (failover coordinator settings) is allowed only in the global scope.", scope);
            }
            if (scope.Scope == ConfigScope.Instance)
            {
                foreach (var path in new[] { "replication.failover", "replication.bootstrap_strategy", "replication.autoexpel", "sharding.roles", "sharding.lock", "sharding.weight" })
                    if (ClusterConfigDocument.Get(node, path.Split('.')) is not null)
                        error("config.scope.instance-forbidden", $"{path} must not be set for a single instance: it is a replicaset-wide decision; set it on the replicaset, group or globally.", scope);
            }
            else if (ClusterConfigDocument.Get(node, "isolated") is not null)
            {
                error("config.scope.isolated", "'isolated' may only be set on an instance (it takes that one instance out of the replicaset).", scope);
            }
            if (scope.Scope is ConfigScope.Global or ConfigScope.Group or ConfigScope.Instance)
            {
                foreach (var key in new[] { "leader", "bootstrap_leader" }.Where(k => ClusterConfigDocument.Get(node, k) is not null))
                    error("config.scope.replicaset-only", $"'{key}' is a replicaset option; it has no effect at this level.", scope);
            }
        }
    }

    private static void CheckReplicasets(
        ClusterConfigDocument config,
        TarantoolConfigExpectations? expectations,
        Action<string, string, ConfigLocation?> error,
        Action<string, string, ConfigLocation?> warn)
    {
        foreach (var rs in config.Replicasets)
        {
            var members = config.InstancesOf(rs).ToList();
            var names = members.Select(m => m.Instance).ToHashSet(StringComparer.Ordinal);
            var failover = config.Failover(rs);
            var leader = ClusterConfigDocument.GetString(rs.Node, "leader");

            if (leader is not null && failover != "manual")
                error("config.leader-without-manual", $"Replicaset '{rs.Replicaset}' sets leader '{leader}' but its replication.failover is '{failover}'; 'leader' works only with failover: manual.", rs);
            if (failover == "manual")
            {
                if (leader is null)
                    warn("config.leader-missing", $"Replicaset '{rs.Replicaset}' uses manual failover without 'leader': every instance starts read-only.", rs);
                else if (!names.Contains(leader))
                    error("config.leader-unknown", $"Replicaset '{rs.Replicaset}' names leader '{leader}', which is not one of its instances ({string.Join(", ", names)}).", rs);
            }

            foreach (var member in members)
            {
                var mode = config.EffectiveString(member, "database", "mode");
                if (mode is not null && failover != "off")
                    error("config.mode-with-failover", $"database.mode = {mode} is set for '{member.Instance}' but replicaset '{rs.Replicaset}' uses replication.failover: {failover}; database.mode is allowed only with failover off.", member);
                var election = config.EffectiveString(member, "replication", "election_mode");
                if (election is not null && election != "off" && failover != "election")
                    error("config.election-mode-without-election", $"replication.election_mode = {election} is set for '{member.Instance}' but replicaset '{rs.Replicaset}' uses failover '{failover}'; election modes need replication.failover: election.", member);
                if (members.Count > 1 && config.Effective(member, "iproto", "listen") is not YamlSequenceNode { Children.Count: > 0 })
                    error("config.no-listen", $"Instance '{member.Instance}' has no iproto.listen URI, so its replicaset peers cannot connect to it.", member);
            }

            if (failover == "off" && members.Count > 1)
            {
                var writable = members.Where(m => (config.EffectiveString(m, "database", "mode") ?? "ro") == "rw").Select(m => m.Instance).ToList();
                if (writable.Count == 0)
                    error("config.no-rw-instance", $"Replicaset '{rs.Replicaset}' has failover off and no instance with database.mode: rw, so nothing can accept writes; set database.mode: rw on its master.", rs);
                else if (writable.Count > 1 && !(expectations?.AllowMultipleWritable ?? false))
                {
                    var message = $"Replicaset '{rs.Replicaset}' has {writable.Count} writable instances ({string.Join(", ", writable)}); with failover off exactly one must be rw unless the design is master-master.";
                    if (expectations is null) warn("config.multiple-rw", message, rs);
                    else error("config.multiple-rw", message, rs);
                }
            }

            if (failover == "off" && members.Count(m => config.EffectiveString(m, "database", "mode") == "rw") > 1
                && members.Any(m => config.EffectiveList(m, "sharding", "roles").Contains("storage")))
                error("config.sharded-multi-master", $"Storage replicaset '{rs.Replicaset}' has several rw instances; vshard needs exactly one master per storage replicaset.", rs);

            var bootstrapLeader = ClusterConfigDocument.GetString(rs.Node, "bootstrap_leader");
            var strategies = members.Select(m => config.EffectiveString(m, "replication", "bootstrap_strategy") ?? "auto").Distinct().ToList();
            if (bootstrapLeader is not null && strategies.Any(s => s != "config"))
                error("config.bootstrap-leader-without-config", $"Replicaset '{rs.Replicaset}' sets bootstrap_leader but its bootstrap_strategy is '{strategies.First(s => s != "config")}'; bootstrap_leader needs bootstrap_strategy: config.", rs);
            if (strategies.Contains("config"))
            {
                if (bootstrapLeader is null)
                    error("config.bootstrap-leader-missing", $"Replicaset '{rs.Replicaset}' uses bootstrap_strategy: config but has no bootstrap_leader.", rs);
                else if (!names.Contains(bootstrapLeader))
                    error("config.bootstrap-leader-unknown", $"Replicaset '{rs.Replicaset}' names bootstrap_leader '{bootstrapLeader}', which is not one of its instances.", rs);
            }
            if (failover == "supervised" && strategies.Any(s => s != "auto"))
                error("config.supervised-bootstrap", $"Replicaset '{rs.Replicaset}' uses supervised failover, which supports only bootstrap_strategy: auto.", rs);
        }
    }

    private static void CheckSharding(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        foreach (var scope in config.Scopes)
        {
            if (ClusterConfigDocument.Get(scope.Node, "sharding", "roles") is not YamlSequenceNode roles) continue;
            var values = roles.Children.OfType<YamlScalarNode>().Select(r => r.Value).ToList();
            if (values.Contains("rebalancer") && !values.Contains("storage"))
                error("config.rebalancer-without-storage", "The rebalancer sharding role cannot be present without the storage role.", scope);
        }
        var storages = config.Instances.Where(i => config.EffectiveList(i, "sharding", "roles").Contains("storage")).ToList();
        var routers = config.Instances.Where(i => config.EffectiveList(i, "sharding", "roles").Contains("router")).ToList();
        if (routers.Count > 0 && storages.Count == 0)
            error("config.router-without-storages", "The config has vshard routers but no storage replicasets.", null);
        var rebalancers = config.Replicasets
            .Where(r => config.InstancesOf(r).Any(i => config.EffectiveList(i, "sharding", "roles").Contains("rebalancer")))
            .ToList();
        if (rebalancers.Count > 1)
            error("config.multiple-rebalancers", $"Only one replicaset may carry the rebalancer role; found {string.Join(", ", rebalancers.Select(r => r.Replicaset))}.", null);
    }

    private static void CheckCredentials(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        var contextNames = config.Scopes
            .SelectMany(s => ClusterConfigDocument.Entries(ClusterConfigDocument.Get(s.Node, "config", "context")))
            .ToList();
        foreach (var scope in config.Scopes)
        {
            foreach (var (name, variable) in ClusterConfigDocument.Entries(ClusterConfigDocument.Get(scope.Node, "config", "context")))
            {
                var from = ClusterConfigDocument.GetString(variable, "from");
                if (from == "env" && ClusterConfigDocument.GetString(variable, "env") is null)
                    error("config.context-invalid", $"config.context.{name} reads from env but names no environment variable ('env').", scope);
                else if (from == "file" && ClusterConfigDocument.GetString(variable, "file") is null)
                    error("config.context-invalid", $"config.context.{name} reads from a file but names no 'file'.", scope);
                else if (from is not ("env" or "file"))
                    error("config.context-invalid", $"config.context.{name} must have from: env or from: file.", scope);
            }

            var passwords = ClusterConfigDocument.Entries(ClusterConfigDocument.Get(scope.Node, "credentials", "users"))
                .Select(u => ($"credentials.users.{u.Key}.password", ClusterConfigDocument.Get(u.Value, "password")))
                .Append(("iproto.advertise.peer.password", ClusterConfigDocument.Get(scope.Node, "iproto", "advertise", "peer", "password")))
                .Append(("iproto.advertise.sharding.password", ClusterConfigDocument.Get(scope.Node, "iproto", "advertise", "sharding", "password")))
                .Append(("config.etcd.password", ClusterConfigDocument.Get(scope.Node, "config", "etcd", "password")));
            foreach (var (path, value) in passwords)
            {
                if (value is null) continue;
                var text = (value as YamlScalarNode)?.Value ?? "";
                var match = ContextReference().Match(text);
                if (!match.Success)
                    error("config.literal-password", $"{path} holds a literal value; passwords must be '{{{{ context.<name> }}}}' references to config.context entries loaded from env or file.", scope);
                else if (!contextNames.Any(c => c.Key == match.Groups[1].Value))
                    error("config.unknown-context", $"{path} references context.{match.Groups[1].Value}, which no config.context entry defines.", scope);
            }
        }
    }

    private static void CheckExpectations(ClusterConfigDocument config, TarantoolConfigExpectations expected, Action<string, string, ConfigLocation?> error)
    {
        if (expected.Replicasets is { } replicasets)
        {
            var actual = config.Replicasets.Select(r => r.Replicaset).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in replicasets.Where(r => !actual.Contains(r.Name)))
                error("config.topology-mismatch", $"Replicaset '{missing.Name}' of the topology is missing from the config.", null);
            foreach (var extra in actual.Where(a => replicasets.All(r => r.Name != a)))
                error("config.topology-mismatch", $"Replicaset '{extra}' is in the config but not in the topology.", null);
            foreach (var rs in replicasets)
            {
                var location = config.Replicasets.FirstOrDefault(r => r.Replicaset == rs.Name);
                if (location is null) continue;
                var names = config.InstancesOf(location).Select(i => i.Instance).ToList();
                if (names.Count != rs.Instances.Count || rs.Instances.Any(i => !names.Contains(i.Name)))
                    error("config.instance-count-mismatch", $"Replicaset '{rs.Name}' has instances [{string.Join(", ", names)}] but the topology has [{string.Join(", ", rs.Instances.Select(i => i.Name))}].", location);
            }
        }

        foreach (var instance in config.Instances)
        {
            var router = IsRouter(config, instance, expected);
            var memory = config.EffectiveString(instance, "memtx", "memory");
            var want = router ? expected.RouterMemtxMemoryBytes : expected.StorageMemtxMemoryBytes;
            if (want is { } bytes && memory != bytes.ToString(CultureInfo.InvariantCulture))
                error("config.memtx-memory-mismatch", $"memtx.memory of '{instance.Instance}' is {memory ?? "unset (256 MiB default)"} but the capacity plan requires {bytes} bytes for a {(router ? "router" : "storage")} instance.", instance);
            if (expected.WalMode is { } walMode && (config.EffectiveString(instance, "wal", "mode") ?? "write") != walMode)
                error("config.wal-mode-mismatch", $"wal.mode of '{instance.Instance}' is {config.EffectiveString(instance, "wal", "mode") ?? "write (default)"} but the capacity plan decided {walMode}.", instance);
            if (expected.SnapshotIntervalSeconds is { } interval && !SameNumber(config.EffectiveString(instance, "snapshot", "by", "interval"), interval))
                error("config.snapshot-mismatch", $"snapshot.by.interval of '{instance.Instance}' must be {interval} seconds as the backup plan decided.", instance);
            if (expected.SnapshotCount is { } count && !SameNumber(config.EffectiveString(instance, "snapshot", "count"), count))
                error("config.snapshot-mismatch", $"snapshot.count of '{instance.Instance}' must be {count} as the backup plan decided.", instance);
            if (expected.SnapshotWalSizeBytes is { } walSize && !SameNumber(config.EffectiveString(instance, "snapshot", "by", "wal_size"), walSize))
                error("config.snapshot-mismatch", $"snapshot.by.wal_size of '{instance.Instance}' must be {walSize} bytes as the backup plan decided.", instance);
        }

        if (expected.Failover is { } failover && failover is "off" or "manual" or "election" or "supervised")
        {
            foreach (var rs in config.Replicasets.Where(r => !config.InstancesOf(r).All(i => IsRouter(config, i, expected))))
                if (config.Failover(rs) != failover)
                    error("config.failover-mismatch", $"Replicaset '{rs.Replicaset}' uses replication.failover: {config.Failover(rs)} but the topology decided '{failover}'.", rs);
        }

        if (expected.BucketCount is { } buckets && !SameNumber(ClusterConfigDocument.GetString(config.Root, "sharding", "bucket_count"), buckets))
            error("config.bucket-count-mismatch", $"sharding.bucket_count must be {buckets} (global scope) as the capacity plan decided; it cannot be changed after bootstrap.", null);
    }

    private static void CheckMetrics(ClusterConfigDocument config, TarantoolConfigExpectations? expected, Action<string, string, ConfigLocation?> error)
    {
        var ports = expected?.Replicasets?.SelectMany(r => r.Instances).ToDictionary(i => i.Name, i => i.MetricsPort) ?? [];
        foreach (var instance in config.Instances)
        {
            var roles = config.EffectiveList(instance, "roles");
            var role = MetricsRoles.FirstOrDefault(roles.Contains);
            if (role is null)
            {
                error("config.metrics-missing", $"Instance '{instance.Instance}' exports no metrics: add roles: [roles.metrics-export] (or the app metrics role) with an http listen port.", instance);
                continue;
            }
            var http = config.Effective(instance, "roles_cfg", role, "http") as YamlSequenceNode;
            var listens = http?.Children.OfType<YamlMappingNode>()
                .Select(h => ClusterConfigDocument.GetString(h, "listen"))
                .Where(l => l is not null)
                .Select(l => l!)
                .ToList() ?? [];
            if (listens.Count == 0)
            {
                error("config.metrics-missing", $"Instance '{instance.Instance}' has role {role} but roles_cfg.{role}.http has no 'listen' endpoint.", instance);
                continue;
            }
            if (ports.TryGetValue(instance.Instance, out var port) && port > 0
                && !listens.Any(l => l == port.ToString(CultureInfo.InvariantCulture) || l.EndsWith(":" + port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
                error("config.metrics-port-mismatch", $"Instance '{instance.Instance}' serves metrics on {string.Join(", ", listens)} but the topology assigns metrics port {port}.", instance);
        }
    }

    private static bool IsRouter(ClusterConfigDocument config, ConfigLocation instance, TarantoolConfigExpectations expected)
    {
        var expectedRs = expected.Replicasets?.FirstOrDefault(r => r.Name == instance.Replicaset);
        if (expectedRs is not null) return expectedRs.Router;
        var roles = config.EffectiveList(instance, "sharding", "roles");
        return roles.Contains("router") && !roles.Contains("storage");
    }

    private static bool SameNumber(string? actual, double expected) =>
        actual is not null && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value - expected) < 1e-9;

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\{\{\s*context\.([A-Za-z0-9_]+)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContextReference();
}
