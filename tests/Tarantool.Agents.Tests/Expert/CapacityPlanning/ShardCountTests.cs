using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

/// <summary>
/// The shard count agrees with the data: computed when the user left it to the default, kept (with a warning the
/// user sees) when the user fixed one that cannot hold the data, and named as the way out for cluster types that
/// cannot shard.
/// </summary>
public sealed class ShardCountTests
{
    private const long Gib = 1024L * 1024 * 1024;

    private static readonly Workload BigData = new() { DataSizeGb = 150, GrowthPercentPerYear = 30, HorizonMonths = 24 };

    [Fact]
    public void A_default_count_becomes_the_count_the_data_needs_with_every_arena_within_the_ceiling()
    {
        var request = Request(workload: BigData) with { ShardCountIsDefault = true };
        var plan = Plan(request);

        Assert.Equal(StorageEngine.Memtx, plan.Engine);
        Assert.True(plan.StorageReplicasets > ClusterRequest.DefaultShardCount, $"150 GB growing to 253.5 GB needs more than 3 shards, got {plan.StorageReplicasets}");
        Assert.True(plan.MemtxMemoryBytes <= plan.MemtxCeilingBytes, $"{plan.MemtxMemoryBytes} > {plan.MemtxCeilingBytes}");
        Assert.Empty(plan.Warnings);
        var assumption = Assert.Single(plan.Assumptions, a => a.Name == "shardCount");
        Assert.Equal($"{plan.StorageReplicasets}", assumption.Value);
        Assert.Contains("computed", assumption.Reason);

        // The fewest that fit: one shard fewer would put the arena above the ceiling.
        var oneFewer = Plan(request with { ShardCount = plan.StorageReplicasets - 1, ShardCountIsDefault = false });
        Assert.True(oneFewer.MemtxMemoryBytes > oneFewer.MemtxCeilingBytes);

        // Later phases use the computed count, not the request's default.
        var topology = TopologyOf(request, plan);
        Assert.Equal(plan.StorageReplicasets, topology.Replicasets.Count(r => r.Roles.Contains("storage")));
        Assert.DoesNotContain(CapacityPlanPhase.Spec.Validate(plan, Context(request)), i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void A_default_count_that_already_fits_stays_the_default()
    {
        var request = Request(workload: new Workload { DataSizeGb = 20 }) with { ShardCountIsDefault = true };
        var plan = Plan(request);

        Assert.Equal(ClusterRequest.DefaultShardCount, plan.StorageReplicasets);
        Assert.Contains(plan.Assumptions, a => a.Name == "shardCount" && a.Value == "3");
    }

    [Fact]
    public void A_count_the_user_fixed_is_kept_and_the_warning_names_the_count_that_fits_and_vinyl()
    {
        var request = Request(workload: BigData, shards: 2);
        var plan = Plan(request);
        var fits = Plan(request with { ShardCountIsDefault = true }).StorageReplicasets;

        Assert.Equal(2, plan.StorageReplicasets);
        Assert.True(plan.MemtxMemoryBytes > plan.MemtxCeilingBytes);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(CapacityPlanValidator.CeilingCode, warning.Code);
        Assert.Contains($"--shard-count {fits}", warning.Message);
        Assert.Contains("vinyl", warning.Message);
        Assert.Contains("64 GiB", warning.Message);
        Assert.Matches(@"about \d+(\.\d)? min", warning.Message);

        var issues = CapacityPlanPhase.Spec.Validate(plan, Context(request));
        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error);
        Assert.Contains(issues, i => i.Code == CapacityPlanValidator.CeilingCode && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void A_cluster_type_that_cannot_shard_is_told_to_shard_or_use_vinyl()
    {
        var plan = Plan(Request(ClusterType.Replicated, workload: BigData));

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("--cluster-type sharded", warning.Message);
        Assert.Contains("vinyl", warning.Message);
        Assert.Equal(1, plan.StorageReplicasets);
    }

    [Fact]
    public void A_russian_request_gets_the_warning_in_russian()
    {
        var request = Request(workload: BigData, shards: 2);
        var plan = new CapacityPlanningExpert().Design(Context(request, Language.Ru));

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("потолка", warning.Message);
        Assert.Contains("vinyl", warning.Message);
        Assert.Equal(Language.Ru, LanguageDetector.Detect(warning.Message));
    }

    [Fact]
    public void Memory_fits_arenas_no_copy_on_write_reserve_and_the_ceiling_states_its_recovery_time()
    {
        var plan = Plan(Request(workload: new Workload { DataSizeGb = 60, WriteRps = 20_000 }));

        Assert.Equal(plan.MemtxMemoryBytes + Gib, plan.RamPerStorageInstanceBytes);
        var readView = Assert.Single(plan.Formulas, f => f.Name == "checkpointReadView");
        Assert.DoesNotContain(plan.Assumptions, a => a.Name == "copyOnWriteReserve");
        Assert.Contains(plan.Assumptions, a => a.Name == "memtxCeilingPerInstance" && a.Reason.Contains("min"));
        Assert.Equal((int)Math.Ceiling(plan.SnapshotSizeGb * 1000 / 150), plan.SnapshotRecoverySeconds);
        Assert.NotEqual("0 MiB", readView.Result);
    }
}
