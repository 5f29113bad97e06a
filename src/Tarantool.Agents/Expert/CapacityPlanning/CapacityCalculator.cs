using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// The capacity plan from a request: workload → memory → instances → CPU → hosts → disk → growth and buckets.
/// Deterministic and pure, so the expert, the plugin and the tests all get the same plan.
/// </summary>
internal static class CapacityCalculator
{
    public static CapacityPlan Plan(ClusterRequest request, Language language)
    {
        var profile = EnvironmentProfile.For(request.Environment);
        var log = new FormulaLog();
        var workload = WorkloadResolver.Resolve(request, profile, language, log);
        var input = new PlanningInputs(request, profile, workload, language, log);
        AssumeSites(input);
        input = ShardPlanner.Choose(input);

        var memory = MemoryPlanner.Plan(input);
        var instances = InstancePlanner.Plan(input);
        var cpu = CpuPlanner.Plan(input, memory.Engine, instances.InstancesPerReplicaset);
        var disk = DiskPlanner.Plan(input, memory, instances.InstancesPerReplicaset);
        var hosts = Hosts(input, memory, cpu, disk, instances);
        var growth = GrowthPlanner.Project(input, memory);
        var buckets = GrowthPlanner.BucketCount(input, growth[^1].ShardsNeeded);
        AssumeRulesOfThumb(input, memory.Engine);

        return new CapacityPlan
        {
            Engine = memory.Engine,
            DataSizeGb = workload.DataSizeGb,
            ProjectedDataSizeGb = memory.ProjectedDataSizeGb,
            AverageRecordBytes = workload.AverageRecordBytes,
            ReadRps = workload.ReadRps,
            WriteRps = workload.WriteRps,
            GrowthPercentPerYear = workload.GrowthPercentPerYear,
            HorizonMonths = workload.HorizonMonths,
            StorageReplicasets = input.Shards,
            InstancesPerReplicaset = instances.InstancesPerReplicaset,
            Routers = instances.Routers,
            TotalInstances = instances.TotalInstances,
            Hosts = hosts,
            MemtxMemoryBytes = memory.MemtxBytes,
            MemtxCeilingBytes = MemtxCeilingBytes,
            SnapshotRecoverySeconds = CapacityWarnings.SnapshotRecoverySeconds(disk.SnapshotSizeGb),
            RouterMemtxMemoryBytes = memory.RouterMemtxBytes,
            VinylMemoryBytes = memory.VinylMemoryBytes,
            VinylCacheBytes = memory.VinylCacheBytes,
            RamPerStorageInstanceBytes = memory.RamPerStorageInstanceBytes,
            CpuPerStorageInstance = cpu.CpuPerStorageInstance,
            CpuPerRouter = instances.Routers > 0 ? cpu.CpuPerRouter : 0,
            DiskPerStorageInstanceGb = disk.DiskPerStorageInstanceGb,
            SnapshotSizeGb = disk.SnapshotSizeGb,
            SnapshotCount = disk.SnapshotCount,
            SnapshotIntervalSeconds = disk.SnapshotIntervalSeconds,
            WalSizeGb = disk.WalSizeGb,
            WalMode = disk.WalMode,
            WalIops = disk.WalIops,
            ReplicationBandwidthMbps = disk.ReplicationBandwidthMbps,
            BucketCount = buckets,
            Assumptions = log.Assumptions,
            Formulas = log.Formulas,
            Growth = growth,
            Warnings = [.. CapacityWarnings.For(input, memory, disk), .. ReplicaWarnings.For(input, instances)],
        };
    }

    private static int Hosts(PlanningInputs input, MemoryFigures memory, CpuFigures cpu, DiskFigures disk, InstanceFigures instances)
    {
        if (instances.TotalInstances == 1)
        {
            input.Log.Formula("hosts", "one instance on one host", "1");
            return 1;
        }

        var perHost = ReplicasetLayout.InstancesPerHost(input.Profile, memory.RamPerStorageInstanceBytes, cpu.CpuPerStorageInstance, disk.DiskPerStorageInstanceGb);
        input.Log.Formula("storageInstancesPerHost",
            $"max(1, min(⌊({Figures.Bytes(input.Profile.HostRamBytes)} − {Figures.Bytes(input.Profile.HostOsReserveBytes)} OS) / {Figures.Bytes(memory.RamPerStorageInstanceBytes)}⌋, ⌊{input.Profile.HostCpu} vCPU / {cpu.CpuPerStorageInstance}⌋, ⌊{Figures.Number(input.Profile.HostDiskGb, 0)} GB disk / {Figures.Number(disk.DiskPerStorageInstanceGb, 0)} GB⌋))",
            Figures.Integer(perHost));
        var sites = ReplicasetLayout.Sites(input.Request, input.Shards, instances.InstancesPerReplicaset, instances.Routers, instances.Stateboard, perHost);
        var hosts = sites.Sum(s => s.Hosts);
        input.Log.Formula("hosts",
            string.Join(" + ", sites.Select(s => $"site {s.Site + 1}: {s.Zones} zone(s) × {s.HostsPerZone} host(s)"))
            + (instances.Stateboard ? "; no two members of a replicaset share a host, routers share storage hosts, the stateboard has a host of its own"
                : instances.Routers > 0 ? "; no two members of a replicaset share a host, routers share storage hosts"
                : "; no two members of a replicaset share a host"),
            Figures.Integer(hosts));
        return hosts;
    }

    private static void AssumeSites(PlanningInputs input)
    {
        var request = input.Request;
        if (request.ClusterType != ClusterType.MultiRegion || request.Workload.Regions == input.Sites) return;
        input.Log.Assume("regions", Figures.Integer(input.Sites), request.Workload.Regions is null
            ? input.T(request.HaStrategy == HaStrategy.DistributedHa
                    ? "no number of regions was given; three let a quorum survive the loss of any one region"
                    : "no number of regions was given; two are the minimum for a multi-region cluster",
                request.HaStrategy == HaStrategy.DistributedHa
                    ? "число регионов не указано; три позволяют кворуму пережить потерю любого одного региона"
                    : "число регионов не указано; два — минимум для мультирегионального кластера")
            : input.T($"{request.Workload.Regions} regions were named; the plan uses between 2 and {ClusterShape.MaxSites}",
                $"указано регионов: {request.Workload.Regions}; план использует от 2 до {ClusterShape.MaxSites}"));
    }

    private static void AssumeRulesOfThumb(PlanningInputs input, StorageEngine engine)
    {
        var log = input.Log;
        log.Assume("indexOverhead", Figures.Number(IndexOverhead, 2),
            input.T("primary plus one or two secondary TREE indexes add about 30% to tuple data",
                "первичный и один-два вторичных TREE-индекса добавляют около 30% к данным кортежей"));
        log.Assume("allocatorFactor", Figures.Number(AllocatorFactor, 2),
            input.T("the memtx slab allocator rounds tuples up to size classes and fragments over time",
                "slab-аллокатор memtx округляет кортежи до классов размеров и со временем фрагментируется"));
        log.Assume("memoryHeadroom", Figures.Number(MemoryHeadroom, 2),
            input.T("spare arena for load spikes, long transactions and MVCC versions",
                "запас арены на всплески нагрузки, длинные транзакции и версии MVCC"));
        log.Assume("checkpointMemory", input.T("inside the arena", "внутри арены"),
            input.T("a memtx checkpoint writes a read view of the indexes without forking; the arena keeps the old versions of tuples written meanwhile, so no copy-on-write RAM is reserved outside it",
                "снимок memtx пишется из read view индексов без fork; старые версии кортежей, изменённых за это время, остаются в арене, поэтому RAM под copy-on-write вне арены не резервируется"));
        var ceilingSnapshotGb = MemtxCeilingBytes / GrowthPlanner.MemoryFactor / BytesPerGb;
        log.Assume("memtxCeilingPerInstance", Figures.Bytes(MemtxCeilingBytes),
            input.T($"restart reads the whole snapshot and a replica rejoin ships it: at the ceiling a snapshot holds about {Figures.Gb(ceilingSnapshotGb)} of tuples, read back in about {Durations.Text(CapacityWarnings.SnapshotRecoverySeconds(ceilingSnapshotGb), input.Language)} at {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} MB/s and shipped to a new replica in about {Durations.Text(ceilingSnapshotGb * 1000 / RecoveryRates.ReplicaJoinMBps, input.Language)}; above it recovery takes too long",
                $"рестарт читает весь снимок, а пересоздание реплики передаёт его по сети: на потолке снимок содержит около {Figures.Gb(ceilingSnapshotGb)} кортежей, которые читаются около {Durations.Text(CapacityWarnings.SnapshotRecoverySeconds(ceilingSnapshotGb), input.Language)} при {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} МБ/с и передаются новой реплике около {Durations.Text(ceilingSnapshotGb * 1000 / RecoveryRates.ReplicaJoinMBps, input.Language)}; выше восстановление слишком долгое"));
        log.Assume("txThreadBudgetRps", Figures.Integer(engine == StorageEngine.Vinyl ? TxBudgetVinylRps : TxBudgetMemtxRps),
            engine == StorageEngine.Vinyl
                ? input.T("a TX thread whose reads may wait on disk (vinyl)", "TX-поток, чьи чтения могут ждать диск (vinyl)")
                : input.T("one TX thread doing simple memtx CRUD over iproto, with room for Lua procedures",
                    "один TX-поток на простых CRUD-операциях memtx через iproto, с запасом на Lua-процедуры"));
        if (ClusterShape.UsesVshard(input.Request))
            log.Assume("routerBudgetRps", Figures.Integer(RouterBudgetRps),
                input.T("a vshard router forwards each call over net.box in one TX thread",
                    "vshard-роутер пересылает каждый вызов через net.box в одном TX-потоке"));
        log.Assume("checkpointIntervalSeconds", input.T("at least 3600 s", "не меньше 3600 с"),
            input.T("snapshot.by.interval is at least the Tarantool default of one hour, longer when writing a snapshot would keep the checkpoint daemon busy more than a tenth of the time; the WAL estimate, the backup plan and config.yaml use the same value",
                "snapshot.by.interval не меньше значения Tarantool по умолчанию (один час) и больше, если запись снимка заняла бы демон контрольных точек более чем на десятую часть времени; это же значение используют оценка WAL, план резервного копирования и config.yaml"));
        log.Assume("hostSize", $"{Figures.Bytes(input.Profile.HostRamBytes)} / {input.Profile.HostCpu} vCPU / {Figures.Number(input.Profile.HostDiskGb, 0)} GB",
            input.T("the host (VM or node) size instances are packed onto; a larger instance gets a host of its own, sized to fit",
                "размер хоста (ВМ или узла), на который упаковываются инстансы; более крупный инстанс получает отдельный хост по своему размеру"));
    }
}
