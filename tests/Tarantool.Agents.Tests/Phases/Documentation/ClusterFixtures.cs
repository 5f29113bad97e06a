using System.Globalization;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Documentation;

/// <summary>
/// Realistic upstream outputs (capacity plan, topology, backup plan, config.yaml) for the cluster shapes phases 9 and
/// 10 must handle, built by hand while the upstream experts are being written: a single-instance dev box, a replicated
/// production cluster with election, a sharded cluster with manual failover and routers, a Cartridge cluster with a
/// stateboard, a multi-region sharded cluster with voters on Kubernetes, and a 2.11 box.cfg cluster.
/// </summary>
internal static class ClusterFixtures
{
    public static ClusterFixture SingleDev() => Build(
        name: "notes", type: ClusterType.SingleInstance, env: DeploymentEnvironment.Development, cloud: CloudProvider.OnPremises,
        ha: HaStrategy.PassiveFailover, version: "3.7", failover: "off", shards: 1, replicas: 1, routers: 0,
        retention: 7, cron: "0 3 * * *", wal: false, dataGb: 4, regions: [("dc1", true)]);

    public static ClusterFixture ReplicatedProduction() => Build(
        name: "orders", type: ClusterType.Replicated, env: DeploymentEnvironment.Production, cloud: CloudProvider.OnPremises,
        ha: HaStrategy.ActiveFailover, version: "3.7", failover: "election", shards: 1, replicas: 3, routers: 0,
        retention: 30, cron: "0 2 * * *", wal: true, dataGb: 120, regions: [("dc1", true)]);

    public static ClusterFixture ShardedManual() => Build(
        name: "payments", type: ClusterType.Sharded, env: DeploymentEnvironment.Production, cloud: CloudProvider.OnPremises,
        ha: HaStrategy.PassiveFailover, version: "3.7", failover: "manual", shards: 3, replicas: 3, routers: 2,
        retention: 14, cron: "30 1 * * *", wal: true, dataGb: 600, regions: [("dc1", true)]);

    public static ClusterFixture Cartridge() => Build(
        name: "catalog", type: ClusterType.Cartridge, env: DeploymentEnvironment.Production, cloud: CloudProvider.OnPremises,
        ha: HaStrategy.ActiveFailover, version: "2.11", failover: "stateful", shards: 2, replicas: 2, routers: 1,
        retention: 21, cron: "0 4 * * *", wal: false, dataGb: 80, regions: [("dc1", true)]);

    public static ClusterFixture MultiRegion() => Build(
        name: "ledger", type: ClusterType.MultiRegion, env: DeploymentEnvironment.Production, cloud: CloudProvider.Gcp,
        ha: HaStrategy.DistributedHa, version: "3.7", failover: "election", shards: 2, replicas: 3, routers: 2,
        retention: 35, cron: "15 0 * * *", wal: true, dataGb: 300, regions: [("europe-west1", true), ("europe-north1", false), ("us-east1", false)]);

    public static ClusterFixture BoxCfgManual() => Build(
        name: "legacy", type: ClusterType.Replicated, env: DeploymentEnvironment.Staging, cloud: CloudProvider.OnPremises,
        ha: HaStrategy.PassiveFailover, version: "2.11", failover: "manual", shards: 1, replicas: 2, routers: 0,
        retention: 10, cron: "0 1 * * 0", wal: false, dataGb: 20, regions: [("dc1", true)]);

    public static IEnumerable<ClusterFixture> All() =>
        [SingleDev(), ReplicatedProduction(), ShardedManual(), Cartridge(), MultiRegion(), BoxCfgManual()];

    /// <summary>xunit member data: every fixture by name.</summary>
    public static TheoryData<string> Names() => new(All().Select(f => f.Name));

    public static ClusterFixture ByName(string name) => All().First(f => f.Name == name);

    private static ClusterFixture Build(string name, ClusterType type, DeploymentEnvironment env, CloudProvider cloud, HaStrategy ha,
        string version, string failover, int shards, int replicas, int routers, int retention, string cron, bool wal, double dataGb,
        (string Name, bool Primary)[] regions)
    {
        var sharded = routers > 0;
        var request = new ClusterRequest
        {
            ClusterName = name,
            ClusterType = type,
            Environment = env,
            CloudProvider = cloud,
            HaStrategy = ha,
            BackupRetentionDays = retention,
            EnableSharding = sharded,
            ShardCount = shards,
            TarantoolVersion = version,
            Workload = new Workload { DataSizeGb = dataGb, ReadRps = 20000, WriteRps = 5000, GrowthPercentPerYear = 50, HorizonMonths = 24 },
            Description = $"{type} cluster {name}",
        };
        var topology = Topology(name, type, failover, shards, replicas, routers, regions);
        var capacity = Capacity(dataGb, shards, replicas, routers, topology);
        var backup = Backup(name, retention, cron, wal, sharded ? "storage" : "db");
        var config = version.StartsWith('3') ? ConfigYaml(topology) : null;
        return new ClusterFixture(name, request, capacity, topology, backup, config);
    }

    private static ClusterTopology Topology(string name, ClusterType type, string failover, int shards, int replicas, int routers, (string Name, bool Primary)[] regions)
    {
        var sharded = routers > 0;
        var hostsCount = Math.Max(replicas, sharded ? 3 : 1);
        var portUse = new Dictionary<string, int>();
        InstanceNode Node(string instance, int hostIndex, string mode, string election, int regionIndex)
        {
            var host = $"{name}-node-{hostIndex}";
            portUse.TryGetValue(host, out var k);
            portUse[host] = k + 1;
            var region = regions[Math.Min(regionIndex, regions.Length - 1)].Name;
            return new InstanceNode(instance, host, 3301 + k, 8081 + k, region, region + "-" + (char)('a' + hostIndex % 3), mode, election);
        }

        var replicasets = new List<Replicaset>();
        for (var s = 1; s <= shards; s++)
        {
            var rs = sharded ? $"storage-{s:000}" : $"db-{s:000}";
            var instances = new List<InstanceNode>();
            for (var n = 1; n <= replicas; n++)
            {
                var hostIndex = (s + n - 2) % hostsCount + 1;
                var multiRegion = regions.Length > 1;
                var regionIndex = multiRegion ? n - 1 : 0;
                var election = failover == "election" ? (multiRegion && n == replicas ? "voter" : "candidate") : "";
                var mode = failover == "off" ? "rw" : failover is "election" or "stateful" ? "auto" : (n == 1 ? "rw" : "ro");
                if (multiRegion) hostIndex = n + (s - 1) * replicas;
                instances.Add(Node($"{rs}-{n}", hostIndex, mode, election, regionIndex));
            }
            replicasets.Add(new Replicaset(rs, sharded ? ["storage"] : [], failover == "manual" ? $"{rs}-1" : null, instances));
        }
        for (var r = 1; r <= routers; r++)
        {
            var rs = $"router-{r:000}";
            var hostIndex = regions.Length > 1 ? shards * replicas + r : (r - 1) % hostsCount + 1;
            replicasets.Add(new Replicaset(rs, ["router"], failover == "manual" ? $"{rs}-1" : null,
                [Node($"{rs}-1", hostIndex, failover == "manual" ? "rw" : "auto", failover == "election" ? "candidate" : "", regions.Length > 1 ? r - 1 : 0)]));
        }
        if (type == ClusterType.Cartridge)
            replicasets.Add(new Replicaset("stateboard", ["stateboard"], null, [Node("stateboard", hostsCount, "rw", "", 0)]));

        var users = new List<ClusterUser>
        {
            new("replicator", ["replication"], "replicator_password", "replication between instances"),
            new("app", ["app"], "app_password", "application access"),
            new("monitor", ["monitor"], "monitor_password", "metrics scraping"),
        };
        if (sharded) users.Insert(1, new ClusterUser("storage", ["sharding"], "storage_password", "vshard router to storage"));

        return new ClusterTopology
        {
            ClusterType = type,
            FailoverMode = failover,
            FailoverStateProvider = type == ClusterType.Cartridge ? "stateboard" : "",
            Election = failover == "election" ? new ElectionSettings("candidate", 4, "soft", replicas / 2 + 1) : null,
            Regions = [.. regions.Select(r => new Region(r.Name, [r.Name + "-a", r.Name + "-b", r.Name + "-c"], r.Primary))],
            Replicasets = replicasets,
            Users = users,
            IprotoTls = false,
            CrossRegionLatencyBudgetMs = regions.Length > 1 ? 120 : 0,
            Decisions = [$"{failover} failover"],
            MermaidDiagram = "flowchart LR\n  a --> b",
        };
    }

    private static CapacityPlan Capacity(double dataGb, int shards, int replicas, int routers, ClusterTopology topology)
    {
        const long Gib = 1024L * 1024 * 1024;
        var perShard = dataGb / shards;
        var memtx = (long)Math.Ceiling(perShard * 1.5) * Gib;
        return new CapacityPlan
        {
            Engine = StorageEngine.Memtx,
            DataSizeGb = dataGb,
            ProjectedDataSizeGb = dataGb * 2.25,
            AverageRecordBytes = 512,
            ReadRps = 20000,
            WriteRps = 5000,
            GrowthPercentPerYear = 50,
            HorizonMonths = 24,
            StorageReplicasets = shards,
            InstancesPerReplicaset = replicas,
            Routers = routers,
            TotalInstances = topology.Replicasets.Sum(r => r.Instances.Count),
            Hosts = topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Host).Distinct().Count(),
            MemtxMemoryBytes = memtx,
            RouterMemtxMemoryBytes = routers > 0 ? Gib : 0,
            VinylMemoryBytes = 0,
            VinylCacheBytes = 0,
            RamPerStorageInstanceBytes = memtx * 2,
            CpuPerStorageInstance = 4,
            CpuPerRouter = routers > 0 ? 2 : 0,
            DiskPerStorageInstanceGb = Math.Round(perShard * 6, 1),
            SnapshotSizeGb = Math.Round(perShard * 0.9, 1),
            SnapshotCount = 2,
            SnapshotIntervalSeconds = 3600, MemtxCeilingBytes = 64L << 30, SnapshotRecoverySeconds = 60,
            WalSizeGb = Math.Round(perShard * 0.2, 1),
            WalMode = "write",
            WalIops = 5000,
            ReplicationBandwidthMbps = 40,
            BucketCount = routers > 0 ? 30000 : 0,
            Assumptions = [new CapacityAssumption("averageRecordBytes", "512", "not given")],
            Formulas = [new CapacityFormula("memtx.memory", $"{perShard.ToString(CultureInfo.InvariantCulture)} GB × 1.5", $"{memtx / Gib} GiB")],
            Growth =
            [
                new GrowthPoint(0, dataGb, shards, memtx),
                new GrowthPoint(12, dataGb * 1.5, routers > 0 ? shards + 1 : shards, (long)(memtx * 1.5)),
                new GrowthPoint(24, dataGb * 2.25, routers > 0 ? shards * 2 : shards, (long)(memtx * 2.25)),
            ],
        };
    }

    private static BackupPlan Backup(string name, int retention, string cron, bool wal, string family) => new()
    {
        RpoSeconds = wal ? 60 : 86400,
        RtoSeconds = 1800,
        FullBackupCron = cron,
        SnapshotIntervalSeconds = 3600,
        SnapshotWalSizeBytes = 1L << 30,
        SnapshotCount = 2,
        ContinuousWalArchival = wal,
        WalArchiveIntervalSeconds = wal ? 60 : 0,
        RetentionDays = retention,
        StorageKind = "s3",
        StorageUri = $"s3://{name}-backups/{{instance}}/",
        BackupSource = "replica",
        PointInTimeRecovery = wal,
        VerificationCron = "0 6 * * 6",
        Procedures =
        [
            new RestoreProcedure("lost-replica", "Lost replica", [$"tt replicaset rebootstrap {name}:{family}-001-2"], 600),
            new RestoreProcedure("lost-leader", "Lost leader", ["promote a replica", "rebuild the old leader as a replica"], 120),
            new RestoreProcedure("logical-corruption", "Logical corruption", ["restore the snapshot into a scratch instance", "tt play the WAL up to the time before the error"], 3600),
        ],
    };

    private static string ConfigYaml(ClusterTopology topology)
    {
        var text = new System.Text.StringBuilder();
        text.Append("""
            config:
              context:
                replicator_password:
                  from: env
                  env: TT_REPLICATOR_PASSWORD
                app_password:
                  from: env
                  env: TT_APP_PASSWORD
                monitor_password:
                  from: env
                  env: TT_MONITOR_PASSWORD

            """);
        if (topology.Replicasets.Any(r => r.Roles.Contains("router")))
            text.Append("""
                    storage_password:
                      from: env
                      env: TT_STORAGE_PASSWORD

                """);
        text.Append($"""
            credentials:
              users:
                replicator:
                  password: '{"{{"} context.replicator_password {"}}"}'
                  roles: [replication]
            replication:
              failover: {topology.FailoverMode}
            groups:

            """);
        foreach (var group in topology.Replicasets.GroupBy(r => r.Roles.Contains("router") ? "routers" : r.Roles.Contains("storage") ? "storages" : "db"))
        {
            text.Append($"  {group.Key}:\n    replicasets:\n");
            foreach (var rs in group)
            {
                text.Append($"      {rs.Name}:\n");
                if (rs.Leader is not null) text.Append($"        leader: {rs.Leader}\n");
                text.Append("        instances:\n");
                foreach (var i in rs.Instances)
                    text.Append($"          {i.Name}:\n            iproto:\n              listen:\n                - uri: {i.Host}:{i.Port}\n");
            }
        }
        return text.ToString();
    }
}
