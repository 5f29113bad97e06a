using Tarantool.Agents.Expert.Containers;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Containers;

namespace Tarantool.Agents.Tests.Expert.Containers;

public sealed class OrchestrationExpertTests
{
    private readonly OrchestrationExpert _expert = new();

    public static TheoryData<string, CloudProvider> Scenarios() => PlatformFixtures.OnEveryCloud();

    private static PlatformScenario Scenario(string name, CloudProvider cloud) => PlatformFixtures.Scenario(name, cloud);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_of_every_cluster_type_on_every_cloud_passes_its_validator(string name, CloudProvider cloud)
    {
        var context = Scenario(name, cloud).Context();
        var plan = _expert.Design(context);
        Assert.DoesNotContain(ContainersPhase.Spec.Validate(plan, context), i => i.Severity == ValidationSeverity.Error);
    }

    [Theory]
    [InlineData(CloudProvider.Aws, "kubernetes", "ebs.csi.aws.com")]
    [InlineData(CloudProvider.Azure, "kubernetes", "disk.csi.azure.com")]
    [InlineData(CloudProvider.Gcp, "kubernetes", "pd.csi.storage.gke.io")]
    [InlineData(CloudProvider.Kubernetes, "kubernetes", null)]
    [InlineData(CloudProvider.OnPremises, "systemd", null)]
    public void Platform_and_storage_follow_the_cloud(CloudProvider cloud, string platform, string? provisioner)
    {
        var plan = _expert.Design(PlatformFixtures.ReplicatedProduction(cloud).Context());
        Assert.Equal(platform, plan.Platform);
        Assert.Equal(provisioner, plan.StorageClass?.Provisioner);
        Assert.Equal(platform == "kubernetes" ? "orders" : "", plan.Namespace);
    }

    [Fact]
    public void Aws_gp3_iops_cover_twice_the_wal_write_rate()
    {
        var scenario = PlatformFixtures.Sharded(CloudProvider.Aws);
        var plan = _expert.Design(scenario.Context());
        var iops = int.Parse(plan.StorageClass!.Parameters.Single(p => p.Name == "iops").Value);
        Assert.Equal(12000, iops); // 2 × 6000 WAL writes/s
        Assert.Equal("gp3", plan.StorageClass.Parameters.Single(p => p.Name == "type").Value);
    }

    [Fact]
    public void Gcp_uses_pd_ssd_in_production_and_pd_balanced_otherwise()
    {
        Assert.Equal("tarantool-pd-ssd", _expert.Design(PlatformFixtures.Sharded(CloudProvider.Gcp).Context()).StorageClass!.Name);
        Assert.Equal("tarantool-pd-balanced", _expert.Design(PlatformFixtures.SingleInstanceDev(CloudProvider.Gcp).Context()).StorageClass!.Name);
    }

    [Fact]
    public void Resources_come_from_the_capacity_plan()
    {
        var scenario = PlatformFixtures.Sharded();
        var plan = _expert.Design(scenario.Context());
        var storage = plan.Workloads.First(w => w.Role == "storage");
        Assert.Equal(40 * 1024, storage.MemoryRequestMib);
        Assert.Equal(storage.MemoryRequestMib, storage.MemoryLimitMib);
        Assert.Equal(4000, storage.CpuRequestMillicores);
        Assert.Equal((int)Math.Ceiling(800 * 1e9 * 1.05 / (1024d * 1024 * 1024)), storage.VolumeGib);
        var router = plan.Workloads.First(w => w.Role == "router");
        Assert.Equal(512 + 512, router.MemoryRequestMib);
        Assert.Equal(2000, router.CpuRequestMillicores);
        Assert.All(plan.Workloads, w => Assert.Equal(1, w.MaxUnavailable));
    }

    [Fact]
    public void Production_requires_node_anti_affinity_and_zone_spread_development_only_prefers_it()
    {
        var production = _expert.Design(PlatformFixtures.ReplicatedProduction().Context()).Workloads.Single();
        Assert.True(production.RequiredNodeAntiAffinity);
        Assert.Equal("DoNotSchedule", production.ZoneSpread);
        var development = _expert.Design(PlatformFixtures.SingleInstanceDev(CloudProvider.Kubernetes).Context()).Workloads.Single();
        Assert.False(development.RequiredNodeAntiAffinity);
        Assert.Equal("ScheduleAnyway", development.ZoneSpread);
    }

    [Fact]
    public void Multi_region_replicasets_spread_across_regions()
    {
        var plan = _expert.Design(PlatformFixtures.MultiRegion().Context());
        Assert.True(plan.Workloads.Single().SpreadAcrossRegions);
        Assert.Contains(plan.Decisions, d => d.Contains("stretched", StringComparison.Ordinal));
    }

    [Fact]
    public void Pods_are_named_after_instances_and_resolve_through_headless_services()
    {
        var plan = _expert.Design(PlatformFixtures.Sharded().Context());
        var endpoint = plan.Endpoints.Single(e => e.Instance == "storage-002-3");
        Assert.Equal("storage-002-3", endpoint.PodName);
        Assert.Equal("storage-002-3.storage-002.events.svc.cluster.local", endpoint.Host);
        Assert.Equal(3301, endpoint.IprotoPort);
        Assert.Equal(8081, endpoint.MetricsPort);
        // Routers share a VM with storages (port 3302) but a pod has its own network namespace.
        Assert.Equal(3301, plan.Endpoints.Single(e => e.Instance == "router-001-1").IprotoPort);
    }

    [Fact]
    public void On_premises_keeps_topology_addresses()
    {
        var plan = _expert.Design(PlatformFixtures.Sharded(CloudProvider.OnPremises).Context());
        var router = plan.Endpoints.Single(e => e.Instance == "router-001-1");
        Assert.Equal(("events-node-1", 3302, 8082), (router.Host, router.IprotoPort, router.MetricsPort));
    }

    [Fact]
    public void Startup_probe_outlasts_recovery_of_a_large_snapshot()
    {
        var scenario = PlatformFixtures.ReplicatedProduction();
        var probes = _expert.Design(scenario.Context()).Probes;
        // 45 GB / 100 MB/s + 20 GB / 50 MB/s + 30 s = 880 s; × 1.5 = 1320 s.
        Assert.Equal(880, probes.EstimatedRecoverySeconds);
        Assert.Equal(1320, probes.StartupPeriodSeconds * probes.StartupFailureThreshold);
        Assert.True(probes.LivenessPeriodSeconds * probes.LivenessFailureThreshold >= 30);
    }

    [Fact]
    public void Sharded_clusters_are_reached_through_a_router_service()
    {
        var service = Assert.Single(_expert.Design(PlatformFixtures.Sharded().Context()).ClientServices);
        Assert.Equal("events-router", service.Name);
        Assert.Equal(["router-001", "router-002"], service.Replicasets);
    }

    [Fact]
    public void Manual_failover_still_reaches_the_leader_by_discovery_not_by_a_pinned_pod()
    {
        var scenario = PlatformFixtures.SingleInstanceDev(CloudProvider.Kubernetes);
        scenario = scenario with { Topology = scenario.Topology with { FailoverMode = "manual", Replicasets = [scenario.Topology.Replicasets[0] with { Leader = "db-001-1" }] } };
        var services = _expert.Design(scenario.Context()).ClientServices;
        // Nothing would move a Service pinned to db-001-1 after a switchover: clients discover the leader instead.
        var service = Assert.Single(services);
        Assert.Equal("notes-db", service.Name);
        Assert.Empty(service.PinnedPod);
        Assert.Equal(ClientServicePlan.LeaderDiscoveryReason, service.Reason);
    }

    [Fact]
    public void Secrets_follow_the_config_context_and_never_carry_values()
    {
        var scenario = PlatformFixtures.Sharded();
        var secrets = _expert.Design(scenario.Context()).Secrets;
        Assert.Equal(["app_password", "replicator_password", "storage_password"], secrets.Select(s => s.ContextName));
        Assert.All(secrets, s => Assert.Equal("TT_" + s.ContextName.ToUpperInvariant(), s.EnvVar));
        Assert.All(secrets, s => Assert.Equal("events-credentials", s.SecretName));
    }

    [Fact]
    public void File_delivered_context_secrets_become_mounted_files()
    {
        var scenario = PlatformFixtures.ReplicatedProduction();
        scenario = scenario with { ConfigYaml = scenario.ConfigYaml!.Replace("from: env\n      env: TT_REPLICATOR_PASSWORD", "from: file\n      file: secrets/replicator_password") };
        var replicator = _expert.Design(scenario.Context()).Secrets.Single(s => s.ContextName == "replicator_password");
        Assert.Equal("", replicator.EnvVar);
        Assert.Equal("/opt/tarantool/orders/secrets/replicator_password", replicator.FilePath);
    }

    [Fact]
    public void Cartridge_adds_cookie_and_stateboard_password_and_bakes_the_lua_layout()
    {
        var plan = _expert.Design(PlatformFixtures.Cartridge().Context());
        Assert.Equal(ConfigDelivery.Cartridge, plan.ConfigDelivery);
        Assert.Contains(plan.Secrets, s => s.ContextName == "cluster_cookie" && s.EnvVar == "TARANTOOL_CLUSTER_COOKIE");
        Assert.Contains(plan.Secrets, s => s.ContextName == "stateboard_password" && s.EnvVar == "TARANTOOL_PASSWORD");
        Assert.Equal("tarantool/tarantool:2.11", plan.Image.BaseImage);
        Assert.Equal("stateboard-1", plan.Endpoints.Single(e => e.Instance == "stateboard").PodName);
    }

    [Fact]
    public void Declarative_config_installs_the_metrics_export_role_unless_the_app_has_a_rockspec()
    {
        var scenario = PlatformFixtures.ReplicatedProduction();
        Assert.Equal(["metrics-export-role"], _expert.Design(scenario.Context()).Image.Rocks);
        var withRockspec = scenario.Context(extraFiles: new Dictionary<string, string> { ["tarantool/orders-scm-1.rockspec"] = "package = 'orders'\n" });
        Assert.Empty(_expert.Design(withRockspec).Image.Rocks);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Narrative_has_exactly_the_phase_sections(Language language)
    {
        foreach (var scenario in PlatformFixtures.All())
        {
            var context = scenario.Context(language);
            var narrative = _expert.Answer(context).Narrative;
            NarrativeAssertions.HasExactSections(narrative, ContainersPhase.Sections, language);
        }
    }

    [Fact]
    public void Russian_narrative_is_russian_prose()
    {
        var narrative = _expert.Answer(PlatformFixtures.Sharded().Context(Language.Ru)).Narrative;
        Assert.True(NarrativeAssertions.CyrillicShare(narrative) > 0.5, narrative);
        Assert.Contains("Не применяется", narrative);
    }

    [Fact]
    public void Same_request_gives_the_same_answer()
    {
        var first = _expert.Answer(PlatformFixtures.Cartridge().Context());
        var second = _expert.Answer(PlatformFixtures.Cartridge().Context());
        Assert.Equal(first.Narrative, second.Narrative);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(first.Output, global::Tarantool.Agents.Serialization.JsonDefaults.Indented),
            System.Text.Json.JsonSerializer.Serialize(second.Output, global::Tarantool.Agents.Serialization.JsonDefaults.Indented));
    }
}
