using Tarantool.Agents.Expert.Monitoring;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Containers;

namespace Tarantool.Agents.Tests.Expert.Monitoring;

public sealed class MonitoringExpertTests
{
    private readonly MonitoringExpert _expert = new();

    public static TheoryData<string, CloudProvider> Scenarios() => PlatformFixtures.OnEveryCloud();

    private static PlatformScenario Scenario(string name, CloudProvider cloud) => PlatformFixtures.Scenario(name, cloud);

    private static AlertRule Rule(MonitoringPlan plan, string name) => plan.Rules.Single(r => r.Name == name);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_of_every_cluster_type_on_every_cloud_passes_its_validator(string name, CloudProvider cloud)
    {
        var context = Scenario(name, cloud).Context();
        Assert.Empty(MonitoringPhase.Spec.Validate(_expert.Design(context), context));
    }

    [Fact]
    public void Every_exporting_instance_is_scraped_once_and_the_stateboard_is_not()
    {
        var scenario = PlatformFixtures.Cartridge(CloudProvider.OnPremises);
        var plan = _expert.Design(scenario.Context());
        var instances = scenario.Topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).Where(n => n != "stateboard");
        Assert.Equal(instances, plan.Targets.Select(t => t.Instance));
        Assert.Equal("billing-node-1:8082", plan.Targets.Single(t => t.Instance == "router-001-1").Address);
        Assert.Equal(["billing-node-1:9100", "billing-node-2:9100", "billing-node-3:9100", "billing-node-4:9100"], plan.NodeExporterTargets);
    }

    [Fact]
    public void Kubernetes_targets_are_pod_dns_names_on_the_container_metrics_port()
    {
        var plan = _expert.Design(PlatformFixtures.Sharded(CloudProvider.Gcp).Context());
        Assert.Equal("router-002-1.router-002.events.svc.cluster.local:8081", plan.Targets.Single(t => t.Instance == "router-002-1").Address);
        Assert.Equal("kubelet", plan.DiskMetricsSource);
        Assert.Empty(plan.NodeExporterTargets);
        Assert.Equal("pushgateway", plan.BackupFreshness.Exporter);
    }

    [Fact]
    public void Election_alerts_only_with_election_failover()
    {
        var election = _expert.Design(PlatformFixtures.ReplicatedProduction().Context());
        Assert.Contains(election.Rules, r => r.Name == AlertNames.NoLeader);
        Assert.Contains(election.Rules, r => r.Name == AlertNames.LeaderChanged);
        var manual = _expert.Design(PlatformFixtures.Sharded(failover: "manual").Context());
        Assert.DoesNotContain(manual.Rules, r => AlertNames.Election.Contains(r.Name));
        var cartridge = _expert.Design(PlatformFixtures.Cartridge().Context());
        Assert.DoesNotContain(cartridge.Rules, r => AlertNames.Election.Contains(r.Name));
    }

    [Fact]
    public void Vinyl_alerts_only_with_vinyl()
    {
        Assert.Contains(_expert.Design(PlatformFixtures.Sharded(engine: StorageEngine.Vinyl).Context()).Rules, r => r.Name == AlertNames.VinylRegulatorStalled);
        Assert.DoesNotContain(_expert.Design(PlatformFixtures.Sharded(engine: StorageEngine.Memtx).Context()).Rules, r => AlertNames.Vinyl.Contains(r.Name));
    }

    [Fact]
    public void Config_alert_only_with_the_declarative_config_and_replication_alerts_only_with_replicas()
    {
        Assert.DoesNotContain(_expert.Design(PlatformFixtures.Cartridge().Context()).Rules, r => r.Name == AlertNames.ConfigNotReady);
        var single = _expert.Design(PlatformFixtures.SingleInstanceDev().Context());
        Assert.Contains(single.Rules, r => r.Name == AlertNames.ConfigNotReady);
        Assert.DoesNotContain(single.Rules, r => r.Name == AlertNames.ReplicationLagHigh);
    }

    [Fact]
    public void Replication_lag_threshold_follows_the_rpo_and_cross_region_latency()
    {
        // RPO 60 s → min(30, 10) = 10 s in production.
        Assert.Equal(10, Rule(_expert.Design(PlatformFixtures.ReplicatedProduction().Context()), AlertNames.ReplicationLagHigh).Threshold);
        // RPO 30 s → 10 s cap; multi-region floor 2 × 40 ms + 1 s is lower.
        var multi = Rule(_expert.Design(PlatformFixtures.MultiRegion().Context()), AlertNames.ReplicationLagHigh);
        Assert.Equal(10, multi.Threshold);
        Assert.Contains("cross-region", multi.ThresholdReason);
        var tight = PlatformFixtures.ReplicatedProduction();
        tight = tight with { Backup = tight.Backup with { RpoSeconds = 4 } };
        Assert.Equal(2, Rule(_expert.Design(tight.Context()), AlertNames.ReplicationLagHigh).Threshold);
    }

    [Fact]
    public void Backup_age_threshold_follows_the_backup_schedule()
    {
        var sixHourly = _expert.Design(PlatformFixtures.ReplicatedProduction().Context());
        Assert.Equal(21600, sixHourly.BackupFreshness.BackupIntervalSeconds);
        Assert.Equal(21600 + 10800, Rule(sixHourly, AlertNames.BackupTooOld).Threshold);
        var weekly = _expert.Design(PlatformFixtures.Cartridge().Context());
        Assert.Equal(604800 + 302400, Rule(weekly, AlertNames.BackupTooOld).Threshold);
    }

    [Fact]
    public void Disk_threshold_leaves_room_for_the_next_snapshot()
    {
        // (45 + 20) / 300 = 0.217 → rounded up to 0.25.
        Assert.Equal(0.25, Rule(_expert.Design(PlatformFixtures.ReplicatedProduction().Context()), AlertNames.DiskSpaceLow).Threshold);
        // (12 + 30) / 800 = 0.05 → at least 0.10.
        Assert.Equal(0.1, Rule(_expert.Design(PlatformFixtures.Sharded().Context()), AlertNames.DiskSpaceLow).Threshold);
    }

    [Fact]
    public void No_leader_waits_three_election_timeouts()
    {
        Assert.Equal(30, Rule(_expert.Design(PlatformFixtures.ReplicatedProduction().Context()), AlertNames.NoLeader).ForSeconds);
        Assert.Equal(30, Rule(_expert.Design(PlatformFixtures.MultiRegion().Context()), AlertNames.NoLeader).ForSeconds);
        var slow = PlatformFixtures.MultiRegion();
        slow = slow with { Topology = slow.Topology with { Election = slow.Topology.Election! with { TimeoutSeconds = 15 } } };
        Assert.Equal(45, Rule(_expert.Design(slow.Context()), AlertNames.NoLeader).ForSeconds);
    }

    [Fact]
    public void Production_pages_and_development_only_warns()
    {
        Assert.Equal("critical", Rule(_expert.Design(PlatformFixtures.ReplicatedProduction().Context()), AlertNames.InstanceDown).Severity);
        Assert.Equal("warning", Rule(_expert.Design(PlatformFixtures.SingleInstanceDev().Context()), AlertNames.InstanceDown).Severity);
    }

    [Fact]
    public void Every_expression_and_panel_uses_only_known_metric_names()
    {
        foreach (var scenario in PlatformFixtures.All().SelectMany(s => new[] { s, s.WithCloud(CloudProvider.OnPremises), s.WithCloud(CloudProvider.Aws) }))
        {
            var plan = _expert.Design(scenario.Context());
            var expressions = plan.Rules.Select(r => r.Expression).Concat(plan.Dashboards.SelectMany(d => d.Panels).Select(p => p.Expression));
            foreach (var expression in expressions)
            {
                var names = PromQlMetrics.Names(expression);
                Assert.NotEmpty(names);
                Assert.All(names, n => Assert.True(MetricCatalog.IsKnown(n), $"{n} in {expression}"));
            }
        }
        Assert.True(MetricCatalog.IsKnown(GrafanaDashboardRenderer.VariableMetric));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Narrative_has_exactly_the_phase_sections(Language language)
    {
        foreach (var scenario in PlatformFixtures.All())
            NarrativeAssertions.HasExactSections(_expert.Answer(scenario.Context(language)).Narrative, MonitoringPhase.Sections, language);
    }

    [Fact]
    public void Russian_narrative_is_russian_prose()
    {
        var narrative = _expert.Answer(PlatformFixtures.ReplicatedProduction().Context(Language.Ru)).Narrative;
        Assert.True(NarrativeAssertions.CyrillicShare(narrative) > 0.4, narrative);
    }

    [Fact]
    public void Same_request_gives_the_same_answer()
    {
        var first = _expert.Answer(PlatformFixtures.Sharded().Context());
        var second = _expert.Answer(PlatformFixtures.Sharded().Context());
        Assert.Equal(first.Narrative, second.Narrative);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(first.Output, global::Tarantool.Agents.Serialization.JsonDefaults.Indented),
            System.Text.Json.JsonSerializer.Serialize(second.Output, global::Tarantool.Agents.Serialization.JsonDefaults.Indented));
    }
}
