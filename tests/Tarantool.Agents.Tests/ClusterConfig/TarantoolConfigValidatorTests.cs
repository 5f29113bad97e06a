using Tarantool.Agents.Phases;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.ClusterConfig.YamlBuilder;

namespace Tarantool.Agents.Tests.ClusterConfig;

public sealed class TarantoolConfigValidatorTests
{
    /// <summary>A small valid config: one replicaset of three with election failover, metrics, env passwords.</summary>
    private const string Base = """
        config:
          context:
            replicator_password:
              from: env
              env: TT_REPLICATOR_PASSWORD
        credentials:
          users:
            replicator:
              password: '{{ context.replicator_password }}'
              roles: [replication]
        iproto:
          advertise:
            peer:
              login: replicator
        replication:
          failover: election
        memtx:
          memory: 1073741824
        wal:
          mode: fsync
        snapshot:
          by:
            interval: 3600
            wal_size: 1073741824
          count: 3
        roles: [roles.metrics-export]
        groups:
          db:
            replicasets:
              db-001:
                instances:
                  db-001-1:
                    iproto:
                      listen:
                        - uri: h1:3301
                    roles_cfg:
                      roles.metrics-export:
                        http:
                          - listen: 8081
                            endpoints:
                              - path: /metrics
                                format: prometheus
                  db-001-2:
                    iproto:
                      listen:
                        - uri: h2:3301
                    roles_cfg:
                      roles.metrics-export:
                        http:
                          - listen: 8081
                  db-001-3:
                    iproto:
                      listen:
                        - uri: h3:3301
                    roles_cfg:
                      roles.metrics-export:
                        http:
                          - listen: 8081
        """;

    private static readonly TarantoolConfigExpectations Expected = new()
    {
        Failover = "election",
        StorageMemtxMemoryBytes = 1073741824,
        WalMode = "fsync",
        SnapshotIntervalSeconds = 3600,
        SnapshotWalSizeBytes = 1073741824,
        SnapshotCount = 3,
        Replicasets = [new ExpectedReplicaset("db-001", false, [new("db-001-1", 8081), new("db-001-2", 8081), new("db-001-3", 8081)])],
    };

    private static YamlMappingNode Root() => YamlText.Parse(Base, out _)!;

    private static YamlMappingNode Rs(YamlMappingNode root) => root.Section("groups").Section("db").Section("replicasets").Section("db-001");

    private static YamlMappingNode Inst(YamlMappingNode root, int n) => Rs(root).Section("instances").Section($"db-001-{n}");

    private static IReadOnlyList<ValidationIssue> Check(YamlMappingNode root, TarantoolConfigExpectations? expected = null) =>
        new TarantoolConfigValidator().Validate(YamlText.Write(root), expected ?? Expected);

    [Fact]
    public void Base_config_is_valid()
    {
        Assert.Empty(Check(Root()));
    }

    public static TheoryData<string, Action<YamlMappingNode>> Violations => new()
    {
        { "config.no-groups", r => r.Children.Remove(new YamlScalarNode("groups")) },
        { "config.empty-group", r => r.Section("groups").Set("extra", Map(("replicasets", Map()))) },
        { "config.empty-replicaset", r => r.Section("groups").Section("db").Section("replicasets").Set("db-002", Map(("instances", Map()))) },
        { "config.invalid-name", r => r.Section("groups").Set("Storages", Map(("replicasets", Map(("x-001", Map(("instances", Map(("x-001-1", Map()))))))))) },
        { "config.duplicate-name", r => r.Section("groups").Set("other", Map(("replicasets", Map(("db-002", Map(("instances", Map(("db-001-1", Map()))))))))) },
        { "config.scope.global-only", r => r.Section("groups").Section("db").Set("sharding", Map(("bucket_count", Int(3000)))) },
        { "config.scope.failover-section", r => r.Section("groups").Section("db").Set("failover", Map(("probe_interval", Int(5)))) },
        { "config.scope.instance-forbidden", r => Inst(r, 1).Set("replication", Map(("failover", Str("manual")))) },
        { "config.scope.instance-forbidden", r => Inst(r, 2).Set("replication", Map(("bootstrap_strategy", Str("auto")))) },
        { "config.scope.instance-forbidden", r => Inst(r, 3).Set("sharding", Map(("roles", Strings(["storage"])))) },
        { "config.scope.isolated", r => Rs(r).Set("isolated", Bool(true)) },
        { "config.scope.replicaset-only", r => r.Section("groups").Section("db").Set("leader", Str("db-001-1")) },
        { "config.leader-without-manual", r => Rs(r).Set("leader", Str("db-001-1")) },
        { "config.leader-unknown", r => { r.Section("replication").Set("failover", Str("manual")); Rs(r).Set("leader", Str("db-009-1")); } },
        { "config.mode-with-failover", r => Inst(r, 1).Set("database", Map(("mode", Str("rw")))) },
        { "config.election-mode-without-election", r => { r.Section("replication").Set("failover", Str("manual")); Rs(r).Set("leader", Str("db-001-1")); Inst(r, 3).Set("replication", Map(("election_mode", Str("voter")))); } },
        { "config.no-listen", r => Inst(r, 2).Children.Remove(new YamlScalarNode("iproto")) },
        { "config.no-rw-instance", r => r.Section("replication").Set("failover", Str("off")) },
        { "config.multiple-rw", r => { r.Section("replication").Set("failover", Str("off")); Inst(r, 1).Set("database", Map(("mode", Str("rw")))); Inst(r, 2).Set("database", Map(("mode", Str("rw")))); } },
        { "config.bootstrap-leader-without-config", r => Rs(r).Set("bootstrap_leader", Str("db-001-1")) },
        { "config.bootstrap-leader-missing", r => r.Section("replication").Set("bootstrap_strategy", Str("config")) },
        { "config.bootstrap-leader-unknown", r => { r.Section("replication").Set("bootstrap_strategy", Str("config")); Rs(r).Set("bootstrap_leader", Str("nobody")); } },
        { "config.supervised-bootstrap", r => r.Section("replication").Set("failover", Str("supervised")).Set("bootstrap_strategy", Str("legacy")) },
        { "config.rebalancer-without-storage", r => r.Section("groups").Section("db").Set("sharding", Map(("roles", Strings(["router", "rebalancer"])))) },
        { "config.router-without-storages", r => r.Section("groups").Section("db").Set("sharding", Map(("roles", Strings(["router"])))) },
        { "config.context-invalid", r => r.Section("config").Section("context").Set("x", Map(("from", Str("env")))) },
        { "config.literal-password", r => r.Section("credentials").Section("users").Section("replicator").Set("password", Str("s3cr3t")) },
        { "config.literal-password", r => r.Section("iproto").Section("advertise").Section("peer").Set("password", Str("s3cr3t")) },
        { "config.unknown-context", r => r.Section("credentials").Section("users").Set("app", Map(("password", Str("{{ context.app_password }}")))) },
        { "config.topology-mismatch", r => r.Section("groups").Section("db").Section("replicasets").Set("db-002", Map(("instances", Map(("db-002-1", Map(("iproto", Map(("listen", Seq([Map(("uri", Str("h:1")))])))))))))) },
        { "config.instance-count-mismatch", r => Rs(r).Section("instances").Children.Remove(new YamlScalarNode("db-001-3")) },
        { "config.memtx-memory-mismatch", r => r.Section("memtx").Set("memory", Int(268435456)) },
        { "config.memtx-memory-mismatch", r => Inst(r, 2).Set("memtx", Map(("memory", Int(2147483648)))) },
        { "config.wal-mode-mismatch", r => r.Section("wal").Set("mode", Str("write")) },
        { "config.snapshot-mismatch", r => r.Section("snapshot").Set("count", Int(2)) },
        { "config.snapshot-mismatch", r => r.Section("snapshot").Section("by").Set("interval", Int(7200)) },
        { "config.snapshot-mismatch", r => r.Section("snapshot").Section("by").Children.Remove(new YamlScalarNode("wal_size")) },
        { "config.failover-mismatch", r => { r.Section("replication").Set("failover", Str("manual")); Rs(r).Set("leader", Str("db-001-1")); } },
        { "config.metrics-missing", r => r.Children.Remove(new YamlScalarNode("roles")) },
        { "config.metrics-missing", r => Inst(r, 3).Children.Remove(new YamlScalarNode("roles_cfg")) },
        { "config.metrics-port-mismatch", r => Inst(r, 2).Section("roles_cfg").Section("roles.metrics-export").Set("http", Seq([Map(("listen", Int(9999)))])) },
        // Tarantool refuses these later than the shared checker looks: transport ssl when box.cfg finds no SSL in a
        // Community build; a peer without a connectable URI and an advertise login without a user when box.cfg
        // builds replication (box_cfg.lua, not configdata); a loopback address is simply unreachable from other hosts.
        { "config.peer-uri-unconnectable", r => Inst(r, 2).Section("iproto").Set("listen", Seq([Map(("uri", Str("0.0.0.0:3301")))])) },
        { "config.advertise-user-unknown", r => r.Section("iproto").Section("advertise").Section("peer").Set("login", Str("replicator2")) },
        { "config.enterprise-only", r => Inst(r, 1).Section("iproto").Set("listen", Seq([Map(("uri", Str("h1:3301")), ("params", Map(("transport", Str("ssl")))))])) },
        { "config.peer-uri-unconnectable", r => Inst(r, 3).Section("iproto").Set("listen", Seq([Map(("uri", Str("localhost:3301")))])) },
    };

    /// <summary>
    /// Rules learnt from Tarantool 3.7.1's own start-up code (checked against it in
    /// <see cref="Tarantool_itself_refuses_what_the_learnt_rules_refuse"/>), each a negative fixture on Community Edition.
    /// </summary>
    public static TheoryData<string, Action<YamlMappingNode>> LearntFromTarantool => new()
    {
        { "config.enterprise-only", r => Inst(r, 1).Section("iproto").Set("listen", Seq([Map(("uri", Str("h1:3301")), ("params", Map(("transport", Str("ssl")), ("ssl_cert_file", Str("/etc/tarantool/tls/server.crt")), ("ssl_key_file", Str("/etc/tarantool/tls/server.key")))))])) },
        { "config.enterprise-only", r => r.Section("iproto").Section("advertise").Section("peer").Set("params", Map(("transport", Str("ssl")), ("ssl_ca_file", Str("/etc/tarantool/tls/ca.crt")))) },
        { "config.enterprise-only", r => r.Set("security", Map(("password_min_length", Int(12)))) },
        { "config.enterprise-only", r => r.Section("wal").Set("retention_period", Int(3600)) },
        { "config.sharding-uri-unconnectable", r => { StorageGroup(r); Inst(r, 1).Section("iproto").Set("listen", Seq([Map(("uri", Str("0.0.0.0:3301")))])); } },
        { "config.sharding-user-role", r => { StorageGroup(r); r.Section("iproto").Section("advertise").Set("sharding", Map(("login", Str("replicator")))); } },
    };

    /// <summary>Makes the db group a vshard storage group (with a router elsewhere there would be a cluster).</summary>
    private static void StorageGroup(YamlMappingNode root) =>
        root.Section("groups").Section("db").Set("sharding", Map(("roles", Strings(["storage"]))));

    [Theory]
    [MemberData(nameof(LearntFromTarantool))]
    public void Each_rule_learnt_from_tarantool_rejects_its_negative_fixture(string code, Action<YamlMappingNode> mutate)
    {
        var root = Root();
        mutate(root);
        Assert.Contains(Check(root), i => i.Code == code && i.Severity == ValidationSeverity.Error && i.Message.Length > 40);
    }

    [TarantoolConfigCheckTheory]
    [MemberData(nameof(LearntFromTarantool))]
    public void Tarantool_itself_refuses_what_the_learnt_rules_refuse(string code, Action<YamlMappingNode> mutate)
    {
        Assert.Empty(TarantoolConfigCheck.Check([("base", Base)], Edition.Community).Problems);
        var root = Root();
        mutate(root);
        var (problems, checkedCount) = TarantoolConfigCheck.Check([(code, YamlText.Write(root))], Edition.Community);
        Assert.True(checkedCount == 1 || problems.Count > 0, "the checker examined nothing");
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Enterprise_edition_accepts_iproto_tls_that_community_refuses()
    {
        var root = Root();
        foreach (var n in new[] { 1, 2, 3 })
            Inst(root, n).Section("iproto").Set("listen", Seq([Map(("uri", Str($"h{n}:3301")), ("params", Map(("transport", Str("ssl")), ("ssl_cert_file", Str("/etc/tarantool/tls/server.crt")), ("ssl_key_file", Str("/etc/tarantool/tls/server.key")), ("ssl_ca_file", Str("/etc/tarantool/tls/ca.crt")))))]));
        var yaml = YamlText.Write(root);
        Assert.Empty(new TarantoolConfigValidator().Validate(yaml, Expected, edition: Edition.Enterprise));
        Assert.Contains(new TarantoolConfigValidator().Validate(yaml, Expected, edition: Edition.Community), i => i.Code == "config.enterprise-only");
    }

    [Fact]
    public void Containers_that_bind_every_interface_are_fine_when_each_role_has_an_advertised_name()
    {
        var root = Root();
        StorageGroup(root);
        foreach (var n in new[] { 1, 2, 3 })
        {
            var iproto = Inst(root, n).Section("iproto");
            iproto.Set("listen", Seq([Map(("uri", Str("0.0.0.0:3301")))]));
            iproto.Set("advertise", Map(("peer", Map(("uri", Str($"db-001-{n}:3301")))), ("client", Str($"db-001-{n}:3301"))));
        }
        Assert.DoesNotContain(Check(root), i => i.Severity == ValidationSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_rule_rejects_its_negative_fixture(string code, Action<YamlMappingNode> mutate)
    {
        var root = Root();
        mutate(root);
        var issues = Check(root);
        Assert.Contains(issues, i => i.Code == code && i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Sharding_options_need_global_scope_and_bucket_count_must_match_the_plan()
    {
        var root = Root();
        root.Set("sharding", Map(("bucket_count", Int(3000))));
        var issues = Check(root, Expected with { BucketCount = 30000 });
        Assert.Contains(issues, i => i.Code == "config.bucket-count-mismatch");
    }

    [Fact]
    public void Multiple_rebalancers_are_rejected()
    {
        var root = Root();
        YamlMappingNode Storage(string name) =>
            Map(("sharding", Map(("roles", Strings(["storage", "rebalancer"])))), ("instances", Map((name + "-1", Map()))));
        var replicasets = Map(("s-001", Storage("s-001")), ("s-002", Storage("s-002")));
        root.Section("groups").Set("storages", Map(("replicasets", replicasets)));
        Assert.Contains(Check(root, new TarantoolConfigExpectations { RequireMetrics = false }), i => i.Code == "config.multiple-rebalancers");
    }

    [Fact]
    public void Manual_failover_without_leader_is_a_warning_and_master_master_allows_several_rw()
    {
        var root = Root();
        root.Section("replication").Set("failover", Str("manual"));
        Assert.Contains(Check(root, Expected with { Failover = "manual" }), i => i.Code == "config.leader-missing" && i.Severity == ValidationSeverity.Warning);

        var mm = Root();
        mm.Section("replication").Set("failover", Str("off"));
        for (var n = 1; n <= 3; n++) Inst(mm, n).Set("database", Map(("mode", Str("rw"))));
        Assert.DoesNotContain(Check(mm, Expected with { Failover = "off", AllowMultipleWritable = true }), i => i.Severity == ValidationSeverity.Error);
        Assert.Contains(Check(mm, null!), i => i.Code == "config.multiple-rw");
        Assert.Contains(new TarantoolConfigValidator().Validate(YamlText.Write(mm)), i => i.Code == "config.multiple-rw" && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void Unparseable_text_is_reported_not_thrown()
    {
        var issues = new TarantoolConfigValidator().Validate("groups: [unclosed");
        Assert.Equal("config.yaml-invalid", Assert.Single(issues).Code);
    }
}
