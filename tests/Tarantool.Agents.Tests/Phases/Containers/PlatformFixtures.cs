using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>
/// Realistic upstream outputs for each cluster type, built by hand the way phases 1–4 produce them (naming
/// conventions of the brief), plus a phase-4-like config.yaml for 3.x targets.
/// </summary>
public static class PlatformFixtures
{
    private const long Gib = 1024L * 1024 * 1024;

    public static PlatformScenario SingleInstanceDev(CloudProvider cloud = CloudProvider.OnPremises)
    {
        var request = new ClusterRequest { ClusterName = "notes", ClusterType = ClusterType.SingleInstance, Environment = DeploymentEnvironment.Development, CloudProvider = cloud, HaStrategy = HaStrategy.PassiveFailover, BackupRetentionDays = 7, TarantoolVersion = "3.7" };
        var capacity = Capacity(StorageEngine.Memtx, dataGb: 2, storageReplicasets: 1, perReplicaset: 1, routers: 0, hosts: 1, memtx: 4 * Gib, ram: 6 * Gib, cpu: 1, disk: 20, snapshot: 2, wal: 1, walIops: 200);
        var topology = Topology(ClusterType.SingleInstance, "off", null, [Region("development", ["dev-a"], true)],
            [Replicaset("db-001", [], null, [Node("db-001-1", "notes-node-1", 3301, 8081, "development", "dev-a", "rw", "")])], tls: false);
        return new PlatformScenario("single-instance-dev", request, capacity, topology, Backup("0 3 * * *", rpo: 86400), ConfigFor(request, topology));
    }

    public static PlatformScenario ReplicatedProduction(CloudProvider cloud = CloudProvider.Aws)
    {
        var request = new ClusterRequest { ClusterName = "orders", ClusterType = ClusterType.Replicated, Environment = DeploymentEnvironment.Production, CloudProvider = cloud, HaStrategy = HaStrategy.ActiveFailover, TarantoolVersion = "3.7" };
        var capacity = Capacity(StorageEngine.Memtx, dataGb: 40, storageReplicasets: 1, perReplicaset: 3, routers: 0, hosts: 3, memtx: 64 * Gib, ram: 80 * Gib, cpu: 4, disk: 300, snapshot: 45, wal: 20, walIops: 4000);
        var zones = new[] { "eu-central-1a", "eu-central-1b", "eu-central-1c" };
        var nodes = Enumerable.Range(1, 3).Select(i => Node($"db-001-{i}", $"orders-node-{i}", 3301, 8081, "eu-central-1", zones[i - 1], "auto", "candidate")).ToList();
        var topology = Topology(ClusterType.Replicated, "election", new ElectionSettings("candidate", 5, "soft", 2), [Region("eu-central-1", zones, true)],
            [Replicaset("db-001", [], null, nodes)], tls: true);
        return new PlatformScenario("replicated-production", request, capacity, topology, Backup("0 */6 * * *", rpo: 60), ConfigFor(request, topology));
    }

    public static PlatformScenario Sharded(CloudProvider cloud = CloudProvider.Gcp, StorageEngine engine = StorageEngine.Vinyl, string failover = "election")
    {
        var request = new ClusterRequest { ClusterName = "events", ClusterType = ClusterType.Sharded, Environment = DeploymentEnvironment.Production, CloudProvider = cloud, EnableSharding = true, ShardCount = 3, TarantoolVersion = "3.7", HaStrategy = failover == "manual" ? HaStrategy.PassiveFailover : HaStrategy.ActiveFailover };
        var capacity = Capacity(engine, dataGb: 900, storageReplicasets: 3, perReplicaset: 3, routers: 2, hosts: 9, memtx: 16 * Gib, ram: 40 * Gib, cpu: 4, disk: 800, snapshot: 12, wal: 30, walIops: 6000, bucketCount: 30000);
        var zones = new[] { "europe-west1-b", "europe-west1-c", "europe-west1-d" };
        var replicasets = new List<Replicaset>();
        var host = 0;
        for (var s = 1; s <= 3; s++)
        {
            var name = $"storage-{s:000}";
            var nodes = Enumerable.Range(1, 3).Select(i => Node($"{name}-{i}", $"events-node-{++host}", 3301, 8081, "europe-west1", zones[i - 1], "auto", failover == "election" ? "candidate" : "")).ToList();
            replicasets.Add(Replicaset(name, ["storage"], failover == "manual" ? $"{name}-1" : null, nodes));
        }
        for (var r = 1; r <= 2; r++)
            replicasets.Add(Replicaset($"router-{r:000}", ["router"], null, [Node($"router-{r:000}-1", $"events-node-{r}", 3302, 8082, "europe-west1", zones[r - 1], "auto", "")]));
        var topology = Topology(ClusterType.Sharded, failover, failover == "election" ? new ElectionSettings("candidate", 5, "soft", 2) : null,
            [Region("europe-west1", zones, true)], replicasets, tls: false);
        return new PlatformScenario("sharded", request, capacity, topology, Backup("30 1 * * *", rpo: 300), ConfigFor(request, topology));
    }

    public static PlatformScenario Cartridge(CloudProvider cloud = CloudProvider.Azure)
    {
        var request = new ClusterRequest { ClusterName = "billing", ClusterType = ClusterType.Cartridge, Environment = DeploymentEnvironment.Staging, CloudProvider = cloud, EnableSharding = true, ShardCount = 2, TarantoolVersion = "2.11" };
        var capacity = Capacity(StorageEngine.Memtx, dataGb: 60, storageReplicasets: 2, perReplicaset: 2, routers: 1, hosts: 4, memtx: 24 * Gib, ram: 32 * Gib, cpu: 2, disk: 200, snapshot: 30, wal: 10, walIops: 1500, bucketCount: 30000);
        var zones = new[] { "1", "2" };
        var replicasets = new List<Replicaset>();
        var host = 0;
        for (var s = 1; s <= 2; s++)
        {
            var name = $"storage-{s:000}";
            replicasets.Add(Replicaset(name, ["storage"], null,
                [.. Enumerable.Range(1, 2).Select(i => Node($"{name}-{i}", $"billing-node-{++host}", 3301, 8081, "westeurope", zones[i - 1], "auto", ""))]));
        }
        replicasets.Add(Replicaset("router-001", ["router"], null, [Node("router-001-1", "billing-node-1", 3302, 8082, "westeurope", "1", "auto", "")]));
        replicasets.Add(Replicaset("stateboard", ["stateboard"], null, [Node("stateboard", "billing-node-2", 4401, 0, "westeurope", "2", "", "")]));
        var topology = Topology(ClusterType.Cartridge, "stateful", null, [Region("westeurope", zones, true)], replicasets, tls: false) with { FailoverStateProvider = "stateboard" };
        return new PlatformScenario("cartridge", request, capacity, topology, Backup("0 2 * * 0", rpo: 3600), null);
    }

    public static PlatformScenario MultiRegion(CloudProvider cloud = CloudProvider.Kubernetes)
    {
        var request = new ClusterRequest { ClusterName = "payments", ClusterType = ClusterType.MultiRegion, Environment = DeploymentEnvironment.Production, CloudProvider = cloud, HaStrategy = HaStrategy.DistributedHa, TarantoolVersion = "3.7", Workload = new Workload { Regions = 3 } };
        var capacity = Capacity(StorageEngine.Memtx, dataGb: 20, storageReplicasets: 1, perReplicaset: 3, routers: 0, hosts: 3, memtx: 32 * Gib, ram: 40 * Gib, cpu: 4, disk: 160, snapshot: 22, wal: 8, walIops: 2500);
        var topology = Topology(ClusterType.MultiRegion, "election", new ElectionSettings("candidate", 10, "strict", 2),
            [Region("msk", ["msk-a"], true), Region("spb", ["spb-a"], false), Region("nsk", ["nsk-a"], false)],
            [Replicaset("db-001", [], null,
            [
                Node("db-001-1", "payments-node-1", 3301, 8081, "msk", "msk-a", "auto", "candidate"),
                Node("db-001-2", "payments-node-2", 3301, 8081, "spb", "spb-a", "auto", "candidate"),
                Node("db-001-3", "payments-node-3", 3301, 8081, "nsk", "nsk-a", "auto", "voter"),
            ])], tls: true) with { CrossRegionLatencyBudgetMs = 40 };
        return new PlatformScenario("multi-region", request, capacity, topology, Backup("15 */4 * * *", rpo: 30), ConfigFor(request, topology));
    }

    public static IEnumerable<PlatformScenario> All() =>
        [SingleInstanceDev(), ReplicatedProduction(), Sharded(), Cartridge(), MultiRegion()];

    /// <summary>Every scenario on every cloud, as theory data (scenario name, cloud).</summary>
    public static TheoryData<string, CloudProvider> OnEveryCloud()
    {
        var data = new TheoryData<string, CloudProvider>();
        foreach (var scenario in All())
        foreach (var cloud in Enum.GetValues<CloudProvider>())
            data.Add(scenario.Name, cloud);
        return data;
    }

    /// <summary>The named scenario moved to another cloud.</summary>
    public static PlatformScenario Scenario(string name, CloudProvider cloud) => All().Single(s => s.Name == name).WithCloud(cloud);

    /// <summary>A config.yaml shaped like phase 4's: context secrets, users, listen URIs on VM hosts, metrics role.</summary>
    public static string ConfigFor(ClusterRequest request, ClusterTopology topology)
    {
        var text = new StringBuilder();
        text.Append("config:\n  context:\n");
        foreach (var user in topology.Users)
            text.Append($"    {user.PasswordSecret}:\n      from: env\n      env: TT_{user.PasswordSecret.ToUpperInvariant()}\n");
        text.Append("credentials:\n  users:\n");
        foreach (var user in topology.Users)
            text.Append($"    {user.Name}:\n      password: '{{{{ context.{user.PasswordSecret} }}}}'\n      roles: [{string.Join(", ", user.Roles)}]\n");
        text.Append("iproto:\n  advertise:\n    peer:\n      login: replicator\n");
        if (request.EnableSharding) text.Append("    sharding:\n      login: storage\n");
        text.Append("replication:\n  failover: " + topology.FailoverMode + "\n");
        text.Append("snapshot:\n  dir: /var/lib/tarantool/{{ instance_name }}\n  count: 3\n  by:\n    interval: 3600\n");
        text.Append("wal:\n  dir: /var/lib/tarantool/{{ instance_name }}\n  mode: write\n");
        if (request.EnableSharding) text.Append("sharding:\n  bucket_count: 30000\n");
        text.Append("roles: [roles.metrics-export]\n");
        text.Append("groups:\n");
        foreach (var group in topology.Replicasets.GroupBy(r => r.Roles.Contains("router") ? "routers" : r.Roles.Contains("storage") ? "storages" : "db"))
        {
            text.Append($"  {group.Key}:\n");
            if (group.Key != "db") text.Append($"    sharding:\n      roles: [{(group.Key == "routers" ? "router" : "storage")}]\n");
            text.Append("    replicasets:\n");
            foreach (var replicaset in group)
            {
                text.Append($"      {replicaset.Name}:\n");
                if (replicaset.Leader is not null) text.Append($"        leader: {replicaset.Leader}\n");
                text.Append("        instances:\n");
                foreach (var node in replicaset.Instances)
                {
                    text.Append($"          {node.Name}:\n            iproto:\n              listen:\n              - uri: '{node.Host}:{node.Port.ToString(CultureInfo.InvariantCulture)}'\n");
                    if (node.ElectionMode is "voter") text.Append("            replication:\n              election_mode: voter\n");
                    text.Append($"            roles_cfg:\n              roles.metrics-export:\n                http:\n                - listen: {node.MetricsPort.ToString(CultureInfo.InvariantCulture)}\n                  endpoints:\n                  - path: /metrics\n                    format: prometheus\n");
                }
            }
        }
        return text.ToString();
    }

    private static InstanceNode Node(string name, string host, int port, int metrics, string region, string zone, string mode, string election) =>
        new(name, host, port, metrics, region, zone, mode, election);

    private static Replicaset Replicaset(string name, IReadOnlyList<string> roles, string? leader, IReadOnlyList<InstanceNode> nodes) => new(name, roles, leader, nodes);

    private static Region Region(string name, IReadOnlyList<string> zones, bool primary) => new(name, zones, primary);

    private static ClusterTopology Topology(ClusterType type, string failover, ElectionSettings? election, IReadOnlyList<Region> regions, IReadOnlyList<Replicaset> replicasets, bool tls)
    {
        var sharded = replicasets.Any(r => r.Roles.Contains("storage"));
        var users = new List<ClusterUser>
        {
            new("replicator", ["replication"], "replicator_password", "Replication between members of a replicaset."),
            new("app", ["app_role"], "app_password", "The application's least-privilege user."),
        };
        if (sharded) users.Insert(1, new ClusterUser("storage", ["sharding"], "storage_password", "vshard router-to-storage connections."));
        return new ClusterTopology
        {
            ClusterType = type,
            FailoverMode = failover,
            FailoverStateProvider = "",
            Election = election,
            Regions = regions,
            Replicasets = replicasets,
            Users = users,
            IprotoTls = tls,
            CrossRegionLatencyBudgetMs = 0,
            Decisions = ["Hand-built fixture."],
            MermaidDiagram = "flowchart LR\n  a --> b",
        };
    }

    private static CapacityPlan Capacity(StorageEngine engine, double dataGb, int storageReplicasets, int perReplicaset, int routers, int hosts,
        long memtx, long ram, int cpu, double disk, double snapshot, double wal, int walIops, int bucketCount = 0) => new()
    {
        Engine = engine,
        DataSizeGb = dataGb,
        ProjectedDataSizeGb = dataGb * 1.5,
        AverageRecordBytes = 512,
        ReadRps = 20000,
        WriteRps = 4000,
        GrowthPercentPerYear = 40,
        HorizonMonths = 18,
        StorageReplicasets = storageReplicasets,
        InstancesPerReplicaset = perReplicaset,
        Routers = routers,
        TotalInstances = storageReplicasets * perReplicaset + routers,
        Hosts = hosts,
        MemtxMemoryBytes = memtx,
        RouterMemtxMemoryBytes = routers > 0 ? 512L * 1024 * 1024 : 0,
        VinylMemoryBytes = engine == StorageEngine.Vinyl ? 4 * Gib : 0,
        VinylCacheBytes = engine == StorageEngine.Vinyl ? 2 * Gib : 0,
        RamPerStorageInstanceBytes = ram,
        CpuPerStorageInstance = cpu,
        CpuPerRouter = routers > 0 ? 2 : 0,
        DiskPerStorageInstanceGb = disk,
        SnapshotSizeGb = snapshot,
        SnapshotCount = 3,
        SnapshotIntervalSeconds = 3600, MemtxCeilingBytes = 64L << 30, SnapshotRecoverySeconds = 60,
        WalSizeGb = wal,
        WalMode = "write",
        WalIops = walIops,
        ReplicationBandwidthMbps = 40,
        BucketCount = bucketCount,
        Assumptions = [new CapacityAssumption("growthPercentPerYear", "40", "Fixture.")],
        Formulas = [new CapacityFormula("memtx", "data × 1.3", "fixture")],
        Growth = [new GrowthPoint(0, dataGb, storageReplicasets, memtx)],
    };

    private static BackupPlan Backup(string cron, int rpo) => new()
    {
        RpoSeconds = rpo,
        RtoSeconds = 1800,
        FullBackupCron = cron,
        SnapshotIntervalSeconds = 3600,
        SnapshotWalSizeBytes = 1L << 30,
        SnapshotCount = 3,
        ContinuousWalArchival = rpo < 3600,
        WalArchiveIntervalSeconds = rpo < 3600 ? 60 : 0,
        RetentionDays = 30,
        StorageKind = "s3",
        StorageUri = "s3://backups/{instance}/",
        BackupSource = "replica",
        PointInTimeRecovery = rpo < 3600,
        VerificationCron = "0 5 * * 6",
        Procedures = [new RestoreProcedure("lost-replica", "Lost replica", ["tt replicaset rebootstrap"], 900)],
    };
}
