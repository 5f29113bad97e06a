using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Phases.CapacityPlanning;

/// <summary>Each rule of the capacity validator, broken on purpose: the validator must name it.</summary>
public sealed class CapacityPlanValidatorTests
{
    private sealed record Case(Func<ClusterRequest> Request, Func<CapacityPlan, CapacityPlan> Break, string Code, ValidationSeverity Severity = ValidationSeverity.Error);

    /// <summary>The default request holds more data than three memtx shards keep under the ceiling.</summary>
    private static ClusterRequest Sharded() => Request();

    private static ClusterRequest ComputedCount() => Request() with { ShardCountIsDefault = true };

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["data size must be positive"] = new(Sharded, p => p with { DataSizeGb = 0 }, "capacity.data-size"),
        ["tuple size must be positive"] = new(Sharded, p => p with { AverageRecordBytes = 0 }, "capacity.record-bytes"),
        ["rates cannot be negative"] = new(Sharded, p => p with { ReadRps = -1 }, "capacity.rps"),
        ["horizon must be positive"] = new(Sharded, p => p with { HorizonMonths = 0 }, "capacity.horizon"),
        ["projection below today"] = new(Sharded, p => p with { ProjectedDataSizeGb = 50 }, "capacity.projected-data"),
        ["projection off the growth curve"] = new(Sharded, p => p with { ProjectedDataSizeGb = 500 }, "capacity.projected-data", ValidationSeverity.Warning),
        ["given data size ignored"] = new(() => Request(workload: new Workload { DataSizeGb = 50 }), p => p with { DataSizeGb = 100 }, "capacity.workload-mismatch"),
        ["given write rate ignored"] = new(() => Request(workload: new Workload { WriteRps = 700 }), p => p with { WriteRps = 2000 }, "capacity.workload-mismatch"),
        ["given horizon ignored"] = new(() => Request(workload: new Workload { HorizonMonths = 36 }), p => p with { HorizonMonths = 24 }, "capacity.workload-mismatch"),
        ["requested engine ignored"] = new(() => Request(workload: new Workload { Engine = StorageEngine.Vinyl }), p => p with { Engine = StorageEngine.Memtx }, "capacity.engine-mismatch"),
        ["silent default"] = new(Sharded, p => p with { Assumptions = [.. p.Assumptions.Where(a => a.Name != "readRps")] }, "capacity.assumption-missing"),
        ["storage replicasets differ from the shard count"] = new(Sharded, p => p with { StorageReplicasets = 2 }, "capacity.storage-replicasets"),
        ["replicated cluster without a replica"] = new(() => Request(ClusterType.Replicated), p => p with { InstancesPerReplicaset = 1, TotalInstances = 1 }, "capacity.instances-per-replicaset"),
        ["requested replica count ignored"] = new(() => Request() with { Replicas = 4 }, p => p with { InstancesPerReplicaset = 3, TotalInstances = 3 * 3 + p.Routers }, "capacity.instances-per-replicaset"),
        ["one requested member without its warning"] = new(() => Request(environment: DeploymentEnvironment.Development) with { Replicas = 1 }, p => p with { Warnings = [] }, "capacity.no-redundancy"),
        ["two requested members under raft without their warning"] = new(() => Request() with { Replicas = 2 }, p => p with { Warnings = [] }, "capacity.election-quorum"),
        ["fewer requested members than sites without their warning"] = new(
            () => Request(ClusterType.MultiRegion, sharding: true, ha: HaStrategy.DistributedHa, workload: new Workload { Regions = 3 }) with { Replicas = 2 },
            p => p with { Warnings = [] }, "capacity.replicas-fewer-than-sites"),
        ["single instance with replicas"] = new(() => Request(ClusterType.SingleInstance), p => p with { InstancesPerReplicaset = 2, TotalInstances = 2, Hosts = 2 }, "capacity.instances-per-replicaset"),
        ["production election with two members"] = new(Sharded, p => p with { InstancesPerReplicaset = 2, TotalInstances = 3 * 2 + 2 }, "capacity.election-quorum"),
        ["staging election with two members"] = new(() => Request(environment: DeploymentEnvironment.Staging), p => p with { InstancesPerReplicaset = 2, TotalInstances = 3 * 2 + p.Routers }, "capacity.election-quorum", ValidationSeverity.Warning),
        ["sharded without routers"] = new(Sharded, p => p with { Routers = 0, TotalInstances = 9 }, "capacity.routers"),
        ["production with one router"] = new(Sharded, p => p with { Routers = 1, TotalInstances = 10 }, "capacity.routers"),
        ["routers without sharding"] = new(() => Request(ClusterType.Replicated), p => p with { Routers = 2, TotalInstances = p.TotalInstances + 2 }, "capacity.routers"),
        ["totals do not add up"] = new(Sharded, p => p with { TotalInstances = 12 }, "capacity.total-instances"),
        ["cartridge stateful failover without a stateboard"] = new(() => Request(ClusterType.Cartridge, version: "2.11"), p => p with { TotalInstances = p.TotalInstances - 1 }, "capacity.total-instances", ValidationSeverity.Warning),
        ["members would share hosts"] = new(Sharded, p => p with { Hosts = 2 }, "capacity.hosts"),
        ["memtx not set"] = new(Sharded, p => p with { MemtxMemoryBytes = 0 }, "capacity.memtx-memory"),
        ["memtx cannot hold the data"] = new(Sharded, p => p with { MemtxMemoryBytes = 256L * 1024 * 1024 }, "capacity.memtx-too-small"),
        ["memtx oversized"] = new(Sharded, p => p with { MemtxMemoryBytes = 1024L * 1024 * 1024 * 1024, RamPerStorageInstanceBytes = 1400L * 1024 * 1024 * 1024 }, "capacity.memtx-oversized", ValidationSeverity.Warning),
        ["vinyl sizes on a memtx plan"] = new(Sharded, p => p with { VinylCacheBytes = 1 }, "capacity.vinyl-memory"),
        ["vinyl without vinyl memory"] = new(() => Request(workload: new Workload { Engine = StorageEngine.Vinyl }), p => p with { VinylMemoryBytes = 0 }, "capacity.vinyl-memory"),
        ["ram below the arena"] = new(Sharded, p => p with { RamPerStorageInstanceBytes = p.MemtxMemoryBytes - 1 }, "capacity.ram"),
        ["ram without runtime memory"] = new(Sharded, p => p with { RamPerStorageInstanceBytes = p.MemtxMemoryBytes + 1 }, "capacity.ram", ValidationSeverity.Warning),
        ["computed shard count not recorded"] = new(ComputedCount, p => p with { Assumptions = [.. p.Assumptions.Where(a => a.Name != "shardCount")] }, "capacity.shard-count-computed"),
        ["computed shard count too small for the data"] = new(ComputedCount, p => p with { StorageReplicasets = 3, MemtxMemoryBytes = 96L << 30, RamPerStorageInstanceBytes = 100L << 30 }, "capacity.arena-above-ceiling"),
        ["given shard count too small for the data"] = new(Sharded, p => p, "capacity.arena-above-ceiling", ValidationSeverity.Warning),
        ["arena above the ceiling not told to the user"] = new(Sharded, p => p with { Warnings = [] }, "capacity.warning-missing"),
        ["warning without a message"] = new(Sharded, p => p with { Warnings = [.. p.Warnings, new PhaseWarning("capacity.x", " ")] }, "capacity.warning-empty"),
        ["ceiling out of bounds"] = new(Sharded, p => p with { MemtxCeilingBytes = 1L << 40 }, "capacity.memtx-ceiling"),
        ["no snapshot recovery time"] = new(Sharded, p => p with { SnapshotRecoverySeconds = 0 }, "capacity.snapshot-recovery"),
        ["snapshot interval off"] = new(Sharded, p => p with { SnapshotIntervalSeconds = 0 }, "capacity.snapshot-interval"),
        ["router without memory"] = new(Sharded, p => p with { RouterMemtxMemoryBytes = 0 }, "capacity.router-memtx"),
        ["no cpu"] = new(Sharded, p => p with { CpuPerStorageInstance = 0 }, "capacity.cpu"),
        ["router without cpu"] = new(Sharded, p => p with { CpuPerRouter = 0 }, "capacity.cpu"),
        ["wal mode none"] = new(Sharded, p => p with { WalMode = "none" }, "capacity.wal-mode"),
        ["production wal write"] = new(Sharded, p => p with { WalMode = "write" }, "capacity.wal-mode", ValidationSeverity.Warning),
        ["no snapshots kept"] = new(Sharded, p => p with { SnapshotCount = 0 }, "capacity.snapshot-count"),
        ["production keeps one snapshot"] = new(Sharded, p => p with { SnapshotCount = 1 }, "capacity.snapshot-count", ValidationSeverity.Warning),
        ["snapshot size missing"] = new(Sharded, p => p with { SnapshotSizeGb = 0 }, "capacity.snapshot-size"),
        ["wal size missing"] = new(Sharded, p => p with { WalSizeGb = 0 }, "capacity.wal-size"),
        ["disk smaller than its snapshots"] = new(Sharded, p => p with { DiskPerStorageInstanceGb = 100 }, "capacity.disk-too-small"),
        ["no wal iops for writes"] = new(Sharded, p => p with { WalIops = 0 }, "capacity.wal-iops"),
        ["no replication bandwidth"] = new(Sharded, p => p with { ReplicationBandwidthMbps = 0 }, "capacity.replication-bandwidth"),
        ["buckets without sharding"] = new(() => Request(ClusterType.Replicated), p => p with { BucketCount = 3000 }, "capacity.bucket-count"),
        ["sharded without buckets"] = new(Sharded, p => p with { BucketCount = 0 }, "capacity.bucket-count"),
        ["fewer buckets than shards"] = new(Sharded, p => p with { BucketCount = 2 }, "capacity.bucket-count"),
        ["coarse buckets"] = new(Sharded, p => p with { BucketCount = 200 }, "capacity.bucket-count", ValidationSeverity.Warning),
        ["no growth points"] = new(Sharded, p => p with { Growth = [] }, "capacity.growth-empty"),
        ["growth not starting today"] = new(Sharded, p => p with { Growth = p.Growth.Skip(1).ToList() }, "capacity.growth-start"),
        ["growth not reaching the horizon"] = new(Sharded, p => p with { Growth = p.Growth.SkipLast(1).ToList() }, "capacity.growth-end"),
        ["growth end disagrees with the projection"] = new(Sharded, p => p with { Growth = [.. p.Growth.SkipLast(1), p.Growth[^1] with { DataSizeGb = 400 }] }, "capacity.growth-end"),
        ["growth months out of order"] = new(Sharded, p => p with { Growth = [p.Growth[0], p.Growth[2], p.Growth[1], .. p.Growth.Skip(3)] }, "capacity.growth-order"),
        ["growth going backwards"] = new(Sharded, p => p with { Growth = [.. p.Growth.Select((g, i) => i == 2 ? g with { ShardsNeeded = 1 } : g)] }, "capacity.growth-monotonic"),
        ["growth point with no shard"] = new(Sharded, p => p with { Growth = [.. p.Growth.Select((g, i) => i == 0 ? g with { ShardsNeeded = 0 } : g)] }, "capacity.growth-point"),
        ["no formulas"] = new(Sharded, p => p with { Formulas = [] }, "capacity.formulas-missing"),
        ["memtx not explained"] = new(Sharded, p => p with { Formulas = [.. p.Formulas.Where(f => !f.Name.Contains("memtx", StringComparison.OrdinalIgnoreCase))] }, "capacity.formulas-missing", ValidationSeverity.Warning),
        ["formula without result"] = new(Sharded, p => p with { Formulas = [.. p.Formulas, new CapacityFormula("x", "1 + 1", "")] }, "capacity.formula-empty"),
        ["assumption without reason"] = new(Sharded, p => p with { Assumptions = [.. p.Assumptions, new CapacityAssumption("x", "1", " ")] }, "capacity.assumption-empty"),
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_rule_is_reported(string name)
    {
        var c = Cases[name];
        var request = c.Request();
        var context = Context(request);
        var valid = Plan(request);
        var broken = c.Break(valid);
        var issues = CapacityPlanPhase.Spec.Validate(broken, context);
        Assert.Contains(issues, i => i.Code == c.Code && i.Severity == c.Severity && i.Message.Length > 20);
    }

    [Fact]
    public void Every_rule_code_has_a_negative_case()
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot(), "src/Tarantool.Agents/Phases/CapacityPlanning/CapacityPlanValidator.cs"));
        var codes = System.Text.RegularExpressions.Regex.Matches(source, "\"(capacity\\.[a-z-]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(codes.Except(Cases.Values.Select(c => c.Code)));
    }

    [Fact]
    public void Alternative_sound_answers_are_accepted()
    {
        var request = Request(workload: new Workload { DataSizeGb = 100 });
        var plan = Plan(request);
        // Another engineer: monthly compounding, a bigger arena, wal write with a stated reason, etcd-free numbers.
        var monthly = 100 * Math.Pow(1 + 0.3 / 12, 24);
        var alternative = plan with
        {
            ProjectedDataSizeGb = Math.Round(monthly, 2),
            Growth = [.. plan.Growth.SkipLast(1), plan.Growth[^1] with { DataSizeGb = Math.Round(monthly, 2) }],
            MemtxMemoryBytes = plan.MemtxMemoryBytes + 8L * 1024 * 1024 * 1024,
            RamPerStorageInstanceBytes = plan.RamPerStorageInstanceBytes + 12L * 1024 * 1024 * 1024,
            BucketCount = 30_000,
            SnapshotCount = 2,
            Hosts = 9,
        };
        Assert.DoesNotContain(CapacityPlanPhase.Spec.Validate(alternative, Context(request)), i => i.Severity == ValidationSeverity.Error);
    }

    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tarantool.Agents.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
