using System.Globalization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>
/// Semantic rules of a capacity plan, for the embedded expert's answer and an LLM's alike: figures the user gave are
/// used as given and every other figure is a stated assumption; totals add up; memory holds the data at the
/// horizon; durability, sharding and growth settings are coherent. Tolerances accept any sound method, not only ours.
/// </summary>
public sealed class CapacityPlanValidator : IPhaseValidator<CapacityPlan>
{
    private const double Gib = 1024d * 1024 * 1024;

    /// <summary>The code of the arena-above-ceiling finding, shared by this validator's warning and the plan's own.</summary>
    public const string CeilingCode = "capacity.arena-above-ceiling";

    /// <summary>The warning a requested replica count of 2 under Raft election carries: failover is not automatic.</summary>
    public const string ElectionQuorumCode = "capacity.election-quorum";

    /// <summary>The warning a requested replica count of 1 carries: no copy of the data.</summary>
    public const string NoRedundancyCode = "capacity.no-redundancy";

    /// <summary>The warning when a requested replica count leaves some sites without a copy of a replicaset.</summary>
    public const string FewerThanSitesCode = "capacity.replicas-fewer-than-sites";

    /// <summary>Below this, an arena cannot hold the tuples even with the leanest index.</summary>
    internal const double MinimumMemtxFactor = 1.1;

    public IEnumerable<ValidationIssue> Validate(CapacityPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var issues = new List<ValidationIssue>();
        CheckFigures(plan, issues);
        CheckWorkloadAgainstRequest(plan, request, issues);
        CheckInstances(plan, request, issues);
        CheckMemory(plan, issues);
        CheckCeiling(plan, request, issues);
        CheckCpuAndDisk(plan, request, issues);
        CheckSharding(plan, request, issues);
        CheckGrowth(plan, issues);
        CheckExplanations(plan, issues);
        return issues;
    }

    private static void CheckFigures(CapacityPlan plan, List<ValidationIssue> issues)
    {
        if (plan.DataSizeGb <= 0)
            issues.Add(ValidationIssue.Error("capacity.data-size", "dataSizeGb must be positive: state the data size today (given, derived from records × tuple size, or assumed).", "$.dataSizeGb"));
        if (plan.AverageRecordBytes <= 0)
            issues.Add(ValidationIssue.Error("capacity.record-bytes", "averageRecordBytes must be positive.", "$.averageRecordBytes"));
        if (plan.ReadRps < 0 || plan.WriteRps < 0)
            issues.Add(ValidationIssue.Error("capacity.rps", "readRps and writeRps cannot be negative.", "$.readRps"));
        if (plan.HorizonMonths <= 0)
            issues.Add(ValidationIssue.Error("capacity.horizon", "horizonMonths must be positive (e.g. 12 or 24).", "$.horizonMonths"));
        if (plan.DataSizeGb <= 0 || plan.HorizonMonths <= 0) return;

        var years = plan.HorizonMonths / 12.0;
        var g = plan.GrowthPercentPerYear / 100;
        if (g >= 0 && plan.ProjectedDataSizeGb < plan.DataSizeGb * 0.99)
        {
            issues.Add(ValidationIssue.Error("capacity.projected-data",
                $"projectedDataSizeGb ({F(plan.ProjectedDataSizeGb)}) is below today's dataSizeGb ({F(plan.DataSizeGb)}) although the data grows {F(plan.GrowthPercentPerYear)}% a year; project it as dataSizeGb × (1 + growth)^(horizonMonths / 12).",
                "$.projectedDataSizeGb"));
            return;
        }

        // Yearly compounding, monthly compounding and linear growth are all defensible; anything outside them is not.
        var candidates = new[] { Math.Pow(1 + g, years), Math.Pow(1 + g / 12, plan.HorizonMonths), 1 + g * years };
        var low = plan.DataSizeGb * candidates.Min() * 0.98;
        var high = plan.DataSizeGb * candidates.Max() * 1.02;
        if (plan.ProjectedDataSizeGb < low || plan.ProjectedDataSizeGb > high)
            issues.Add(ValidationIssue.Warning("capacity.projected-data",
                $"projectedDataSizeGb ({F(plan.ProjectedDataSizeGb)}) does not follow from {F(plan.DataSizeGb)} GB growing {F(plan.GrowthPercentPerYear)}% a year for {plan.HorizonMonths} months (expected about {F(plan.DataSizeGb * candidates[0])}).",
                "$.projectedDataSizeGb"));
    }

    private static void CheckWorkloadAgainstRequest(CapacityPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        var given = request.Workload;
        if (given.DataSizeGb is { } data && data > 0 && Math.Abs(plan.DataSizeGb - data) > data * 0.01)
            issues.Add(Mismatch("dataSizeGb", F(data), F(plan.DataSizeGb)));
        if (given.ReadRps is { } read && read >= 0 && plan.ReadRps != read)
            issues.Add(Mismatch("readRps", read.ToString(CultureInfo.InvariantCulture), plan.ReadRps.ToString(CultureInfo.InvariantCulture)));
        if (given.WriteRps is { } write && write >= 0 && plan.WriteRps != write)
            issues.Add(Mismatch("writeRps", write.ToString(CultureInfo.InvariantCulture), plan.WriteRps.ToString(CultureInfo.InvariantCulture)));
        if (given.AverageRecordBytes is { } bytes && bytes > 0 && Math.Abs(plan.AverageRecordBytes - bytes) > 0.5)
            issues.Add(Mismatch("averageRecordBytes", bytes.ToString(CultureInfo.InvariantCulture), F(plan.AverageRecordBytes)));
        if (given.GrowthPercentPerYear is { } growth && growth is >= 0 and <= 1000 && Math.Abs(plan.GrowthPercentPerYear - growth) > 0.01)
            issues.Add(Mismatch("growthPercentPerYear", F(growth), F(plan.GrowthPercentPerYear)));
        if (given.HorizonMonths is { } horizon && horizon is > 0 and <= 120 && plan.HorizonMonths != horizon)
            issues.Add(Mismatch("horizonMonths", horizon.ToString(CultureInfo.InvariantCulture), plan.HorizonMonths.ToString(CultureInfo.InvariantCulture)));
        if (given.Engine is { } engine && plan.Engine != engine)
            issues.Add(ValidationIssue.Error("capacity.engine-mismatch",
                $"The user asked for the {EnumText.Kebab(engine)} engine but the plan uses {EnumText.Kebab(plan.Engine)}; keep the requested engine and explain its consequences instead.", "$.engine"));

        var missing = new List<string>();
        if (given.DataSizeGb is not > 0) missing.Add("dataSizeGb");
        if (given.AverageRecordBytes is not > 0) missing.Add("averageRecordBytes");
        if (given.ReadRps is not >= 0) missing.Add("readRps");
        if (given.WriteRps is not >= 0) missing.Add("writeRps");
        if (given.GrowthPercentPerYear is not (>= 0 and <= 1000)) missing.Add("growthPercentPerYear");
        if (given.HorizonMonths is not (> 0 and <= 120)) missing.Add("horizonMonths");
        foreach (var name in missing.Where(n => !plan.Assumptions.Any(a => string.Equals(a.Name, n, StringComparison.OrdinalIgnoreCase))))
            issues.Add(ValidationIssue.Error("capacity.assumption-missing",
                $"The user gave no {name}; add an assumption named '{name}' with the value used and the reason (no silent defaults).", "$.assumptions"));
    }

    /// <summary>A replica count the user chose is kept; the warning that says what it costs must reach them.</summary>
    private static void RequireWarning(CapacityPlan plan, List<ValidationIssue> issues, bool applies, string code, string why)
    {
        if (!applies || plan.Warnings.Any(w => w.Code == code)) return;
        issues.Add(ValidationIssue.Error(code,
            $"The requested replica count is kept, but {why}: add a warning with code {code} (in the narrative's language) that says so and what to do.", "$.warnings"));
    }

    private static void CheckInstances(CapacityPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        var expectedShards = ClusterShape.StorageReplicasets(request);
        if (ClusterShape.ShardCountIsComputed(request))
        {
            // No one gave the count: the plan chooses it from the data, and says so.
            if (plan.StorageReplicasets < 2 || plan.StorageReplicasets > MemtxCeiling.MaximumShards)
                issues.Add(ValidationIssue.Error("capacity.storage-replicasets",
                    $"No shard count was given, so choose the count the data needs (at least 2, at most {MemtxCeiling.MaximumShards}); got {plan.StorageReplicasets}.", "$.storageReplicasets"));
            if (!plan.Assumptions.Any(a => string.Equals(a.Name, "shardCount", StringComparison.OrdinalIgnoreCase)))
                issues.Add(ValidationIssue.Error("capacity.shard-count-computed",
                    "No shard count was given: add an assumption named 'shardCount' with the count chosen and why (computed from the data at the horizon and the arena ceiling).", "$.assumptions"));
        }
        else if (plan.StorageReplicasets != expectedShards)
            issues.Add(ValidationIssue.Error("capacity.storage-replicasets",
                $"storageReplicasets is {plan.StorageReplicasets} but the request needs {expectedShards} ({(ClusterShape.UsesVshard(request) && request.EnableSharding ? "the shard count" : "one replicaset when not sharded")}).",
                "$.storageReplicasets"));

        var single = request.ClusterType == ClusterType.SingleInstance;
        // A count the user asked for is kept even where the plan would choose more; the plan then says what it costs.
        var asked = !single && request.Replicas is { } replicas && plan.InstancesPerReplicaset == replicas;
        if (single && plan.InstancesPerReplicaset != 1)
            issues.Add(ValidationIssue.Error("capacity.instances-per-replicaset", "A single-instance cluster has exactly one instance per replicaset.", "$.instancesPerReplicaset"));
        if (!single && request.Replicas is { } wanted && plan.InstancesPerReplicaset != wanted)
            issues.Add(ValidationIssue.Error("capacity.instances-per-replicaset",
                $"The request asks for {wanted} instance(s) per replicaset, the leader included (\"replicas\": {wanted}); instancesPerReplicaset is {plan.InstancesPerReplicaset}.", "$.instancesPerReplicaset"));
        else if (!single && plan.InstancesPerReplicaset < 2 && !asked)
            issues.Add(ValidationIssue.Error("capacity.instances-per-replicaset",
                $"A {EnumText.Kebab(request.ClusterType)} cluster needs at least 2 instances per replicaset (a leader and a replica); got {plan.InstancesPerReplicaset}.", "$.instancesPerReplicaset"));

        if (asked)
            RequireWarning(plan, issues, plan.InstancesPerReplicaset == 1, NoRedundancyCode,
                "no replica holds a copy of the data; losing the instance loses what was written since the last backup");
        if (asked && plan.InstancesPerReplicaset == 2 && ClusterShape.UsesElection(request))
            RequireWarning(plan, issues, true, ElectionQuorumCode,
                "with 2 members the Raft quorum is 2 of 2: after a leader loss the replica cannot be elected and writes stop until the leader returns or an operator lowers replication.synchro_quorum and promotes it");
        if (asked && plan.InstancesPerReplicaset < ClusterShape.Sites(request))
            RequireWarning(plan, issues, true, FewerThanSitesCode,
                $"{plan.InstancesPerReplicaset} member(s) across {ClusterShape.Sites(request)} sites leave some sites without a copy of a replicaset");

        if (ClusterShape.UsesElection(request) && plan.InstancesPerReplicaset < 3 && !asked)
        {
            var message = $"Election failover needs at least 3 instances per replicaset so that a quorum (N/2+1) survives one failure; got {plan.InstancesPerReplicaset}.";
            issues.Add(request.Environment == DeploymentEnvironment.Production
                ? ValidationIssue.Error("capacity.election-quorum", message, "$.instancesPerReplicaset")
                : ValidationIssue.Warning("capacity.election-quorum", message, "$.instancesPerReplicaset"));
        }

        var vshard = ClusterShape.UsesVshard(request);
        if (vshard && plan.Routers < 1)
            issues.Add(ValidationIssue.Error("capacity.routers", "A vshard cluster needs at least one router.", "$.routers"));
        else if (vshard && request.Environment == DeploymentEnvironment.Production && plan.Routers < 2)
            issues.Add(ValidationIssue.Error("capacity.routers", "Production needs at least 2 routers: one router is a single point of failure for every request.", "$.routers"));
        else if (vshard && plan.Routers < ClusterShape.Sites(request))
            issues.Add(ValidationIssue.Warning("capacity.routers", $"With {ClusterShape.Sites(request)} sites, put at least one router in each site so clients route locally.", "$.routers"));
        if (!vshard && plan.Routers != 0)
            issues.Add(ValidationIssue.Error("capacity.routers", $"A {EnumText.Kebab(request.ClusterType)} cluster without sharding has no vshard routers; set routers to 0.", "$.routers"));

        var core = plan.StorageReplicasets * plan.InstancesPerReplicaset + plan.Routers;
        var extra = plan.TotalInstances - core;
        var allowedExtra = ClusterShape.IsCartridge(request) ? new[] { 0, 1 } : [0];
        if (!allowedExtra.Contains(extra))
            issues.Add(ValidationIssue.Error("capacity.total-instances",
                $"totalInstances is {plan.TotalInstances} but storageReplicasets × instancesPerReplicaset + routers = {plan.StorageReplicasets} × {plan.InstancesPerReplicaset} + {plan.Routers} = {core}{(ClusterShape.IsCartridge(request) ? " (+ 1 when a Cartridge stateboard is used)" : "")}.",
                "$.totalInstances"));
        else if (ClusterShape.UsesStateboard(request) && extra == 0)
            issues.Add(ValidationIssue.Warning("capacity.total-instances",
                "Cartridge stateful failover usually runs a stateboard instance; count it in totalInstances unless an etcd2 state provider is used.", "$.totalInstances"));

        if (plan.Hosts < Math.Max(1, plan.InstancesPerReplicaset))
            issues.Add(ValidationIssue.Error("capacity.hosts",
                $"hosts ({plan.Hosts}) must be at least instancesPerReplicaset ({plan.InstancesPerReplicaset}) so that no two members of a replicaset share a host.", "$.hosts"));
        else if (plan.Hosts < ClusterShape.Sites(request))
            issues.Add(ValidationIssue.Error("capacity.hosts", $"hosts ({plan.Hosts}) must be at least one per site ({ClusterShape.Sites(request)}).", "$.hosts"));
    }

    private static void CheckMemory(CapacityPlan plan, List<ValidationIssue> issues)
    {
        if (plan.MemtxMemoryBytes <= 0)
        {
            issues.Add(ValidationIssue.Error("capacity.memtx-memory", "memtxMemoryBytes must be positive (memtx.memory of each storage instance).", "$.memtxMemoryBytes"));
            return;
        }

        var shards = Math.Max(1, plan.StorageReplicasets);
        var perShardBytes = plan.ProjectedDataSizeGb / shards * 1e9;
        if (plan.Engine == StorageEngine.Memtx)
        {
            if (plan.MemtxMemoryBytes < perShardBytes * MinimumMemtxFactor)
                issues.Add(ValidationIssue.Error("capacity.memtx-too-small",
                    $"memtx.memory ({Gb(plan.MemtxMemoryBytes)}) cannot hold the per-shard data at the horizon ({F(perShardBytes / 1e9)} GB = projected {F(plan.ProjectedDataSizeGb)} GB / {shards}) with its indexes; size it as data × (1 + index overhead) × allocator factor × headroom.",
                    "$.memtxMemoryBytes"));
            else if (plan.MemtxMemoryBytes > perShardBytes * 4 + 4 * Gib)
                issues.Add(ValidationIssue.Warning("capacity.memtx-oversized",
                    $"memtx.memory ({Gb(plan.MemtxMemoryBytes)}) is more than four times the per-shard data at the horizon ({F(perShardBytes / 1e9)} GB); the RAM is paid for but unused.",
                    "$.memtxMemoryBytes"));
            if (plan.VinylMemoryBytes != 0 || plan.VinylCacheBytes != 0)
                issues.Add(ValidationIssue.Error("capacity.vinyl-memory", "vinylMemoryBytes and vinylCacheBytes must be 0 when the engine is memtx.", "$.vinylMemoryBytes"));
        }
        else if (plan.VinylMemoryBytes <= 0 || plan.VinylCacheBytes <= 0)
        {
            issues.Add(ValidationIssue.Error("capacity.vinyl-memory", "With the vinyl engine, vinylMemoryBytes (vinyl.memory, the L0 level) and vinylCacheBytes (vinyl.cache) must be positive.", "$.vinylMemoryBytes"));
        }

        var resident = plan.MemtxMemoryBytes + plan.VinylMemoryBytes + plan.VinylCacheBytes;
        if (plan.RamPerStorageInstanceBytes < resident)
            issues.Add(ValidationIssue.Error("capacity.ram",
                $"ramPerStorageInstanceBytes ({Gb(plan.RamPerStorageInstanceBytes)}) is less than memtx + vinyl memory + vinyl cache ({Gb(resident)}).", "$.ramPerStorageInstanceBytes"));
        else if (plan.RamPerStorageInstanceBytes < resident + 512 * 1024 * 1024L)
            issues.Add(ValidationIssue.Warning("capacity.ram",
                "ramPerStorageInstanceBytes leaves less than 512 MiB beyond the arena and vinyl memory for the Lua heap, fibers and network buffers; the host may swap or the OOM killer may strike. (Checkpoints need no copy-on-write RAM outside the arena: memtx writes them from a read view.)",
                "$.ramPerStorageInstanceBytes"));

        if (plan.Routers > 0 && plan.RouterMemtxMemoryBytes <= 0)
            issues.Add(ValidationIssue.Error("capacity.router-memtx", "routerMemtxMemoryBytes must be positive when there are routers (e.g. 512 MiB–1 GiB).", "$.routerMemtxMemoryBytes"));
    }

    /// <summary>
    /// The arena ceiling: stated within sane bounds, with the snapshot recovery time; an arena above it is an error
    /// when the plan chose the shard count (choose more), and otherwise a warning the plan must state itself, in the
    /// request's language, so it reaches bundle.json and the terminal summary.
    /// </summary>
    private static void CheckCeiling(CapacityPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (plan.MemtxCeilingBytes is < MemtxCeiling.MinimumBytes or > MemtxCeiling.MaximumBytes)
        {
            issues.Add(ValidationIssue.Error("capacity.memtx-ceiling",
                $"memtxCeilingBytes ({Gb(plan.MemtxCeilingBytes)}) must be between {Gb(MemtxCeiling.MinimumBytes)} and {Gb(MemtxCeiling.MaximumBytes)}: the largest arena per storage instance that keeps restart and replica rejoin reasonable.",
                "$.memtxCeilingBytes"));
            return;
        }

        if (plan.SnapshotRecoverySeconds <= 0)
            issues.Add(ValidationIssue.Error("capacity.snapshot-recovery", "snapshotRecoverySeconds must be positive: the time a storage instance needs to read its snapshot at restart.", "$.snapshotRecoverySeconds"));

        for (var i = 0; i < plan.Warnings.Count; i++)
            if (string.IsNullOrWhiteSpace(plan.Warnings[i].Code) || string.IsNullOrWhiteSpace(plan.Warnings[i].Message))
                issues.Add(ValidationIssue.Error("capacity.warning-empty", "Every warning needs a code and a message.", $"$.warnings[{i}]"));

        if (plan.Engine != StorageEngine.Memtx || plan.MemtxMemoryBytes <= plan.MemtxCeilingBytes) return;
        var fit = MemtxCeiling.ShardsToFit(plan.MemtxMemoryBytes, plan.StorageReplicasets, plan.MemtxCeilingBytes);
        if (ClusterShape.ShardCountIsComputed(request) && plan.StorageReplicasets < MemtxCeiling.MaximumShards)
        {
            issues.Add(ValidationIssue.Error(CeilingCode,
                $"No shard count was given, yet {plan.StorageReplicasets} shards leave an arena of {Gb(plan.MemtxMemoryBytes)} above the {Gb(plan.MemtxCeilingBytes)} ceiling; choose the count the data needs (about {fit}).",
                "$.storageReplicasets"));
            return;
        }

        var wayOut = !ClusterShape.CanShard(request) ? $"a {EnumText.Kebab(request.ClusterType)} cluster cannot shard: vinyl, or a sharded cluster with about {fit} shards"
            : !request.EnableSharding ? $"enable sharding with about {fit} shards, or vinyl"
            : $"about {fit} shards, or vinyl";
        issues.Add(ValidationIssue.Warning(CeilingCode,
            $"memtx.memory ({Gb(plan.MemtxMemoryBytes)}) is above the {Gb(plan.MemtxCeilingBytes)} ceiling with the {plan.StorageReplicasets} storage replicaset(s) requested; restart and replica rejoin get slow ({wayOut}).",
            "$.memtxMemoryBytes"));
        if (!plan.Warnings.Any(w => w.Code == CeilingCode))
            issues.Add(ValidationIssue.Error("capacity.warning-missing",
                $"The arena is above the ceiling: add a warning with code '{CeilingCode}' to warnings, in the request's language, stating the arena, the ceiling, the snapshot recovery time, the shard count that would fit and the alternatives ({wayOut}).",
                "$.warnings"));
    }

    private static void CheckCpuAndDisk(CapacityPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (plan.CpuPerStorageInstance < 1)
            issues.Add(ValidationIssue.Error("capacity.cpu", "cpuPerStorageInstance must be at least 1 (the TX thread needs a core).", "$.cpuPerStorageInstance"));
        if (plan.Routers > 0 && plan.CpuPerRouter < 1)
            issues.Add(ValidationIssue.Error("capacity.cpu", "cpuPerRouter must be at least 1 when there are routers.", "$.cpuPerRouter"));

        if (!PersistenceSettings.WalModes.Contains(plan.WalMode))
            issues.Add(ValidationIssue.Error("capacity.wal-mode",
                $"walMode must be 'fsync' or 'write'; '{plan.WalMode}' is not allowed{(plan.WalMode == "none" ? " ('none' loses every write since the last snapshot on restart)" : "")}.", "$.walMode"));
        else if (plan.WalMode == "write" && request.Environment == DeploymentEnvironment.Production)
            issues.Add(ValidationIssue.Warning("capacity.wal-mode",
                "Production with wal.mode 'write' can lose the last writes of a host crash (power loss, kernel panic) unless a replica already has them; prefer 'fsync' or explain why the replicas suffice.", "$.walMode"));

        if (plan.SnapshotCount < 1)
            issues.Add(ValidationIssue.Error("capacity.snapshot-count", "snapshotCount must be at least 1 (snapshot.count).", "$.snapshotCount"));
        else if (plan.SnapshotCount < 2 && request.Environment == DeploymentEnvironment.Production)
            issues.Add(ValidationIssue.Warning("capacity.snapshot-count", "Production with snapshot.count 1 has no local fallback if the newest snapshot is damaged; keep at least 2.", "$.snapshotCount"));

        if (plan.SnapshotIntervalSeconds is <= 0 or > 86400)
            issues.Add(ValidationIssue.Error("capacity.snapshot-interval",
                $"snapshotIntervalSeconds ({plan.SnapshotIntervalSeconds}) must be between 1 and 86400 (snapshot.by.interval); the WAL estimate depends on it.", "$.snapshotIntervalSeconds"));

        if (plan.SnapshotSizeGb <= 0)
            issues.Add(ValidationIssue.Error("capacity.snapshot-size", "snapshotSizeGb must be positive.", "$.snapshotSizeGb"));
        if (plan.WalSizeGb < 0 || (plan.WriteRps > 0 && plan.WalSizeGb <= 0))
            issues.Add(ValidationIssue.Error("capacity.wal-size", "walSizeGb must be positive when there are writes (the WAL kept between checkpoints).", "$.walSizeGb"));

        var floor = plan.SnapshotSizeGb * Math.Max(1, plan.SnapshotCount) + Math.Max(0, plan.WalSizeGb);
        if (plan.DiskPerStorageInstanceGb < floor)
            issues.Add(ValidationIssue.Error("capacity.disk-too-small",
                $"diskPerStorageInstanceGb ({F(plan.DiskPerStorageInstanceGb)}) is less than snapshotSizeGb × snapshotCount + walSizeGb ({F(floor)}); add a snapshot in flight, backup staging and headroom.",
                "$.diskPerStorageInstanceGb"));

        if (plan.WalIops < 0 || (plan.WriteRps > 0 && plan.WalIops <= 0))
            issues.Add(ValidationIssue.Error("capacity.wal-iops", "walIops must be positive when there are writes.", "$.walIops"));
        if (plan.ReplicationBandwidthMbps < 0 || (plan.WriteRps > 0 && plan.InstancesPerReplicaset > 1 && plan.ReplicationBandwidthMbps <= 0))
            issues.Add(ValidationIssue.Error("capacity.replication-bandwidth",
                "replicationBandwidthMbps must be positive when writes are replicated (write rps × tuple size × replicas × overhead).", "$.replicationBandwidthMbps"));
    }

    private static void CheckSharding(CapacityPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (!ClusterShape.UsesVshard(request))
        {
            if (plan.BucketCount != 0)
                issues.Add(ValidationIssue.Error("capacity.bucket-count", "bucketCount must be 0 when the cluster is not sharded.", "$.bucketCount"));
            return;
        }

        if (plan.BucketCount <= 0 || plan.BucketCount < plan.StorageReplicasets)
            issues.Add(ValidationIssue.Error("capacity.bucket-count",
                $"bucketCount ({plan.BucketCount}) must be positive and at least the number of storage replicasets ({plan.StorageReplicasets}); it cannot change after bootstrap, so size it for future scale-out.",
                "$.bucketCount"));
        else if (plan.BucketCount < plan.StorageReplicasets * 100)
            issues.Add(ValidationIssue.Warning("capacity.bucket-count",
                $"bucketCount ({plan.BucketCount}) leaves fewer than 100 buckets per replicaset; rebalancing will be coarse and scale-out limited. Plan about 1000 per replicaset at the largest foreseen size.",
                "$.bucketCount"));
    }

    private static void CheckGrowth(CapacityPlan plan, List<ValidationIssue> issues)
    {
        var growth = plan.Growth;
        if (growth.Count == 0)
        {
            issues.Add(ValidationIssue.Error("capacity.growth-empty", "growth must list points from month 0 to the horizon.", "$.growth"));
            return;
        }

        if (growth[0].Month != 0)
            issues.Add(ValidationIssue.Error("capacity.growth-start", "The first growth point must be month 0 (today).", "$.growth[0].month"));
        if (growth[^1].Month != plan.HorizonMonths)
            issues.Add(ValidationIssue.Error("capacity.growth-end", $"The last growth point must be at the horizon (month {plan.HorizonMonths}).", $"$.growth[{growth.Count - 1}].month"));
        else if (Math.Abs(growth[^1].DataSizeGb - plan.ProjectedDataSizeGb) > Math.Max(0.01, plan.ProjectedDataSizeGb * 0.02))
            issues.Add(ValidationIssue.Error("capacity.growth-end",
                $"The data size at the horizon ({F(growth[^1].DataSizeGb)}) differs from projectedDataSizeGb ({F(plan.ProjectedDataSizeGb)}).", $"$.growth[{growth.Count - 1}].dataSizeGb"));

        var shrinking = plan.GrowthPercentPerYear < 0;
        for (var i = 0; i < growth.Count; i++)
        {
            var p = growth[i];
            if (p.ShardsNeeded < 1 || p.MemtxMemoryBytesPerInstance <= 0 || p.DataSizeGb <= 0)
                issues.Add(ValidationIssue.Error("capacity.growth-point", "Every growth point needs a positive data size, shards needed ≥ 1 and a positive memtx size.", $"$.growth[{i}]"));
            if (i == 0) continue;
            var q = growth[i - 1];
            if (p.Month <= q.Month)
                issues.Add(ValidationIssue.Error("capacity.growth-order", "Growth points must be in strictly increasing month order.", $"$.growth[{i}].month"));
            var dataBackwards = shrinking ? p.DataSizeGb > q.DataSizeGb : p.DataSizeGb < q.DataSizeGb;
            var memtxBackwards = shrinking ? p.MemtxMemoryBytesPerInstance > q.MemtxMemoryBytesPerInstance : p.MemtxMemoryBytesPerInstance < q.MemtxMemoryBytesPerInstance;
            var shardsBackwards = shrinking ? p.ShardsNeeded > q.ShardsNeeded : p.ShardsNeeded < q.ShardsNeeded;
            if (dataBackwards || memtxBackwards || shardsBackwards)
                issues.Add(ValidationIssue.Error("capacity.growth-monotonic",
                    $"Growth points must move in the direction of growth ({F(plan.GrowthPercentPerYear)}%/year): data size, shards needed and memtx per instance at month {p.Month} go the wrong way.",
                    $"$.growth[{i}]"));
        }
    }

    private static void CheckExplanations(CapacityPlan plan, List<ValidationIssue> issues)
    {
        if (plan.Formulas.Count == 0)
            issues.Add(ValidationIssue.Error("capacity.formulas-missing", "List every formula used, with inputs substituted and the result.", "$.formulas"));
        else if (!plan.Formulas.Any(f => f.Name.Contains("memtx", StringComparison.OrdinalIgnoreCase)))
            issues.Add(ValidationIssue.Warning("capacity.formulas-missing", "No formula explains memtx.memory; show how it follows from the data per shard.", "$.formulas"));
        for (var i = 0; i < plan.Formulas.Count; i++)
        {
            var f = plan.Formulas[i];
            if (string.IsNullOrWhiteSpace(f.Name) || string.IsNullOrWhiteSpace(f.Expression) || string.IsNullOrWhiteSpace(f.Result))
                issues.Add(ValidationIssue.Error("capacity.formula-empty", "Every formula needs a name, the expression with inputs substituted, and the result.", $"$.formulas[{i}]"));
        }

        for (var i = 0; i < plan.Assumptions.Count; i++)
        {
            var a = plan.Assumptions[i];
            if (string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.Value) || string.IsNullOrWhiteSpace(a.Reason))
                issues.Add(ValidationIssue.Error("capacity.assumption-empty", "Every assumption needs a name, the value taken and the reason.", $"$.assumptions[{i}]"));
        }
    }

    private static ValidationIssue Mismatch(string name, string given, string used) =>
        ValidationIssue.Error("capacity.workload-mismatch", $"The user gave {name} = {given} but the plan uses {used}; use the given figure.", $"$.{name}");

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Gb(long bytes) => $"{F(bytes / Gib)} GiB";
}
