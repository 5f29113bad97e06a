using Tarantool.Agents.Expert.Configuration;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Phases.Configuration;

public sealed class ClusterConfigurationValidatorTests
{
    private static (ClusterConfiguration Config, PhaseContext Context) Valid(Func<Requests.ClusterRequest>? request = null)
    {
        // Enterprise production: iproto TLS is on, so the TLS rules have something to check.
        var context = ClusterFixtures.Context((request ?? ShardedEnterprise)());
        return (new ConfigurationExpert().Design(context), context);
    }

    private static IReadOnlyList<ValidationIssue> Errors(ClusterConfiguration config, PhaseContext context) =>
        [.. new ClusterConfigurationValidator().Validate(config, context).Where(i => i.Severity == ValidationSeverity.Error)];

    private static Requests.ClusterRequest ShardedEnterprise() => ClusterFixtures.Sharded() with { Edition = Requests.Edition.Enterprise };

    [Fact]
    public void Tls_on_community_edition_is_rejected()
    {
        var (config, context) = Valid(ClusterFixtures.Sharded);
        Assert.False(config.Tls.Enabled);
        Assert.Empty(Errors(config, context));
        var tls = config with { Tls = new IprotoTlsSettings(true, "/etc/tarantool/tls/server.crt", "/etc/tarantool/tls/server.key", "/etc/tarantool/tls/ca.crt", true) };
        Assert.Contains(Errors(tls, context), i => i.Code == "config.tls-edition");
    }

    [Fact]
    public void The_expert_answer_is_valid()
    {
        var (config, context) = Valid();
        Assert.Empty(Errors(config, context));
    }

    [Fact]
    public void Snapshot_settings_that_drift_from_the_capacity_plan_are_caught_even_when_the_backup_plan_agrees()
    {
        var (config, context) = Valid();
        var capacity = context.Get<Tarantool.Agents.Phases.CapacityPlanning.CapacityPlan>();
        var drifted = new PhaseContext(context.Request, context.Language, new Dictionary<string, object>
        {
            ["CapacityPlan"] = capacity with { SnapshotIntervalSeconds = config.SnapshotIntervalSeconds + 3600 },
            ["ClusterTopology"] = context.Get<Tarantool.Agents.Phases.Topology.ClusterTopology>(),
            ["BackupPlan"] = context.Get<Tarantool.Agents.Phases.BackupRecovery.BackupPlan>(),
        });

        var issue = Assert.Single(new ClusterConfigurationValidator().Validate(config, drifted), i => i.Code == "config.snapshot-mismatch");
        Assert.Contains("capacity plan", issue.Message);
        Assert.Contains("snapshot.by.interval", issue.Message);
    }

    public static TheoryData<string, Func<ClusterConfiguration, ClusterConfiguration>> Violations => new()
    {
        { "config.version-mismatch", c => c with { TargetVersion = "3.4" } },
        { "config.format-mismatch", c => c with { ConfigFormat = ConfigFormats.BoxCfg } },
        { "config.app-name", c => c with { AppName = "other" } },
        { "config.log-level", c => c with { LogLevel = "chatty" } },
        { "config.wal-mode-mismatch", c => c with { WalMode = "write" } },
        { "config.wal-mode", c => c with { WalMode = "none" } },
        { "config.memtx-memory-mismatch", c => c with { StorageMemtxMemoryBytes = c.StorageMemtxMemoryBytes / 2 } },
        { "config.memtx-memory-mismatch", c => c with { RouterMemtxMemoryBytes = 1 } },
        { "config.vinyl-mismatch", c => c with { Vinyl = new VinylSettings(true, 1, 1, 1, 2, 0.05) } },
        { "config.snapshot-mismatch", c => c with { SnapshotCount = 1 } },
        { "config.snapshot-mismatch", c => c with { SnapshotIntervalSeconds = 60 } },
        { "config.failover-mismatch", c => c with { Replication = c.Replication with { Failover = "manual" } } },
        { "config.synchro-quorum-mismatch", c => c with { Replication = c.Replication with { SynchroQuorum = 3 } } },
        { "config.replication-timeouts", c => c with { Replication = c.Replication with { ConnectTimeoutSeconds = 0.1 } } },
        { "config.master-master-mismatch", c => c with { Replication = c.Replication with { MasterMaster = true } } },
        { "config.bucket-count-mismatch", c => c with { Sharding = c.Sharding with { BucketCount = 3000 } } },
        { "config.sharding-mismatch", c => c with { Sharding = c.Sharding with { Enabled = false } } },
        { "config.rebalancer-unknown", c => c with { Sharding = c.Sharding with { RebalancerReplicaset = "storage-009" } } },
        { "config.rebalancer-without-storage", c => c with { Sharding = c.Sharding with { RebalancerReplicaset = "router-001" } } },
        { "config.user-missing", c => c with { Users = [.. c.Users.Where(u => u.Name != "app")] } },
        { "config.unknown-context", c => c with { Context = [.. c.Context.Where(v => v.Name != "app_password")] } },
        { "config.context-invalid", c => c with { Context = [.. c.Context.Select(v => v with { Source = "tt replicator password" })] } },
        { "config.tls-mismatch", c => c with { Tls = c.Tls with { Enabled = false } } },
        { "config.tls-files", c => c with { Tls = c.Tls with { KeyFile = "-----BEGIN PRIVATE KEY-----" } } },
        { "config.metrics-method", c => c with { Metrics = c.Metrics with { Method = MetricsMethods.InitLua } } },
        { "config.metrics-endpoint", c => c with { Metrics = c.Metrics with { Path = "metrics" } } },
        { "config.metrics-rock", c => c with { RockDependencies = [.. c.RockDependencies.Where(r => !r.StartsWith("metrics-export-role"))] } },
        { "config.group-coverage", c => c with { Groups = [.. c.Groups.Where(g => g.Name != "routers")] } },
        { "config.decisions", c => c with { Decisions = [] } },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_rule_rejects_its_negative_fixture(string code, Func<ClusterConfiguration, ClusterConfiguration> mutate)
    {
        var (config, context) = Valid();
        Assert.Contains(Errors(mutate(config), context), i => i.Code == code);
    }

    [Fact]
    public void Rendered_config_problems_surface_through_the_phase_validator()
    {
        var (config, context) = Valid();
        // A group override that makes storages failover off leaves every storage replicaset without a writable master.
        var broken = config with { Groups = [.. config.Groups.Select(g => g.Name == "storages" ? g with { Failover = "off" } : g)] };
        var codes = Errors(broken, context).Select(i => i.Code).ToList();
        Assert.Contains("config.failover-mismatch", codes);
    }

    [Fact]
    public void Master_master_needs_failover_off()
    {
        var (config, context) = Valid(ClusterFixtures.ReplicatedMasterMaster);
        Assert.Empty(Errors(config, context));
        Assert.Contains(Errors(config with { Replication = config.Replication with { Failover = "election" } }, context), i => i.Code == "config.master-master-failover");
    }
}
