using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>
/// Hand-built upstream inputs (requests, capacity plans, topologies) for each cluster shape, following the shared
/// naming conventions, so phases 3 and 8 can be tested before the upstream experts exist.
/// </summary>
public static class BackupFixtures
{
    public static readonly string[] Names = ["single-dev", "replicated-prod", "sharded-prod", "cartridge-prod", "multi-region-prod", "passive-staging", "k8s-prod"];

    public static PhaseContext Context(string name, Language language = Language.En, BackupPlan? backup = null)
    {
        var (request, capacity, topology) = Scenario(name);
        var inputs = new Dictionary<string, object> { [nameof(CapacityPlan)] = capacity, [nameof(ClusterTopology)] = topology };
        if (backup is not null) inputs[nameof(BackupPlan)] = backup;
        return new PhaseContext(request, language, inputs);
    }

    /// <summary>A context whose request differs from the named scenario's (same capacity and topology).</summary>
    public static PhaseContext WithRequest(string name, Func<ClusterRequest, ClusterRequest> change, BackupPlan? backup = null)
    {
        var (request, capacity, topology) = Scenario(name);
        var inputs = new Dictionary<string, object> { [nameof(CapacityPlan)] = capacity, [nameof(ClusterTopology)] = topology };
        if (backup is not null) inputs[nameof(BackupPlan)] = backup;
        return new PhaseContext(change(request), Language.En, inputs);
    }

    public static (ClusterRequest Request, CapacityPlan Capacity, ClusterTopology Topology) Scenario(string name) => name switch
    {
        "single-dev" => (
            Request("devbox", ClusterType.SingleInstance, DeploymentEnvironment.Development, CloudProvider.OnPremises, HaStrategy.PassiveFailover, 7),
            Capacity(snapshotGb: 2, walGb: 0.5, writeRps: 200, storages: 1, perReplicaset: 1, routers: 0, snapshotCount: 2),
            Topology(ClusterType.SingleInstance, "off", null, "devbox", [Replicated("db-001", 1, "devbox", leader: null, election: false, startHost: 1)], [Single("development")], 0)),
        "replicated-prod" => (
            Request("orders", ClusterType.Replicated, DeploymentEnvironment.Production, CloudProvider.Aws, HaStrategy.ActiveFailover, 30),
            Capacity(snapshotGb: 40, walGb: 8, writeRps: 5000, storages: 1, perReplicaset: 3, routers: 0, snapshotCount: 3),
            Topology(ClusterType.Replicated, "election", Election(2), "orders", [Replicated("db-001", 3, "orders", leader: null, election: true, startHost: 1)], [Single("production", "a", "b", "c")], 0)),
        "sharded-prod" => (
            Request("payments", ClusterType.Sharded, DeploymentEnvironment.Production, CloudProvider.Gcp, HaStrategy.ActiveFailover, 14) with { EnableSharding = true, ShardCount = 3 },
            Capacity(snapshotGb: 120, walGb: 20, writeRps: 30000, storages: 3, perReplicaset: 3, routers: 2, snapshotCount: 2),
            Topology(ClusterType.Sharded, "election", Election(2), "payments",
                [.. Enumerable.Range(1, 3).Select(i => Replicated($"storage-00{i}", 3, "payments", leader: null, election: true, startHost: (i - 1) * 3 + 1, roles: ["storage"])),
                 Router("router-001", "payments", 10), Router("router-002", "payments", 11)],
                [Single("production", "a", "b", "c")], 0)),
        "cartridge-prod" => (
            Request("billing", ClusterType.Cartridge, DeploymentEnvironment.Production, CloudProvider.Azure, HaStrategy.ActiveFailover, 21) with { EnableSharding = true, ShardCount = 2, TarantoolVersion = "2.11" },
            Capacity(snapshotGb: 25, walGb: 4, writeRps: 2000, storages: 2, perReplicaset: 2, routers: 2, snapshotCount: 2),
            Topology(ClusterType.Cartridge, "stateful", null, "billing",
                [Replicated("storage-001", 2, "billing", leader: "storage-001-1", election: false, startHost: 1, roles: ["storage"]),
                 Replicated("storage-002", 2, "billing", leader: "storage-002-1", election: false, startHost: 3, roles: ["storage"]),
                 Router("router-001", "billing", 5), Router("router-002", "billing", 6)],
                [Single("production", "1", "2")], 0, stateProvider: "stateboard")),
        "multi-region-prod" => (
            Request("ledger", ClusterType.MultiRegion, DeploymentEnvironment.Production, CloudProvider.OnPremises, HaStrategy.DistributedHa, 35) with { Workload = new Workload { Regions = 3 } },
            Capacity(snapshotGb: 60, walGb: 10, writeRps: 8000, storages: 1, perReplicaset: 5, routers: 0, snapshotCount: 3),
            Topology(ClusterType.MultiRegion, "election", Election(3), "ledger", [MultiRegion("db-001", "ledger")],
                [new Region("msk", ["a", "b"], true), new Region("spb", ["a", "b"], false), new Region("nsk", ["a"], false)], 30)),
        "passive-staging" => (
            Request("catalog", ClusterType.Replicated, DeploymentEnvironment.Staging, CloudProvider.OnPremises, HaStrategy.PassiveFailover, 10),
            Capacity(snapshotGb: 5, walGb: 1, writeRps: 500, storages: 1, perReplicaset: 2, routers: 0, snapshotCount: 2),
            Topology(ClusterType.Replicated, "manual", null, "catalog", [Replicated("db-001", 2, "catalog", leader: "db-001-1", election: false, startHost: 1)], [Single("staging", "a", "b")], 0)),
        "k8s-prod" => (
            Request("events", ClusterType.Replicated, DeploymentEnvironment.Production, CloudProvider.Kubernetes, HaStrategy.ActiveFailover, 30),
            Capacity(snapshotGb: 10, walGb: 2, writeRps: 3000, storages: 1, perReplicaset: 3, routers: 0, snapshotCount: 2),
            Topology(ClusterType.Replicated, "election", Election(2), "events", [Replicated("db-001", 3, "events", leader: null, election: true, startHost: 1)], [Single("production", "a", "b", "c")], 0)),
        _ => throw new ArgumentException($"unknown fixture {name}"),
    };

    private static ClusterRequest Request(string name, ClusterType type, DeploymentEnvironment env, CloudProvider cloud, HaStrategy ha, int retention) => new()
    {
        ClusterName = name,
        ClusterType = type,
        Environment = env,
        CloudProvider = cloud,
        HaStrategy = ha,
        BackupRetentionDays = retention,
        TarantoolVersion = "3.7",
    };

    private static ElectionSettings Election(int quorum) => new("candidate", 5, "soft", quorum);

    private static Region Single(string name, params string[] zones) => new(name, zones.Length == 0 ? ["a"] : zones, true);

    private static CapacityPlan Capacity(double snapshotGb, double walGb, int writeRps, int storages, int perReplicaset, int routers, int snapshotCount) => new()
    {
        Engine = StorageEngine.Memtx,
        DataSizeGb = snapshotGb * storages,
        ProjectedDataSizeGb = snapshotGb * storages * 1.5,
        AverageRecordBytes = 300,
        ReadRps = writeRps * 4,
        WriteRps = writeRps,
        GrowthPercentPerYear = 30,
        HorizonMonths = 12,
        StorageReplicasets = storages,
        InstancesPerReplicaset = perReplicaset,
        Routers = routers,
        TotalInstances = storages * perReplicaset + routers,
        Hosts = storages * perReplicaset + routers,
        MemtxMemoryBytes = (long)(snapshotGb * 1.4 * 1024 * 1024 * 1024),
        RouterMemtxMemoryBytes = routers > 0 ? 268_435_456 : 0,
        VinylMemoryBytes = 0,
        VinylCacheBytes = 0,
        RamPerStorageInstanceBytes = (long)(snapshotGb * 2 * 1024 * 1024 * 1024),
        CpuPerStorageInstance = 4,
        CpuPerRouter = routers > 0 ? 2 : 0,
        DiskPerStorageInstanceGb = snapshotGb * (snapshotCount + 2) + walGb * 2,
        SnapshotSizeGb = snapshotGb,
        SnapshotCount = snapshotCount,
        SnapshotIntervalSeconds = Math.Max(3600, (int)Math.Ceiling(snapshotGb * 1000 / 200 * 10 / 3600) * 3600), MemtxCeilingBytes = 64L << 30, SnapshotRecoverySeconds = (int)Math.Ceiling(snapshotGb * 1000 / 150),
        WalSizeGb = walGb,
        WalMode = "write",
        WalIops = writeRps / 10,
        ReplicationBandwidthMbps = writeRps * 300 * 8 / 1e6,
        BucketCount = routers > 0 ? 30000 : 0,
        Assumptions = [],
        Formulas = [],
        Growth = [],
    };

    private static Replicaset Replicated(string name, int count, string cluster, string? leader, bool election, int startHost, IReadOnlyList<string>? roles = null) =>
        new(name, roles ?? [], leader,
            [.. Enumerable.Range(1, count).Select(n => new InstanceNode($"{name}-{n}", $"{cluster}-node-{startHost + n - 1}", 3301, 8081,
                "production", ((char)('a' + (n - 1) % 3)).ToString(), leader is null && !election ? "rw" : election ? "auto" : n == 1 ? "rw" : "ro",
                election ? "candidate" : ""))]);

    private static Replicaset Router(string name, string cluster, int host) =>
        new(name, ["router"], null, [new InstanceNode($"{name}-1", $"{cluster}-node-{host}", 3301, 8081, "production", "a", "auto", "")]);

    /// <summary>Five members over three sites: two candidates in each of msk and spb, a voter in nsk as the tie-breaker.</summary>
    private static Replicaset MultiRegion(string name, string cluster) => new(name, [], null,
    [
        new InstanceNode($"{name}-1", $"{cluster}-node-1", 3301, 8081, "msk", "a", "auto", "candidate"),
        new InstanceNode($"{name}-2", $"{cluster}-node-2", 3301, 8081, "msk", "b", "auto", "candidate"),
        new InstanceNode($"{name}-3", $"{cluster}-node-3", 3301, 8081, "spb", "a", "auto", "candidate"),
        new InstanceNode($"{name}-4", $"{cluster}-node-4", 3301, 8081, "spb", "b", "auto", "candidate"),
        new InstanceNode($"{name}-5", $"{cluster}-node-5", 3301, 8081, "nsk", "a", "auto", "voter"),
    ]);

    private static ClusterTopology Topology(ClusterType type, string failover, ElectionSettings? election, string cluster,
        IReadOnlyList<Replicaset> replicasets, IReadOnlyList<Region> regions, int latencyMs, string stateProvider = "") => new()
    {
        ClusterType = type,
        FailoverMode = failover,
        FailoverStateProvider = stateProvider,
        Election = election,
        Regions = regions,
        Replicasets = replicasets,
        Users =
        [
            new ClusterUser("replicator", ["replication"], "replicator_password", "replication"),
            new ClusterUser("app", ["app"], "app_password", $"{cluster} application"),
        ],
        IprotoTls = false,
        CrossRegionLatencyBudgetMs = latencyMs,
        Decisions = [],
        MermaidDiagram = "flowchart LR",
    };
}
