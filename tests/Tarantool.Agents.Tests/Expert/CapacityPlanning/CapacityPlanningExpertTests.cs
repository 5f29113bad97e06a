using System.Text.Json;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

public sealed class CapacityPlanningExpertTests
{
    private const long Gib = 1024L * 1024 * 1024;
    private const long Mib = 1024L * 1024;

    [Fact]
    public void Every_combination_of_the_request_passes_the_validator_without_errors()
    {
        foreach (var request in Matrix())
        {
            var plan = Plan(request);
            var errors = CapacityPlanPhase.Spec.Validate(plan, Context(request)).Where(i => i.Severity == ValidationSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{request.ClusterType}/{request.Environment}/{request.HaStrategy}/{request.ReplicationMode}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Missing_figures_become_stated_assumptions_per_environment()
    {
        var production = Plan(Request());
        Assert.Equal(100, production.DataSizeGb);
        Assert.Equal(10_000, production.ReadRps);
        Assert.Equal(2_000, production.WriteRps);
        Assert.Equal(512, production.AverageRecordBytes);
        Assert.Equal(30, production.GrowthPercentPerYear);
        Assert.Equal(24, production.HorizonMonths);
        foreach (var name in new[] { "dataSizeGb", "readRps", "writeRps", "averageRecordBytes", "growthPercentPerYear", "horizonMonths" })
            Assert.Contains(production.Assumptions, a => a.Name == name && a.Reason.Length > 20);

        var development = Plan(Request(environment: DeploymentEnvironment.Development));
        Assert.Equal(1, development.DataSizeGb);
        Assert.Equal(500, development.ReadRps + development.WriteRps);
        Assert.Equal(12, development.HorizonMonths);
        Assert.Equal(20, Plan(Request(environment: DeploymentEnvironment.Staging)).DataSizeGb);
    }

    [Fact]
    public void Given_figures_are_used_and_not_listed_as_assumptions()
    {
        var plan = Plan(Request(workload: new Workload { DataSizeGb = 300, ReadRps = 40_000, WriteRps = 8_000, AverageRecordBytes = 1024, GrowthPercentPerYear = 50, HorizonMonths = 36 }));
        Assert.Equal(300, plan.DataSizeGb);
        Assert.Equal(48_000, plan.ReadRps + plan.WriteRps);
        Assert.Equal(36, plan.HorizonMonths);
        Assert.DoesNotContain(plan.Assumptions, a => a.Name is "dataSizeGb" or "readRps" or "writeRps" or "averageRecordBytes" or "growthPercentPerYear" or "horizonMonths");
        Assert.Equal(Math.Round(300 * Math.Pow(1.5, 3), 2), plan.ProjectedDataSizeGb);
    }

    [Fact]
    public void Data_size_is_derived_from_records_and_tuple_size()
    {
        var plan = Plan(Request(workload: new Workload { RecordCount = 200_000_000, AverageRecordBytes = 250 }));
        Assert.Equal(50, plan.DataSizeGb, 3);
        Assert.Contains(plan.Assumptions, a => a.Name == "dataSizeGb" && a.Reason.Contains("200000000"));
        Assert.Contains(plan.Formulas, f => f.Name == "dataSizeGb");

        var derivedBytes = Plan(Request(workload: new Workload { DataSizeGb = 10, RecordCount = 10_000_000 }));
        Assert.Equal(1000, derivedBytes.AverageRecordBytes);
        Assert.Contains(derivedBytes.Assumptions, a => a.Name == "averageRecordBytes");
    }

    [Fact]
    public void Memtx_memory_holds_the_per_shard_data_at_the_horizon_with_overheads()
    {
        var plan = Plan(Request(workload: new Workload { DataSizeGb = 120, GrowthPercentPerYear = 0, HorizonMonths = 12 }, shards: 4));
        var expected = 30e9 * 1.3 * 1.15 * 1.2;
        Assert.Equal(0, plan.MemtxMemoryBytes % (256 * Mib));
        Assert.InRange(plan.MemtxMemoryBytes, (long)expected, (long)expected + 256 * Mib);
        // Checkpoints write a read view inside the arena (no fork): the host gives the arena and the runtime, no copy-on-write reserve.
        Assert.Equal(plan.MemtxMemoryBytes + Gib, plan.RamPerStorageInstanceBytes);
        var formula = Assert.Single(plan.Formulas, f => f.Name == "memtx.memory");
        Assert.Contains("256 MiB", formula.Expression);
        Assert.Equal(1 * Gib, plan.RouterMemtxMemoryBytes);
    }

    [Fact]
    public void Small_data_gets_the_environment_floor()
    {
        var plan = Plan(Request(ClusterType.Replicated, workload: new Workload { DataSizeGb = 0.1 }));
        Assert.Equal(2 * Gib, plan.MemtxMemoryBytes);
        Assert.Equal(0, plan.RouterMemtxMemoryBytes);
    }

    [Fact]
    public void Vinyl_is_chosen_when_the_arena_would_be_unaffordable_or_when_asked()
    {
        var huge = Plan(Request(ClusterType.Replicated, workload: new Workload { DataSizeGb = 2000 }));
        Assert.Equal(StorageEngine.Vinyl, huge.Engine);
        Assert.True(huge.VinylMemoryBytes > 0 && huge.VinylCacheBytes > 0);
        Assert.Contains(huge.Assumptions, a => a.Name == "engine" && a.Value == "vinyl" && a.Reason.Contains("512 GiB"));
        Assert.True(huge.DiskPerStorageInstanceGb > huge.ProjectedDataSizeGb, "vinyl keeps the data on disk");
        Assert.True(huge.CpuPerStorageInstance >= 5, "vinyl dump and compaction threads need cores");

        var asked = Plan(Request(workload: new Workload { DataSizeGb = 10, Engine = StorageEngine.Vinyl }));
        Assert.Equal(StorageEngine.Vinyl, asked.Engine);
        Assert.DoesNotContain(asked.Assumptions, a => a.Name == "engine");

        var memtx = Plan(Request());
        Assert.Equal(StorageEngine.Memtx, memtx.Engine);
        Assert.Equal(0, memtx.VinylMemoryBytes);
    }

    [Theory]
    [InlineData(ClusterType.SingleInstance, DeploymentEnvironment.Production, HaStrategy.ActiveFailover, 1)]
    [InlineData(ClusterType.Replicated, DeploymentEnvironment.Production, HaStrategy.PassiveFailover, 3)]
    [InlineData(ClusterType.Replicated, DeploymentEnvironment.Development, HaStrategy.PassiveFailover, 2)]
    [InlineData(ClusterType.Replicated, DeploymentEnvironment.Development, HaStrategy.ActiveFailover, 3)]
    [InlineData(ClusterType.Replicated, DeploymentEnvironment.Staging, HaStrategy.PassiveFailover, 2)]
    [InlineData(ClusterType.Cartridge, DeploymentEnvironment.Staging, HaStrategy.ActiveFailover, 2)]
    [InlineData(ClusterType.MultiRegion, DeploymentEnvironment.Production, HaStrategy.DistributedHa, 3)]
    [InlineData(ClusterType.MultiRegion, DeploymentEnvironment.Production, HaStrategy.ActiveFailover, 4)]
    public void Members_per_replicaset_follow_environment_ha_and_sites(ClusterType type, DeploymentEnvironment environment, HaStrategy ha, int expected) =>
        Assert.Equal(expected, Plan(Request(type, environment, ha)).InstancesPerReplicaset);

    [Fact]
    public void Routers_scale_with_the_request_rate_and_cover_every_site()
    {
        Assert.Equal(2, Plan(Request()).Routers);
        Assert.Equal(1, Plan(Request(environment: DeploymentEnvironment.Development)).Routers);
        Assert.Equal(4, Plan(Request(workload: new Workload { ReadRps = 50_000, WriteRps = 10_000 })).Routers);
        Assert.Equal(3, Plan(Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true)).Routers);
        Assert.Equal(0, Plan(Request(ClusterType.Replicated)).Routers);
    }

    [Fact]
    public void Totals_add_up_and_cartridge_stateful_failover_counts_its_stateboard()
    {
        var sharded = Plan(Request());
        Assert.Equal(3 * 3 + 2, sharded.TotalInstances);

        var cartridge = Plan(Request(ClusterType.Cartridge, sharding: true, version: "2.11"));
        Assert.Equal(cartridge.StorageReplicasets * cartridge.InstancesPerReplicaset + cartridge.Routers + 1, cartridge.TotalInstances);
        var passive = Plan(Request(ClusterType.Cartridge, ha: HaStrategy.PassiveFailover, sharding: true, version: "2.11"));
        Assert.Equal(passive.StorageReplicasets * passive.InstancesPerReplicaset + passive.Routers, passive.TotalInstances);
    }

    [Fact]
    public void Hosts_keep_replicaset_members_apart_and_respect_host_size()
    {
        var plan = Plan(Request());
        Assert.True(plan.Hosts >= plan.InstancesPerReplicaset);
        var perHost = (int)((256 * Gib - 8 * Gib) / plan.RamPerStorageInstanceBytes);
        Assert.True(plan.Hosts * perHost >= plan.StorageReplicasets * plan.InstancesPerReplicaset);
        Assert.Equal(1, Plan(Request(ClusterType.SingleInstance)).Hosts);
    }

    [Fact]
    public void Durability_settings_follow_the_environment()
    {
        var production = Plan(Request());
        Assert.Equal("fsync", production.WalMode);
        Assert.Equal(3, production.SnapshotCount);
        Assert.Equal((int)Math.Ceiling(2000 / 3.0), production.WalIops);

        var staging = Plan(Request(environment: DeploymentEnvironment.Staging));
        Assert.Equal("write", staging.WalMode);
        Assert.Equal(2, staging.SnapshotCount);
        Assert.True(staging.WalIops < 100);
    }

    [Fact]
    public void Disk_holds_snapshots_in_flight_wal_backup_staging_and_headroom()
    {
        var plan = Plan(Request());
        var raw = plan.SnapshotSizeGb * (plan.SnapshotCount + 1) + plan.WalSizeGb;
        Assert.True(plan.DiskPerStorageInstanceGb >= raw * 1.3);
        Assert.Contains(plan.Formulas, f => f.Name == "diskPerStorageInstanceGb" && f.Expression.Contains("in flight"));
        var bandwidth = 2000 / 3.0 * (512 + 64) * 2 * 1.3 * 8 / 1e6;
        Assert.Equal(Math.Round(bandwidth, 2), plan.ReplicationBandwidthMbps);
    }

    [Fact]
    public void Bucket_count_allows_four_times_the_shards_and_never_less_than_3000()
    {
        Assert.Equal(12_000, Plan(Request()).BucketCount);
        Assert.Equal(40_000, Plan(Request(shards: 10, workload: new Workload { DataSizeGb = 100 })).BucketCount);
        Assert.Equal(0, Plan(Request(ClusterType.Replicated)).BucketCount);
        Assert.Equal(4_000, Plan(Request(ClusterType.Cartridge, version: "2.11", workload: new Workload { DataSizeGb = 5 })).BucketCount);
        Assert.Equal(30_000, GrowthPlanner.BucketCount(2, 30));
    }

    [Fact]
    public void Growth_projection_runs_from_today_to_the_horizon_and_only_grows()
    {
        var plan = Plan(Request());
        Assert.Equal([0, 6, 12, 18, 24], plan.Growth.Select(p => p.Month));
        Assert.Equal(plan.DataSizeGb, plan.Growth[0].DataSizeGb);
        Assert.Equal(plan.ProjectedDataSizeGb, plan.Growth[^1].DataSizeGb);
        Assert.Equal(plan.MemtxMemoryBytes, plan.Growth[^1].MemtxMemoryBytesPerInstance);
        Assert.True(plan.Growth.Zip(plan.Growth.Skip(1)).All(p => p.Second.DataSizeGb > p.First.DataSizeGb && p.Second.ShardsNeeded >= p.First.ShardsNeeded));
        Assert.Equal(5, plan.Growth[^1].ShardsNeeded);

        var odd = Plan(Request(workload: new Workload { HorizonMonths = 40 }));
        Assert.Equal([0, 12, 24, 36, 40], odd.Growth.Select(p => p.Month));
    }

    [Fact]
    public void Every_formula_shows_its_inputs_and_result()
    {
        var plan = Plan(Request());
        foreach (var name in new[] { "projectedDataSizeGb", "perShardDataGb", "memtxRequired", "memtx.memory", "ramPerStorageInstance", "instancesPerReplicaset", "routers", "totalInstances", "hosts", "leaderRps", "cpuPerStorageInstance", "snapshotSizeGb", "walSizeGb", "diskPerStorageInstanceGb", "walIops", "replicationBandwidthMbps", "bucketCount", "shardsNeededAtHorizon" })
            Assert.Contains(plan.Formulas, f => f.Name == name && f.Expression.Length > 3 && f.Result.Length > 0);
        Assert.Contains(plan.Formulas, f => f.Name == "projectedDataSizeGb" && f.Expression == "100 GB × (1 + 0.3)^(24 / 12)" && f.Result == "169 GB");
    }

    [Fact]
    public void Narrative_has_the_sections_in_order_and_states_decisions_and_formulas()
    {
        var request = Request();
        var answer = new CapacityPlanningExpert().Answer(Context(request));
        NarrativeAssert.HasSections(answer.Narrative, CapacityPlanPhase.Sections, Language.En);
        NarrativeAssert.IsIn(answer.Narrative, Language.En);
        var plan = (CapacityPlan)answer.Output;
        foreach (var formula in plan.Formulas) Assert.Contains(formula.Expression, answer.Narrative);
        foreach (var assumption in plan.Assumptions) Assert.Contains(assumption.Reason, answer.Narrative);
        Assert.Contains("memory: 101200166912", answer.Narrative);
        Assert.Contains("above the 64 GiB ceiling", answer.Narrative);
        Assert.Contains(Assert.Single(plan.Warnings).Message, answer.Narrative);
        Assert.Contains("bucket_count: 12000", answer.Narrative);
    }

    [Theory]
    [InlineData(ClusterType.Sharded, "3.7")]
    [InlineData(ClusterType.SingleInstance, "3.7")]
    [InlineData(ClusterType.Replicated, "2.11")]
    [InlineData(ClusterType.Cartridge, "2.11")]
    [InlineData(ClusterType.MultiRegion, "3.7")]
    public void Russian_narrative_is_russian_with_the_russian_sections(ClusterType type, string version)
    {
        var request = Request(type, version: version, workload: new Workload { DataSizeGb = 2000 });
        var answer = new CapacityPlanningExpert().Answer(Context(request, Language.Ru));
        NarrativeAssert.HasSections(answer.Narrative, CapacityPlanPhase.Sections, Language.Ru);
        NarrativeAssert.IsIn(answer.Narrative, Language.Ru);
        Assert.All(((CapacityPlan)answer.Output).Assumptions.Where(a => a.Name is "dataSizeGb" or "readRps"), a => Assert.Matches("[а-я]", a.Reason));
    }

    [Fact]
    public void Same_request_gives_byte_identical_output_and_narrative()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true);
        var first = new CapacityPlanningExpert().Answer(Context(request));
        var second = new CapacityPlanningExpert().Answer(Context(request));
        Assert.Equal(JsonSerializer.Serialize(first.Output, JsonDefaults.Indented), JsonSerializer.Serialize(second.Output, JsonDefaults.Indented));
        Assert.Equal(first.Narrative, second.Narrative);
    }

    [Fact]
    public void Plan_round_trips_through_the_answer_schema_json()
    {
        var plan = Plan(Request());
        var json = JsonSerializer.SerializeToElement(plan, JsonDefaults.Indented);
        var back = (CapacityPlan)CapacityPlanPhase.Spec.Deserialize(json)!;
        Assert.Equal(plan.MemtxMemoryBytes, back.MemtxMemoryBytes);
        Assert.Equal(plan.Formulas.Count, back.Formulas.Count);
        Assert.Equal("CapacityPlan", CapacityPlanPhase.Spec.Name);
        Assert.Empty(CapacityPlanPhase.Spec.Render(plan, Context(Request())));
    }
}
