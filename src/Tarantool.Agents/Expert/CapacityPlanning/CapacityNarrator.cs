using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Explains a capacity plan: every decision with its reason, every assumption, every formula with its inputs
/// substituted, and the risks the numbers reveal (arena above the ceiling, leader above its CPU budget, too few
/// shards at the horizon).
/// </summary>
internal sealed class CapacityNarrator
{
    private static readonly Dictionary<string, NarrativeSection> FormulaSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dataSizeGb"] = CapacityPlanPhase.Workload,
        ["projectedDataSizeGb"] = CapacityPlanPhase.Memory,
        ["perShardDataGb"] = CapacityPlanPhase.Memory,
        ["memtxRequired"] = CapacityPlanPhase.Memory,
        ["engine"] = CapacityPlanPhase.Memory,
        ["memtx.memory"] = CapacityPlanPhase.Memory,
        ["checkpointReadView"] = CapacityPlanPhase.Memory,
        ["shardCount"] = CapacityPlanPhase.Sharding,
        ["snapshot.by.interval"] = CapacityPlanPhase.DiskAndWal,
        ["vinyl.memory"] = CapacityPlanPhase.Memory,
        ["vinyl.cache"] = CapacityPlanPhase.Memory,
        ["ramPerStorageInstance"] = CapacityPlanPhase.Memory,
        ["routerMemtxMemory"] = CapacityPlanPhase.Memory,
        ["instancesPerReplicaset"] = CapacityPlanPhase.InstancesAndHosts,
        ["routers"] = CapacityPlanPhase.InstancesAndHosts,
        ["totalInstances"] = CapacityPlanPhase.InstancesAndHosts,
        ["storageInstancesPerHost"] = CapacityPlanPhase.InstancesAndHosts,
        ["hosts"] = CapacityPlanPhase.InstancesAndHosts,
        ["leaderRps"] = CapacityPlanPhase.CpuAndNetwork,
        ["cpuPerStorageInstance"] = CapacityPlanPhase.CpuAndNetwork,
        ["cpuPerRouter"] = CapacityPlanPhase.CpuAndNetwork,
        ["replicationBandwidthMbps"] = CapacityPlanPhase.CpuAndNetwork,
        ["snapshotSizeGb"] = CapacityPlanPhase.DiskAndWal,
        ["walSizeGb"] = CapacityPlanPhase.DiskAndWal,
        ["diskPerStorageInstanceGb"] = CapacityPlanPhase.DiskAndWal,
        ["walIops"] = CapacityPlanPhase.DiskAndWal,
        ["bucketCount"] = CapacityPlanPhase.Sharding,
        ["shardsNeededAtHorizon"] = CapacityPlanPhase.Growth,
    };

    private readonly CapacityPlan _plan;
    private readonly ClusterRequest _request;
    private readonly NarrativeBuilder _md;
    private readonly EnvironmentProfile _profile;

    public CapacityNarrator(CapacityPlan plan, PhaseContext context)
    {
        _plan = plan;
        _request = context.Request;
        _md = new NarrativeBuilder(context.Language);
        _profile = EnvironmentProfile.For(_request.Environment);
    }

    public string Write()
    {
        _md.Title($"Capacity plan: {_request.ClusterName}", $"План мощностей: {_request.ClusterName}");
        Summary();
        Workload();
        Memory();
        InstancesAndHosts();
        CpuAndNetwork();
        DiskAndWal();
        Sharding();
        Growth();
        return _md.ToString();
    }

    private string T(string en, string ru) => _md.T(en, ru);

    private bool Vinyl => _plan.Engine == StorageEngine.Vinyl;

    private int ShardsAtHorizon => _plan.Growth.Count == 0 ? 1 : _plan.Growth[^1].ShardsNeeded;

    private void Summary()
    {
        _md.Section(CapacityPlanPhase.Summary);
        var stateboard = _plan.TotalInstances - _plan.StorageReplicasets * _plan.InstancesPerReplicaset - _plan.Routers;
        var shards = _plan.StorageReplicasets;
        var members = _plan.InstancesPerReplicaset;
        _md.Paragraph(
            $"The {EnumText.Kebab(_request.ClusterType)} cluster `{_request.ClusterName}` ({Env()}, Tarantool {_request.TarantoolVersion}) needs **{LanguageText.En(_plan.TotalInstances, "instance", "instances")} on {LanguageText.En(_plan.Hosts, "host", "hosts")}**: {LanguageText.En(shards, "storage replicaset", "storage replicasets")} × {LanguageText.En(members, "instance", "instances")}{(_plan.Routers > 0 ? " + " + LanguageText.En(_plan.Routers, "router", "routers") : "")}{(stateboard > 0 ? " + 1 stateboard" : "")}. The data ({Units.Gb(_plan.DataSizeGb)} today, {Units.Gb(_plan.ProjectedDataSizeGb)} after {_plan.HorizonMonths} months) is kept in **{EngineName()}**.",
            $"Кластеру `{_request.ClusterName}` типа {EnumText.Kebab(_request.ClusterType)} ({Env()}, Tarantool {_request.TarantoolVersion}) нужно **{LanguageText.Ru(_plan.TotalInstances, "инстанс", "инстанса", "инстансов")} на {LanguageText.Ru(_plan.Hosts, "хосте", "хостах", "хостах")}**: {LanguageText.Ru(shards, "набор реплик", "набора реплик", "наборов реплик")} хранения × {LanguageText.Ru(members, "инстанс", "инстанса", "инстансов")}{(_plan.Routers > 0 ? " + " + LanguageText.Ru(_plan.Routers, "роутер", "роутера", "роутеров") : "")}{(stateboard > 0 ? " + 1 stateboard" : "")}. Данные ({Units.Gb(_plan.DataSizeGb)} сегодня, {Units.Gb(_plan.ProjectedDataSizeGb)} через {_plan.HorizonMonths} мес.) хранятся в движке **{EngineName()}**.");

        _md.Table(
            [T("Setting", "Параметр"), T("Value", "Значение")],
            new List<IReadOnlyList<string>>
            {
                new[] { "`memtx.memory`", $"`{Figures.Bytes(_plan.MemtxMemoryBytes)}` ({Figures.Integer(_plan.MemtxMemoryBytes)} B)" },
                new[] { T("RAM per storage instance", "RAM на инстанс хранения"), $"`{Figures.Bytes(_plan.RamPerStorageInstanceBytes)}`" },
                new[] { T("vCPU per storage instance / router", "vCPU на инстанс хранения / роутер"), $"`{_plan.CpuPerStorageInstance}` / `{_plan.CpuPerRouter}`" },
                new[] { T("Disk per storage instance", "Диск на инстанс хранения"), $"`{Units.Gb(_plan.DiskPerStorageInstanceGb)}`" },
                new[] { "`wal.mode` / `snapshot.count`", $"`{_plan.WalMode}` / `{_plan.SnapshotCount}`" },
                new[] { "`sharding.bucket_count`", _plan.BucketCount > 0 ? $"`{_plan.BucketCount}`" : T("not sharded", "без шардирования") },
            });

        // The plan's warnings come first and verbatim: the same text reaches bundle.json and the terminal summary.
        if (_plan.Warnings.Count > 0)
        {
            _md.Paragraph("**Warnings:**", "**Предупреждения:**");
            _md.Bullets([.. _plan.Warnings.Select(w => w.Message)]);
        }

        var risks = Risks().ToList();
        if (risks.Count == 0 && _plan.Warnings.Count == 0)
            _md.Paragraph("No figure is near a limit: the arena, the leader's CPU and the hosts all keep their headroom over the horizon.",
                "Ни один показатель не подходит к пределу: арена, CPU лидера и хосты сохраняют запас на всём горизонте.");
        else if (risks.Count > 0)
        {
            _md.Paragraph("What to watch:", "На что обратить внимание:");
            _md.Bullets(risks);
        }
    }

    private IEnumerable<string> Risks()
    {
        if (_request.Workload.Engine == StorageEngine.Memtx && _plan.MemtxMemoryBytes > VinylThresholdBytes)
            yield return T(
                $"memtx was asked for although each instance needs {Figures.Bytes(_plan.MemtxMemoryBytes)} of RAM; more shards or vinyl for cold data would be cheaper.",
                $"запрошен memtx, хотя каждому инстансу нужно {Figures.Bytes(_plan.MemtxMemoryBytes)} RAM; больше шардов или vinyl для холодных данных обойдутся дешевле.");
        var leader = LeaderRps();
        var budget = Vinyl ? TxBudgetVinylRps : TxBudgetMemtxRps;
        if (leader > budget)
            yield return T(
                $"each writable instance serves about {Units.Rps(leader)}, above the {Units.Rps(budget)} planned for one TX thread: read from replicas ({(_plan.BucketCount > 0 ? "`vshard.router.callbro`/`callre`" : "send read-only requests to the replicas' URIs")}) or add shards.",
                $"каждый пишущий инстанс обслуживает около {Units.Rps(leader)}, больше плановых {Units.Rps(budget)} на один TX-поток: читайте с реплик ({(_plan.BucketCount > 0 ? "`vshard.router.callbro`/`callre`" : "направляйте запросы только на чтение на адреса реплик")}) или добавьте шарды.");
        if (_plan.RamPerStorageInstanceBytes > _profile.HostRamBytes - _profile.HostOsReserveBytes)
            yield return T(
                $"one storage instance needs {Figures.Bytes(_plan.RamPerStorageInstanceBytes)} of RAM, more than a standard {Figures.Bytes(_profile.HostRamBytes)} host: each gets a dedicated host with at least {Figures.Bytes(_plan.RamPerStorageInstanceBytes + _profile.HostOsReserveBytes)}.",
                $"одному инстансу хранения нужно {Figures.Bytes(_plan.RamPerStorageInstanceBytes)} RAM — больше стандартного хоста на {Figures.Bytes(_profile.HostRamBytes)}: каждому нужен отдельный хост не меньше {Figures.Bytes(_plan.RamPerStorageInstanceBytes + _profile.HostOsReserveBytes)}.");
        if (_plan.DiskPerStorageInstanceGb > _profile.HostDiskGb)
            yield return T(
                $"one storage instance needs {Units.Gb(_plan.DiskPerStorageInstanceGb)} of disk, more than the {Figures.Number(_profile.HostDiskGb, 0)} GB of local disk planned per host: more shards make the instances smaller; otherwise each needs a dedicated host with that much fast disk.",
                $"одному инстансу хранения нужно {Units.Gb(_plan.DiskPerStorageInstanceGb)} диска — больше запланированных {Figures.Number(_profile.HostDiskGb, 0)} GB локального диска на хост: больше шардов уменьшат инстансы, иначе каждому нужен отдельный хост с таким объёмом быстрого диска.");
        if (ShardsAtHorizon > _plan.StorageReplicasets && (Vinyl || _plan.MemtxMemoryBytes <= MemtxCeilingBytes))
            yield return Vinyl
                ? T($"by month {_plan.HorizonMonths} the data calls for {ShardsAtHorizon} shards while {_plan.StorageReplicasets} are planned; schedule the scale-out before compaction falls behind and the disks fill.",
                    $"к {_plan.HorizonMonths}-му месяцу данным нужно {Shards(ShardsAtHorizon)}, а запланировано {_plan.StorageReplicasets}; запланируйте расширение, пока компакция успевает и диски не заполнены.")
                : T($"by month {_plan.HorizonMonths} the data calls for {ShardsAtHorizon} shards while {_plan.StorageReplicasets} are planned; schedule the scale-out before the arena fills.",
                    $"к {_plan.HorizonMonths}-му месяцу данным нужно {Shards(ShardsAtHorizon)}, а запланировано {_plan.StorageReplicasets}; запланируйте расширение до заполнения арены.");
    }

    private void Workload()
    {
        _md.Section(CapacityPlanPhase.Workload);
        _md.Paragraph(
            "Figures the request gave are used as given; every other figure is an assumption stated below with its reason, so it can be challenged and replaced.",
            "Показатели из запроса используются как есть; каждый остальной показатель — допущение, указанное ниже вместе с причиной, чтобы его можно было оспорить и заменить.");
        _md.Table(
            [T("Figure", "Показатель"), T("Value", "Значение"), T("Source", "Источник")],
            new List<IReadOnlyList<string>>
            {
                Row("dataSizeGb", Units.Gb(_plan.DataSizeGb)),
                Row("averageRecordBytes", $"{Figures.Number(_plan.AverageRecordBytes, 0)} B"),
                Row("readRps", Units.Rps(_plan.ReadRps)),
                Row("writeRps", Units.Rps(_plan.WriteRps)),
                Row("growthPercentPerYear", $"{Figures.Number(_plan.GrowthPercentPerYear, 1)}%"),
                Row("horizonMonths", $"{_plan.HorizonMonths}"),
            });
        if (_plan.Assumptions.Count > 0)
        {
            _md.Subsection("Assumptions", "Допущения");
            _md.Table([T("Name", "Имя"), T("Value", "Значение"), T("Reason", "Причина")],
                _plan.Assumptions.Select(a => (IReadOnlyList<string>)[$"`{a.Name}`", $"`{a.Value}`", a.Reason]));
        }

        Formulas(CapacityPlanPhase.Workload);
    }

    private IReadOnlyList<string> Row(string name, string value)
    {
        var assumed = _plan.Assumptions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        var source = assumed is null ? T("given", "указано в запросе") : T("assumed (see below)", "допущение (см. ниже)");
        return [$"`{name}`", $"`{value}`", source];
    }

    private void Memory()
    {
        _md.Section(CapacityPlanPhase.Memory);
        if (Vinyl)
            _md.Paragraph(
                $"The data lives in **vinyl** (an LSM tree on disk). `memtx.memory` stays at {Figures.Bytes(_plan.MemtxMemoryBytes)} for system and small reference spaces; `vinyl.memory` ({Figures.Bytes(_plan.VinylMemoryBytes)}) is the in-memory level that absorbs about {VinylL0Seconds / 60} minutes of writes between dumps, and `vinyl.cache` ({Figures.Bytes(_plan.VinylCacheBytes)}) keeps the hot {Figures.Number(VinylCacheShare * 100, 0)}% of the shard's data in RAM.",
                $"Данные хранятся в **vinyl** (LSM-дерево на диске). `memtx.memory` остаётся {Figures.Bytes(_plan.MemtxMemoryBytes)} для системных и небольших справочных спейсов; `vinyl.memory` ({Figures.Bytes(_plan.VinylMemoryBytes)}) — уровень в памяти, который принимает около {VinylL0Seconds / 60} минут записей между сбросами на диск, а `vinyl.cache` ({Figures.Bytes(_plan.VinylCacheBytes)}) держит в RAM горячие {Figures.Number(VinylCacheShare * 100, 0)}% данных шарда.");
        else
            _md.Paragraph(
                $"memtx keeps every tuple and index in RAM, so the arena is sized for the data each storage instance holds **at the end of the horizon**, not today: per-shard data × (1 + {Figures.Number(IndexOverhead * 100, 0)}% indexes) × {Figures.Number(AllocatorFactor, 2)} allocator and fragmentation × {Figures.Number(MemoryHeadroom, 2)} headroom, rounded up to 256 MiB. When the arena fills, writes fail with `ER_MEMORY_ISSUE`, so it must never be tight.",
                $"memtx держит все кортежи и индексы в RAM, поэтому арена рассчитана на данные, которые инстанс хранения будет держать **в конце горизонта**, а не сегодня: данные шарда × (1 + {Figures.Number(IndexOverhead * 100, 0)}% на индексы) × {Figures.Number(AllocatorFactor, 2)} на аллокатор и фрагментацию × {Figures.Number(MemoryHeadroom, 2)} запаса, с округлением вверх до 256 MiB. Когда арена заполняется, запись падает с `ER_MEMORY_ISSUE`, поэтому впритык её задавать нельзя.");
        _md.Paragraph(
            $"A memtx checkpoint does not fork: it writes a read view of the indexes from inside the arena, and tuples replaced or deleted meanwhile stay allocated until the snapshot is written, so the arena includes room for them and no copy-on-write RAM is reserved outside it. The host gives each storage instance the arena plus {(Vinyl ? "vinyl.memory and vinyl.cache and " : "")}{Figures.Bytes(RuntimeReserveBytes)} for the Lua heap, fibers and network buffers: **{Figures.Bytes(_plan.RamPerStorageInstanceBytes)} per storage instance**.{(_plan.Routers > 0 ? $" Routers hold no user data; `memtx.memory` of {Figures.Bytes(_plan.RouterMemtxMemoryBytes)} covers the bucket map and buffers." : "")}",
            $"Снимок memtx пишется без fork: из read view индексов внутри арены, а кортежи, заменённые или удалённые за это время, остаются в памяти до конца записи снимка, поэтому место под них заложено в арену, и RAM под copy-on-write вне арены не резервируется. Хост даёт инстансу хранения арену, {(Vinyl ? "vinyl.memory и vinyl.cache, " : "")}и ещё {Figures.Bytes(RuntimeReserveBytes)} на Lua-кучу, файберы и сетевые буферы: **{Figures.Bytes(_plan.RamPerStorageInstanceBytes)} на инстанс хранения**.{(_plan.Routers > 0 ? $" Роутеры не хранят пользовательских данных; `memtx.memory` в {Figures.Bytes(_plan.RouterMemtxMemoryBytes)} хватает на карту бакетов и буферы." : "")}");
        var snapshotLoad = Durations.Text(_plan.SnapshotRecoverySeconds, _md.Language);
        if (!Vinyl)
            _md.Paragraph(
                $"The arena of a storage instance stays within a ceiling of **{Figures.Bytes(_plan.MemtxCeilingBytes)}**: a restart reads the whole snapshot back and rebuilds the indexes, and a new replica receives the whole snapshot over the network, so a bigger arena means a longer outage and a longer window without a spare. This plan's arena is {Figures.Bytes(_plan.MemtxMemoryBytes)} ({(_plan.MemtxMemoryBytes <= _plan.MemtxCeilingBytes ? "within the ceiling" : "**above the ceiling**, see the warnings")}); its {Units.Gb(_plan.SnapshotSizeGb)} snapshot loads in about {snapshotLoad} at {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} MB/s.",
                $"Арена инстанса хранения не превышает потолка **{Figures.Bytes(_plan.MemtxCeilingBytes)}**: рестарт читает весь снимок и перестраивает индексы, а новая реплика получает весь снимок по сети, поэтому чем больше арена, тем дольше простой и тем дольше кластер без запасной реплики. Арена в этом плане — {Figures.Bytes(_plan.MemtxMemoryBytes)} ({(_plan.MemtxMemoryBytes <= _plan.MemtxCeilingBytes ? "в пределах потолка" : "**выше потолка**, см. предупреждения")}); её снимок {Units.Gb(_plan.SnapshotSizeGb)} загружается около {snapshotLoad} при {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} МБ/с.");
        Formulas(CapacityPlanPhase.Memory);
        if (_request.IsDeclarativeConfig)
            _md.Code("yaml", Vinyl
                ? $"memtx:\n  memory: {_plan.MemtxMemoryBytes}\nvinyl:\n  memory: {_plan.VinylMemoryBytes}\n  cache: {_plan.VinylCacheBytes}"
                : $"memtx:\n  memory: {_plan.MemtxMemoryBytes}");
        else
            _md.Code("lua", Vinyl
                ? $"box.cfg{{\n    memtx_memory = {_plan.MemtxMemoryBytes},\n    vinyl_memory = {_plan.VinylMemoryBytes},\n    vinyl_cache = {_plan.VinylCacheBytes},\n}}"
                : $"box.cfg{{\n    memtx_memory = {_plan.MemtxMemoryBytes},\n}}");
    }

    private void InstancesAndHosts()
    {
        _md.Section(CapacityPlanPhase.InstancesAndHosts);
        if (_request.ClusterType == ClusterType.SingleInstance)
            _md.Paragraph(
                "A single instance has no replica: a host failure means downtime until the instance is restored from its snapshot and WAL or from a backup. That is acceptable only where the data can be rebuilt or downtime is tolerated.",
                "У одиночного инстанса нет реплики: отказ хоста означает простой до восстановления из снимка и WAL или из резервной копии. Это допустимо, только если данные можно пересоздать или простой терпим.");
        else
            _md.Paragraph(Members());

        if (_plan.Routers > 0)
            _md.Paragraph(
                $"Routers are stateless: {_plan.Routers} of them carry {Units.Rps(_plan.ReadRps + _plan.WriteRps)} at no more than {Units.Rps(RouterBudgetRps)} each, and losing one only moves its clients to the others. A router's memory and CPU are small, so routers share hosts with storages, but never run inside a storage process.",
                $"Роутеры не хранят состояние: {_plan.Routers} шт. несут {Units.Rps(_plan.ReadRps + _plan.WriteRps)} при плановых не более {Units.Rps(RouterBudgetRps)} на каждый, а потеря одного лишь переводит его клиентов на остальные. Памяти и CPU роутеру нужно мало, поэтому роутеры делят хосты с хранилищами, но никогда не работают внутри процесса хранения.");
        _md.Paragraph(
            $"Hosts: no two members of one replicaset share a host (a host failure costs each replicaset at most one member), members are spread over zones, and a host carries as many storage instances as its RAM ({Figures.Bytes(_profile.HostRamBytes)} less {Figures.Bytes(_profile.HostOsReserveBytes)} for the OS), vCPUs ({_profile.HostCpu}) and local disk ({Figures.Number(_profile.HostDiskGb, 0)} GB) allow. That gives **{_plan.Hosts} hosts**.",
            $"Хосты: никакие два участника одного набора реплик не делят хост (отказ хоста отнимает у набора не больше одного участника), участники разнесены по зонам, а на хосте работает столько инстансов хранения, сколько позволяют его RAM ({Figures.Bytes(_profile.HostRamBytes)} минус {Figures.Bytes(_profile.HostOsReserveBytes)} на ОС), vCPU ({_profile.HostCpu}) и локальный диск ({Figures.Number(_profile.HostDiskGb, 0)} GB). Получается **{LanguageText.Ru(_plan.Hosts, "хост", "хоста", "хостов")}**.");
        Formulas(CapacityPlanPhase.InstancesAndHosts);
    }

    private string Members()
    {
        var n = _plan.InstancesPerReplicaset;
        if (ClusterShape.IsTrueMasterMaster(_request))
            return T($"Each replicaset has {n} masters that all accept writes (master-master); every master holds the whole data set.",
                $"В каждом наборе реплик {LanguageText.Ru(n, "мастер", "мастера", "мастеров")}, и все принимают запись (master-master); каждый мастер хранит весь набор данных.");
        if (ClusterShape.UsesElection(_request) && n != 3)
        {
            // Any other count: say how many members may be down while a leader can still be elected.
            var quorum = n / 2 + 1;
            var spare = n - quorum;
            return spare == 0
                ? T($"Each storage replicaset has {n} member(s): a leader elected by Raft{(n > 1 ? $" and {n - 1} replica" : "")}. Election needs a majority (quorum {quorum} of {n}), so no member may be down: a lost member stops elections and synchronous writes until it returns (see the warnings).",
                    $"В каждом наборе реплик хранения {LanguageText.Ru(n, "участник", "участника", "участников")}: лидер, выбранный по Raft{(n > 1 ? $", и {LanguageText.Ru(n - 1, "реплика", "реплики", "реплик")}" : "")}. Выборам нужно большинство (кворум {quorum} из {n}), поэтому ни один участник не может выпасть: потеря участника останавливает выборы и синхронную запись до его возвращения (см. предупреждения).")
                : T($"Each storage replicaset has {n} members: a leader elected by Raft and {n - 1} replicas. Election needs a majority (quorum {quorum} of {n}), so a leader is still elected and synchronous writes still confirm while up to {spare} member(s) are down.",
                    $"В каждом наборе реплик хранения {LanguageText.Ru(n, "участник", "участника", "участников")}: лидер, выбранный по Raft, и {LanguageText.Ru(n - 1, "реплика", "реплики", "реплик")}. Выборам нужно большинство (кворум {quorum} из {n}), поэтому лидер выбирается и синхронная запись подтверждается, пока выпало не больше {LanguageText.Ru(spare, "участника", "участников", "участников")}.");
        }

        if (ClusterShape.UsesElection(_request))
            return T($"Each storage replicaset has {n} members: a leader elected by Raft and {n - 1} replicas. Election needs a majority (quorum {n / 2 + 1} of {n}), so three members are the least that survive a failure; in production a third member also covers a second failure during maintenance.",
                $"В каждом наборе реплик хранения {LanguageText.Ru(n, "участник", "участника", "участников")}: лидер, выбранный по Raft, и {LanguageText.Ru(n - 1, "реплика", "реплики", "реплик")}. Выборам нужно большинство (кворум {n / 2 + 1} из {n}), поэтому три участника — минимум, переживающий отказ; в проде третий участник прикрывает и второй отказ во время обслуживания.");
        return T($"Each storage replicaset has {n} members: a leader and {n - 1} replica(s) that take over when an operator (or the failover coordinator) switches the leader.",
            $"В каждом наборе реплик хранения {LanguageText.Ru(n, "участник", "участника", "участников")}: лидер и {LanguageText.Ru(n - 1, "реплика", "реплики", "реплик")}, которые принимают роль лидера, когда оператор (или координатор отказоустойчивости) переключает лидера.");
    }

    private void CpuAndNetwork()
    {
        _md.Section(CapacityPlanPhase.CpuAndNetwork);
        var leader = LeaderRps();
        var budget = Vinyl ? TxBudgetVinylRps : TxBudgetMemtxRps;
        _md.Paragraph(
            $"Tarantool executes every transaction in one TX thread, so one core is the ceiling of an instance's throughput; the WAL writer, iproto network threads and relays to replicas need a second. The busiest writable instance serves about **{Units.Rps(leader)}** against a budget of {Units.Rps(budget)} per TX thread ({(leader <= budget ? T("within budget", "в пределах бюджета") : T("over budget", "выше бюджета"))}).",
            $"Tarantool выполняет все транзакции в одном TX-потоке, поэтому одно ядро — потолок пропускной способности инстанса; WAL-писателю, сетевым потокам iproto и релеям к репликам нужно второе. Самый нагруженный пишущий инстанс обслуживает около **{Units.Rps(leader)}** при бюджете {Units.Rps(budget)} на TX-поток ({(leader <= budget ? "в пределах бюджета" : "выше бюджета")}).");
        if (_plan.InstancesPerReplicaset > 1)
            _md.Paragraph(
                $"Each leader streams its WAL to {_plan.InstancesPerReplicaset - 1} replica(s): about **{Figures.Number(_plan.ReplicationBandwidthMbps, 2)} Mbit/s** at peak. A replica rejoin ships a whole snapshot ({Units.Gb(_plan.SnapshotSizeGb)}) on top of that, so keep the links well above the steady figure.",
                $"Каждый лидер передаёт WAL {LanguageText.Ru(_plan.InstancesPerReplicaset - 1, "реплике", "репликам", "репликам")}: около **{Figures.Number(_plan.ReplicationBandwidthMbps, 2)} Мбит/с** в пике. Пересоздание реплики добавляет к этому передачу целого снимка ({Units.Gb(_plan.SnapshotSizeGb)}), поэтому каналы должны быть с большим запасом над постоянной нагрузкой.");
        Formulas(CapacityPlanPhase.CpuAndNetwork);
    }

    private void DiskAndWal()
    {
        _md.Section(CapacityPlanPhase.DiskAndWal);
        _md.Paragraph(_plan.WalMode == "fsync"
            ? T($"`wal.mode: fsync`: a commit is acknowledged only after the WAL is flushed to the device, so a host crash or power loss loses nothing that a client saw confirmed. The price is a synced write per WAL batch (about {Figures.Integer(_plan.WalIops)} IOPS at peak): use SSD/NVMe with power-loss protection.",
                $"`wal.mode: fsync`: коммит подтверждается только после сброса WAL на устройство, поэтому падение хоста или отключение питания не теряет ничего, что клиент видел подтверждённым. Цена — синхронная запись на каждую пачку WAL (около {Figures.Integer(_plan.WalIops)} IOPS в пике): нужны SSD/NVMe с защитой от потери питания.")
            : T($"`wal.mode: write`: the WAL goes to the page cache and the OS flushes it; a Tarantool crash loses nothing, only an OS crash or power loss can lose the last moments of writes. That is acceptable in {Env()} and spares the disk (about {Figures.Integer(_plan.WalIops)} IOPS).",
                $"`wal.mode: write`: WAL пишется в page cache, а сбрасывает его ОС; падение Tarantool ничего не теряет, потерять последние мгновения записей можно только при падении ОС или отключении питания. Для окружения {Env()} это допустимо и бережёт диск (около {Figures.Integer(_plan.WalIops)} IOPS)."));
        _md.Paragraph(_plan.SnapshotCount >= 3
            ? T($"`snapshot.count: {_plan.SnapshotCount}` keeps the two previous checkpoints and their WAL on the host: a damaged newest snapshot or an operator's mistake can be rolled back locally without waiting for the remote backup.",
                $"`snapshot.count: {_plan.SnapshotCount}` хранит на хосте два предыдущих снимка и их WAL: повреждённый последний снимок или ошибку оператора можно откатить локально, не дожидаясь удалённой резервной копии.")
            : T($"`snapshot.count: {_plan.SnapshotCount}` (the Tarantool default) keeps the newest checkpoint and one fallback; older points in time come from backups.",
                $"`snapshot.count: {_plan.SnapshotCount}` (значение Tarantool по умолчанию) хранит последний снимок и один запасной; более ранние точки — из резервных копий."));
        _md.Paragraph(
            $"The disk holds {_plan.SnapshotCount} snapshots plus one being written, the WAL they still need ({Units.Gb(_plan.WalSizeGb)} at a checkpoint every {Durations.Text(_plan.SnapshotIntervalSeconds, Language.En)}, `snapshot.by.interval: {_plan.SnapshotIntervalSeconds}`){(Vinyl ? ", vinyl runs with compaction space" : "")}, a staging copy for backups and {Figures.Number((DiskHeadroom - 1) * 100, 0)}% free space: **{Units.Gb(_plan.DiskPerStorageInstanceGb)} per storage instance**. Keep WAL and snapshots on the same fast local volume; network volumes add latency to every commit.",
            $"На диске лежат снимки ({_plan.SnapshotCount}) и ещё один в процессе записи, нужный им WAL ({Units.Gb(_plan.WalSizeGb)} при снимке раз в {Durations.Text(_plan.SnapshotIntervalSeconds, Language.Ru)}, `snapshot.by.interval: {_plan.SnapshotIntervalSeconds}`){(Vinyl ? ", файлы vinyl с местом под компакцию" : "")}, промежуточная копия для резервного копирования и {Figures.Number((DiskHeadroom - 1) * 100, 0)}% свободного места: **{Units.Gb(_plan.DiskPerStorageInstanceGb)} на инстанс хранения**. Держите WAL и снимки на одном быстром локальном томе: сетевые тома добавляют задержку к каждому коммиту.");
        Formulas(CapacityPlanPhase.DiskAndWal);
        _md.Code(_request.IsDeclarativeConfig ? "yaml" : "lua", _request.IsDeclarativeConfig
            ? $"wal:\n  mode: {_plan.WalMode}\nsnapshot:\n  count: {_plan.SnapshotCount}\n  by:\n    interval: {_plan.SnapshotIntervalSeconds}"
            : $"box.cfg{{\n    wal_mode = '{_plan.WalMode}',\n    checkpoint_count = {_plan.SnapshotCount},\n    checkpoint_interval = {_plan.SnapshotIntervalSeconds},\n}}");
    }

    private void Sharding()
    {
        _md.Section(CapacityPlanPhase.Sharding);
        if (_plan.BucketCount <= 0)
        {
            _md.Paragraph(ShardsAtHorizon > 1
                ? T($"The cluster is not sharded: one replicaset holds all data. By month {_plan.HorizonMonths} the data needs {ShardsAtHorizon} shards to stay under the {Figures.Bytes(_plan.MemtxCeilingBytes)} arena ceiling, so plan a move to vshard (a sharded cluster) before then; moving later means a data migration.",
                    $"Кластер не шардирован: все данные в одном наборе реплик. К {_plan.HorizonMonths}-му месяцу данным нужно {Shards(ShardsAtHorizon)}, чтобы арена осталась ниже {Figures.Bytes(_plan.MemtxCeilingBytes)}, поэтому переход на vshard (шардированный кластер) нужно запланировать заранее; позже это будет миграция данных.")
                : T("The cluster is not sharded: one replicaset holds all data, and the growth projection shows one shard is enough over the whole horizon. `sharding.bucket_count` does not apply.",
                    "Кластер не шардирован: все данные в одном наборе реплик, и прогноз роста показывает, что одного шарда хватает на весь горизонт. `sharding.bucket_count` не применяется."));
            return;
        }

        var computed = ClusterShape.ShardCountIsComputed(_request);
        _md.Paragraph(computed
                ? T($"No shard count was given, so the plan computed it: **{LanguageText.En(_plan.StorageReplicasets, "shard", "shards")}**, the fewest (never below the default {ClusterRequest.DefaultShardCount}) that keep every storage instance within the ceiling at month {_plan.HorizonMonths}. Pass --shard-count to fix another count.",
                    $"Число шардов не указано, поэтому план вычислил его: **{Shards(_plan.StorageReplicasets)}** — наименьшее число (не меньше {ClusterRequest.DefaultShardCount} по умолчанию), при котором каждый инстанс хранения остаётся в пределах потолка к {_plan.HorizonMonths}-му месяцу. Другое число задаётся через --shard-count.")
                : T($"The shard count is the one requested: **{LanguageText.En(_plan.StorageReplicasets, "shard", "shards")}**.",
                    $"Число шардов — указанное в запросе: **{Shards(_plan.StorageReplicasets)}**."));
        _md.Paragraph(
            $"vshard maps every key to one of **{Figures.Integer(_plan.BucketCount)} buckets** and moves whole buckets between replicasets. The bucket count is fixed when the cluster is bootstrapped and cannot be changed later, so it is sized for the largest cluster foreseen: {BucketsPerReplicaset} buckets per replicaset at {ScaleOutFactor}× today's {_plan.StorageReplicasets} replicaset(s) (or at the {ShardsAtHorizon} the growth needs, whichever is more), and never below vshard's default of {MinimumBucketCount}. Many small buckets rebalance evenly and quickly; each one costs only a row in `_bucket`.",
            $"vshard отображает каждый ключ на один из **{Figures.Integer(_plan.BucketCount)} бакетов** и переносит между наборами реплик бакеты целиком. Число бакетов задаётся при первом запуске кластера и потом не меняется, поэтому оно рассчитано на самый большой кластер в перспективе: {BucketsPerReplicaset} бакетов на набор реплик при {ScaleOutFactor}-кратном росте от текущих {_plan.StorageReplicasets} (или при {ShardsAtHorizon}, которые нужны по прогнозу, если это больше), и не меньше значения vshard по умолчанию {MinimumBucketCount}. Много мелких бакетов перебалансируются равномерно и быстро; каждый стоит лишь строки в `_bucket`.");
        Formulas(CapacityPlanPhase.Sharding);
        _md.Code(_request.IsDeclarativeConfig ? "yaml" : "lua", _request.IsDeclarativeConfig
            ? $"sharding:\n  bucket_count: {_plan.BucketCount}"
            : $"vshard_cfg.bucket_count = {_plan.BucketCount}");
    }

    private void Growth()
    {
        _md.Section(CapacityPlanPhase.Growth);
        _md.Paragraph(
            $"The data grows {Figures.Number(_plan.GrowthPercentPerYear, 1)}% a year, compounded. \"Shards needed\" is the least number of storage replicasets that keeps the arena per instance under {Figures.Bytes(_plan.MemtxCeilingBytes)}{(Vinyl ? $" (for vinyl: {Figures.Number(VinylDataCeilingGb, 0)} GB of data per instance)" : "")}; the memtx column is the arena each instance needs with the planned {_plan.StorageReplicasets} replicaset(s).",
            $"Данные растут на {Figures.Number(_plan.GrowthPercentPerYear, 1)}% в год со сложным процентом. «Нужно шардов» — наименьшее число наборов реплик хранения, при котором арена на инстанс остаётся ниже {Figures.Bytes(_plan.MemtxCeilingBytes)}{(Vinyl ? $" (для vinyl — {Figures.Number(VinylDataCeilingGb, 0)} GB данных на инстанс)" : "")}; столбец memtx — арена, нужная каждому инстансу при запланированном числе наборов реплик ({_plan.StorageReplicasets}).");
        _md.Table(
            [T("Month", "Месяц"), T("Data", "Данные"), T("Shards needed", "Нужно шардов"), T("memtx per instance", "memtx на инстанс")],
            _plan.Growth.Select(p => (IReadOnlyList<string>)[$"{p.Month}", Units.Gb(p.DataSizeGb), $"{p.ShardsNeeded}", Figures.Bytes(p.MemtxMemoryBytesPerInstance)]));
        var firstOver = _plan.Growth.FirstOrDefault(p => p.ShardsNeeded > _plan.StorageReplicasets);
        _md.Paragraph(firstOver is null
            ? T($"The planned {_plan.StorageReplicasets} replicaset(s) suffice over the whole horizon. Revisit the plan when the measured growth departs from the assumption.",
                $"Запланированного числа наборов реплик ({_plan.StorageReplicasets}) хватает на весь горизонт. Пересмотрите план, если измеренный рост разойдётся с допущением.")
            : firstOver.Month == 0
                ? T($"Already today the data needs {firstOver.ShardsNeeded} shards, and {ShardsAtHorizon} by month {_plan.HorizonMonths}: start with more replicasets (or larger hosts) rather than scaling out under load.",
                    $"Уже сегодня данным нужно {Shards(firstOver.ShardsNeeded)}, а к {_plan.HorizonMonths}-му месяцу — {ShardsAtHorizon}: лучше сразу начать с большего числа наборов реплик (или более крупных хостов), чем расширяться под нагрузкой.")
                : T($"From month {firstOver.Month} the data needs {firstOver.ShardsNeeded} shards: add replicasets (vshard rebalances buckets online) or grow the hosts before then.",
                    $"С {firstOver.Month}-го месяца данным нужно {Shards(firstOver.ShardsNeeded)}: добавьте наборы реплик (vshard перебалансирует бакеты без остановки) или увеличьте хосты заранее."));
        Formulas(CapacityPlanPhase.Growth);
        var other = _plan.Formulas.Where(f => !FormulaSections.ContainsKey(f.Name)).ToList();
        if (other.Count > 0)
            FormulaTable(other);
    }

    private void Formulas(NarrativeSection section)
    {
        var formulas = _plan.Formulas.Where(f => FormulaSections.TryGetValue(f.Name, out var s) && s == section).ToList();
        if (formulas.Count > 0) FormulaTable(formulas);
    }

    private void FormulaTable(IReadOnlyList<CapacityFormula> formulas) =>
        _md.Table([T("Formula", "Формула"), T("Substituted", "С подстановкой"), T("Result", "Результат")],
            formulas.Select(f => (IReadOnlyList<string>)[$"`{f.Name}`", $"`{f.Expression}`", $"`{f.Result}`"]));

    private int LeaderRps()
    {
        var writers = ClusterShape.IsTrueMasterMaster(_request) ? _plan.InstancesPerReplicaset : Math.Max(1, _plan.StorageReplicasets);
        return (int)Math.Ceiling((_plan.ReadRps + _plan.WriteRps) / (double)writers);
    }

    private static string Shards(long n) => LanguageText.Ru(n, "шард", "шарда", "шардов");

    private string Env() => WorkloadResolver.EnvironmentName(_request.Environment, _md.Language);

    private string EngineName() => Vinyl ? "vinyl" : "memtx";

}
