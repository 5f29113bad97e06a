using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>
/// Hand-built, realistic phase 1–3 outputs for each cluster shape (the upstream experts are written elsewhere).
/// <see cref="For"/> derives a plausible capacity plan, topology and backup plan from any request, following the
/// shared naming, host and port conventions.
/// </summary>
internal static class ClusterFixtures
{
    private const long Gib = 1024L * 1024 * 1024;
    private const long Mib = 1024L * 1024;

    public static ClusterRequest Request(
        ClusterType type,
        HaStrategy ha = HaStrategy.ActiveFailover,
        ReplicationMode mode = ReplicationMode.MasterSlave,
        DeploymentEnvironment env = DeploymentEnvironment.Production,
        string version = "3.7",
        StorageEngine? engine = null) => new()
        {
            ClusterName = "orders",
            ClusterType = type,
            Environment = env,
            HaStrategy = ha,
            ReplicationMode = mode,
            EnableSharding = type is ClusterType.Sharded or ClusterType.Cartridge || (type == ClusterType.MultiRegion && ha != HaStrategy.PassiveFailover),
            ShardCount = 2,
            TarantoolVersion = version,
            Workload = new Workload { DataSizeGb = 40, ReadRps = 20000, WriteRps = 5000, Engine = engine, Regions = type == ClusterType.MultiRegion ? 3 : null },
            Description = "orders service",
        };

    public static ClusterRequest SingleInstance() => Request(ClusterType.SingleInstance, env: DeploymentEnvironment.Development);
    public static ClusterRequest ReplicatedMasterSlave() => Request(ClusterType.Replicated);
    public static ClusterRequest ReplicatedManual() => Request(ClusterType.Replicated, HaStrategy.PassiveFailover);
    public static ClusterRequest ReplicatedMasterMaster() => Request(ClusterType.Replicated, mode: ReplicationMode.MasterMaster, env: DeploymentEnvironment.Staging);
    public static ClusterRequest Sharded() => Request(ClusterType.Sharded);
    public static ClusterRequest Cartridge() => Request(ClusterType.Cartridge, version: "2.11");
    public static ClusterRequest MultiRegion() => Request(ClusterType.MultiRegion, HaStrategy.DistributedHa);

    /// <summary>The named fixtures of every cluster shape.</summary>
    public static IEnumerable<(string Name, ClusterRequest Request)> Named() =>
    [
        ("single-instance", SingleInstance()),
        ("replicated-election", ReplicatedMasterSlave()),
        ("replicated-manual", ReplicatedManual()),
        ("replicated-master-master", ReplicatedMasterMaster()),
        ("sharded", Sharded()),
        ("cartridge", Cartridge()),
        ("multi-region-voters", MultiRegion()),
    ];

    public static PhaseContext Context(ClusterRequest request, Language language = Language.En, bool withBackup = true)
    {
        var (capacity, topology, backup) = For(request);
        var inputs = new Dictionary<string, object> { [nameof(CapacityPlan)] = capacity, [nameof(ClusterTopology)] = topology };
        if (withBackup) inputs[nameof(BackupPlan)] = backup;
        return new PhaseContext(request, language, inputs);
    }

    public static (CapacityPlan Capacity, ClusterTopology Topology, BackupPlan Backup) For(ClusterRequest request)
    {
        var topology = Topology(request);
        return (Capacity(request, topology), topology, Backup(request));
    }

    public static ClusterTopology Topology(ClusterRequest request)
    {
        var name = request.ClusterName;
        var regions = request.ClusterType == ClusterType.MultiRegion
            ? new[] { new Region("dc-a", ["dc-a-1"], true), new Region("dc-b", ["dc-b-1"], false), new Region("dc-c", ["dc-c-1"], false) }
            : [new Region(request.Environment.ToString().ToLowerInvariant(), ["zone-a", "zone-b", "zone-c"], true)];
        var cartridge = request.ClusterType == ClusterType.Cartridge;
        var masterMaster = request.ReplicationMode == ReplicationMode.MasterMaster;
        var failover = cartridge
            ? (masterMaster ? "disabled" : request.HaStrategy == HaStrategy.PassiveFailover ? "eventual" : "stateful")
            : request.ClusterType == ClusterType.SingleInstance || masterMaster ? "off"
            : request.HaStrategy == HaStrategy.PassiveFailover ? "manual"
            : "election";
        var sharded = request.ClusterType is ClusterType.Sharded or ClusterType.Cartridge || (request.ClusterType == ClusterType.MultiRegion && request.EnableSharding);
        var members = request.ClusterType == ClusterType.SingleInstance ? 1 : 3;
        var storageCount = sharded ? request.ShardCount : 1;
        var replicasets = new List<Replicaset>();
        for (var s = 0; s < storageCount; s++)
        {
            var rsName = sharded ? $"storage-{s + 1:000}" : "db-001";
            var instances = new List<InstanceNode>();
            for (var m = 0; m < members; m++)
            {
                var region = regions[request.ClusterType == ClusterType.MultiRegion ? m % regions.Length : 0];
                var mode = failover == "off" ? (masterMaster || m == 0 ? "rw" : "ro") : "auto";
                var electionMode = failover == "election"
                    ? (request.ClusterType == ClusterType.MultiRegion && m == members - 1 ? "voter" : "candidate")
                    : "";
                instances.Add(new InstanceNode($"{rsName}-{m + 1}", $"{name}-node-{m + 1}", 3301 + s, 8081 + s, region.Name, region.Zones[m % region.Zones.Count], mode, electionMode));
            }
            var roles = sharded ? new List<string> { "storage" } : [];
            replicasets.Add(new Replicaset(rsName, roles, failover == "manual" ? instances[0].Name : null, instances));
        }
        if (sharded)
        {
            var routers = cartridge ? 1 : 2;
            for (var r = 0; r < routers; r++)
            {
                var rsName = $"router-{r + 1:000}";
                var region = regions[request.ClusterType == ClusterType.MultiRegion ? r % regions.Length : 0];
                var node = new InstanceNode($"{rsName}-1", $"{name}-node-{r + 1}", 3301 + storageCount, 8081 + storageCount, region.Name, region.Zones[0], failover == "off" ? "rw" : "auto", "");
                replicasets.Add(new Replicaset(rsName, ["router"], failover == "manual" ? node.Name : null, [node]));
            }
        }
        var users = new List<ClusterUser>
        {
            new("replicator", ["replication"], "replicator_password", "Replication between replicaset members."),
        };
        if (sharded) users.Add(new ClusterUser("storage", ["sharding"], "storage_password", "Router and rebalancer connections to storages."));
        users.Add(new ClusterUser("app", [], "app_password", "The application's own user, least privilege."));

        return new ClusterTopology
        {
            ClusterType = request.ClusterType,
            FailoverMode = failover,
            FailoverStateProvider = failover == "stateful" ? "stateboard" : "",
            Election = failover == "election" ? new ElectionSettings("candidate", request.ClusterType == ClusterType.MultiRegion ? 3 : 2.5, "soft", members / 2 + 1) : null,
            Regions = regions,
            Replicasets = replicasets,
            Users = users,
            IprotoTls = IprotoTlsPolicy.Wanted(request),
            CrossRegionLatencyBudgetMs = request.ClusterType == ClusterType.MultiRegion ? 150 : 0,
            Decisions = ["fixture topology"],
            MermaidDiagram = "flowchart LR\n  a --> b",
        };
    }

    public static CapacityPlan Capacity(ClusterRequest request, ClusterTopology topology)
    {
        var vinyl = request.Workload.Engine == StorageEngine.Vinyl;
        var storages = topology.Replicasets.Count(r => !r.Roles.Contains("router"));
        var routers = topology.Replicasets.Count(r => r.Roles.Contains("router"));
        var perRs = topology.Replicasets[0].Instances.Count;
        return new CapacityPlan
        {
            Engine = vinyl ? StorageEngine.Vinyl : StorageEngine.Memtx,
            DataSizeGb = 40,
            ProjectedDataSizeGb = 60,
            AverageRecordBytes = 512,
            ReadRps = 20000,
            WriteRps = 5000,
            GrowthPercentPerYear = 40,
            HorizonMonths = 18,
            StorageReplicasets = storages,
            InstancesPerReplicaset = perRs,
            Routers = routers,
            TotalInstances = storages * perRs + routers,
            Hosts = perRs,
            MemtxMemoryBytes = vinyl ? 2 * Gib : (storages > 1 ? 40 : 80) * Gib,
            RouterMemtxMemoryBytes = routers > 0 ? 512 * Mib : 0,
            VinylMemoryBytes = vinyl ? 4 * Gib : 0,
            VinylCacheBytes = vinyl ? 2 * Gib : 0,
            RamPerStorageInstanceBytes = vinyl ? 10 * Gib : (storages > 1 ? 56 : 110) * Gib,
            CpuPerStorageInstance = 4,
            CpuPerRouter = 2,
            DiskPerStorageInstanceGb = 400,
            SnapshotSizeGb = 40,
            SnapshotCount = 3,
            SnapshotIntervalSeconds = request.Environment == DeploymentEnvironment.Production ? 3600 : 7200, MemtxCeilingBytes = 64L << 30, SnapshotRecoverySeconds = 60,
            WalSizeGb = 8,
            WalMode = request.Environment == DeploymentEnvironment.Production ? "fsync" : "write",
            WalIops = 5000,
            ReplicationBandwidthMbps = 40,
            BucketCount = routers > 0 ? 30000 : 0,
            Assumptions = [new CapacityAssumption("dataSizeGb", "40", "given")],
            Formulas = [new CapacityFormula("memtx", "60 GB / shards * 1.3", "...")],
            Growth = [new GrowthPoint(18, 60, storages, 40 * Gib)],
        };
    }

    public static BackupPlan Backup(ClusterRequest request) => new()
    {
        RpoSeconds = request.Environment switch { DeploymentEnvironment.Production => 60, DeploymentEnvironment.Staging => 900, _ => 3600 },
        RtoSeconds = 900,
        FullBackupCron = "0 2 * * *",
        SnapshotIntervalSeconds = request.Environment == DeploymentEnvironment.Production ? 3600 : 7200,
        SnapshotWalSizeBytes = 4 * Gib,
        SnapshotCount = 3,
        ContinuousWalArchival = request.Environment == DeploymentEnvironment.Production,
        WalArchiveIntervalSeconds = request.Environment == DeploymentEnvironment.Production ? 60 : 0,
        RetentionDays = request.BackupRetentionDays,
        StorageKind = "s3",
        StorageUri = $"s3://{request.ClusterName}-backups/{{instance}}/",
        BackupSource = "replica",
        PointInTimeRecovery = request.Environment == DeploymentEnvironment.Production,
        VerificationCron = "0 5 * * 0",
        Procedures = [new RestoreProcedure("lost-replica", "Rebuild a replica", ["tt stop orders:db-001-3"], 600)],
    };
}
