using System.Globalization;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>docs/scaling.md: today's capacity, vertical memtx growth, adding replicas, adding shards, the growth projection.</summary>
internal sealed class ScalingGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.ScalingFile, cluster.Language)
            .Section(GuideOutline.CapacityToday, Today)
            .Section(GuideOutline.Vertical, Vertical)
            .Section(GuideOutline.AddingReplicas, Replicas)
            .Section(GuideOutline.AddingShards, Shards)
            .Section(GuideOutline.Growth, Growth)
            .Build();

    private Phases.CapacityPlanning.CapacityPlan Capacity => cluster.Capacity;
    private string Gb(double value) => GuideFigures.Gb(value, cluster.Language);
    private string Bytes(long value) => GuideFigures.Bytes(value, cluster.Language);

    private void Today(SectionText s)
    {
        s.Table([s.T("Figure", "Показатель"), s.T("Value", "Значение")],
        [
            [s.T("Data today / at the horizon", "Данные сейчас / на горизонте"), $"{Gb(Capacity.DataSizeGb)} / {Gb(Capacity.ProjectedDataSizeGb)} ({Capacity.HorizonMonths} {s.T("months", "мес.")})"],
            [s.T("Storage replicasets × instances", "Репликасеты хранения × инстансы"), $"{Capacity.StorageReplicasets} × {Capacity.InstancesPerReplicaset}"],
            [s.T("Routers", "Роутеры"), Figures.Integer(Capacity.Routers)],
            [s.T("Instances / hosts", "Инстансы / хосты"), $"{Capacity.TotalInstances} / {Capacity.Hosts}"],
            ["`memtx.memory`", Bytes(Capacity.MemtxMemoryBytes)],
            [s.T("RAM per storage instance", "Память на инстанс хранения"), Bytes(Capacity.RamPerStorageInstanceBytes)],
            [s.T("Disk per storage instance", "Диск на инстанс хранения"), Gb(Capacity.DiskPerStorageInstanceGb)],
            [s.T("Peak load", "Пиковая нагрузка"), s.T($"{Capacity.ReadRps} reads/s, {Capacity.WriteRps} writes/s", $"{Capacity.ReadRps} чтений/с, {Capacity.WriteRps} записей/с")],
            [s.T("Engine", "Движок"), $"`{Capacity.Engine.ToString().ToLowerInvariant()}`"],
            ["`sharding.bucket_count`", Capacity.BucketCount > 0 ? Figures.Integer(Capacity.BucketCount) : "—"],
        ]);
        var used = Capacity.DataSizeGb / Capacity.StorageReplicasets;
        var memtxGb = Capacity.MemtxMemoryBytes / (1024d * 1024 * 1024);
        s.P($"Each storage replicaset holds about {Gb(used)} of data against {Gb(memtxGb)} of `memtx.memory`: {Figures.Number(100 * used / memtxGb, 0)} % used today. Act at 80 %: TarantoolMemtxArenaNearlyFull warns there, TarantoolMemtxArenaFull pages at 90 %.",
            $"Каждый репликасет хранения держит около {Gb(used)} данных при {Gb(memtxGb)} `memtx.memory`: сейчас занято {Figures.Number(100 * used / memtxGb, 0)} %. Действуйте при 80 %: там предупреждает TarantoolMemtxArenaNearlyFull, а при 90 % дежурного вызывает TarantoolMemtxArenaFull.");
    }

    private void Vertical(SectionText s)
    {
        var current = Capacity.MemtxMemoryBytes;
        var bigger = (long)(current * 1.5);
        var reserve = Capacity.RamPerStorageInstanceBytes - current;
        var limit = Capacity.RamPerStorageInstanceBytes;
        var biggerLimit = bigger + reserve;
        var leader = cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
        s.P($"The cheapest step is more memory per instance. `memtx.memory` can grow at runtime (never shrink), but the memory limit around the instance must grow first: the arena lives inside it, together with a runtime reserve of {Bytes(reserve)} (Lua, network buffers, the snapshot's read view overhead). Raising `memtx.memory` first lets the arena outgrow the limit, and the kernel's OOM killer ends the instance at the worst moment.",
            $"Самый дешёвый шаг — больше памяти на инстанс. `memtx.memory` можно увеличить на лету (но не уменьшить), однако сначала должен вырасти лимит памяти вокруг инстанса: арена живёт внутри него вместе с запасом на runtime {Bytes(reserve)} (Lua, сетевые буферы, накладные расходы read view снапшота). Если сначала увеличить `memtx.memory`, арена перерастёт лимит, и OOM killer ядра завершит инстанс в самый неудачный момент.");
        s.P($"Example: {Bytes(current)} → {Bytes(bigger)}; the limit goes from {Bytes(limit)} to at least {Bytes(biggerLimit)} first.",
            $"Пример: {Bytes(current)} → {Bytes(bigger)}; лимит сначала растёт с {Bytes(limit)} минимум до {Bytes(biggerLimit)}.");
        var mib = (biggerLimit + 1024 * 1024 - 1) / (1024 * 1024);
        if (cluster.OnKubernetes)
        {
            s.Steps(
            [
                s.T($"Raise the container memory (`resources.requests.memory` and `resources.limits.memory`) of the storage StatefulSets in `kubernetes/` to `{mib}Mi` and apply; check that the nodes have that much allocatable memory.", $"Увеличьте память контейнера (`resources.requests.memory` и `resources.limits.memory`) в StatefulSet хранения в `kubernetes/` до `{mib}Mi` и примените; проверьте, что на узлах столько памяти доступно для размещения."),
                s.T("The StatefulSets update `OnDelete`: recreate the pods one at a time with the rolling restart (replicas first, the leader after a switchover), and check each pod's new limit.", "StatefulSet обновляются `OnDelete`: пересоздайте поды по одному поэтапным перезапуском (сначала реплики, лидер после переключения) и проверьте новый лимит каждого пода."),
                s.T("Only then raise `memtx.memory` in `config.yaml`, copy it into the ConfigMap and reload.", "Только после этого увеличьте `memtx.memory` в `config.yaml`, перенесите в ConfigMap и перезагрузите конфигурацию."),
            ]);
            s.Bash($"kubectl apply -k kubernetes/\nNAMESPACE={_ops.Namespace} deploy/scripts/rolling-restart.sh\nkubectl get pod -n {_ops.Namespace} {leader} -o jsonpath='{{.spec.containers[0].resources.limits.memory}}'");
        }
        else
        {
            s.Steps(
            [
                s.T($"Give every storage host the RAM (resize the VM or add memory), then raise `MemoryMax=` of the instance unit to `{mib}M` (`systemctl edit`, or the unit template in `systemd/`) and `sudo systemctl daemon-reload`; `systemctl show -p MemoryMax` confirms it on each host.", $"Добавьте память каждому хосту хранения (измените размер ВМ или добавьте память), затем увеличьте `MemoryMax=` unit-файла инстанса до `{mib}M` (`systemctl edit` или шаблон unit в `systemd/`) и выполните `sudo systemctl daemon-reload`; `systemctl show -p MemoryMax` подтвердит значение на каждом хосте."),
                s.T("Only then raise `memtx.memory`.", "Только после этого увеличьте `memtx.memory`."),
            ]);
            s.Bash($"systemctl show -p MemoryMax {_ops.Unit(leader)}\nfree -b");
        }
        switch (cluster.Tooling)
        {
            case TarantoolTooling.DeclarativeConfig:
                s.P("Change `memtx.memory` in `config.yaml`, roll it out, reload every storage instance:", "Измените `memtx.memory` в `config.yaml`, разложите файл и перезагрузите конфигурацию на всех инстансах хранения:");
                s.Code("yaml", $"memtx:\n  memory: {bigger.ToString(CultureInfo.InvariantCulture)}");
                s.Bash((cluster.OnKubernetes ? "deploy/scripts/config-reload.sh" : _ops.OnEveryInstance("require('config'):reload()")) + "\n" + _ops.Lua(leader, "return box.cfg.memtx_memory"));
                break;
            default:
                s.P("Apply at runtime on each storage instance and change the instance file (or Cartridge's instance options) so a restart keeps it:", "Примените на лету на каждом инстансе хранения и измените файл инстанса (или параметры инстанса Cartridge), чтобы перезапуск сохранил значение:");
                s.Bash(_ops.Lua(leader, $"box.cfg{{memtx_memory = {bigger.ToString(CultureInfo.InvariantCulture)}}}\nreturn box.cfg.memtx_memory"));
                break;
        }
        s.P("Vertical growth ends where a snapshot takes too long or the host runs out of RAM; beyond about 256 GB per instance, recovery and rebootstrap times become hours: scale out instead.",
            "Вертикальный рост упирается в длительность снапшота и в память хоста; свыше примерно 256 ГБ на инстанс восстановление и rebootstrap занимают часы — масштабируйтесь горизонтально.");
    }

    private void Replicas(SectionText s)
    {
        var main = cluster.MainReplicaset;
        s.P($"Replicas add read capacity and redundancy, not write capacity: every write still goes through the leader. Add one when reads exceed what the replicas serve ({Capacity.ReadRps} reads/s at peak today) or when a zone needs a local copy. The next replica of `{main.Name}` is `{main.Name}-{main.Instances.Count + 1}`; the procedure is in operations.md.",
            $"Реплики добавляют ёмкость чтения и избыточность, но не ёмкость записи: вся запись по-прежнему идёт через лидера. Добавляйте реплику, когда чтений больше, чем обслуживают реплики (сейчас пик {Capacity.ReadRps} чтений/с), или когда зоне нужна локальная копия. Следующая реплика `{main.Name}` — `{main.Name}-{main.Instances.Count + 1}`; процедура описана в operations.md.");
        s.P($"Each replica costs the same RAM and disk as the leader ({Bytes(Capacity.RamPerStorageInstanceBytes)}, {Gb(Capacity.DiskPerStorageInstanceGb)}) and {Figures.Number(Capacity.ReplicationBandwidthMbps, 1)} Mbit/s of replication traffic from the leader.",
            $"Каждая реплика требует столько же памяти и диска, сколько лидер ({Bytes(Capacity.RamPerStorageInstanceBytes)}, {Gb(Capacity.DiskPerStorageInstanceGb)}), и {GuideFigures.Number(Capacity.ReplicationBandwidthMbps, 1, cluster.Language)} Мбит/с трафика репликации от лидера.");
    }

    private void Shards(SectionText s)
    {
        if (!cluster.Sharded)
        {
            s.P($"This cluster is not sharded: all data lives in `{cluster.MainReplicaset.Name}` and writes are bounded by one leader. When the growth projection outgrows one host, move to a sharded cluster (vshard): choose `sharding.bucket_count` for the final size (at least 1000 buckets per future shard), create the storages and routers, and migrate the data through the routers. Plan it months ahead: it is a migration, not a switch.",
                $"Этот кластер не шардирован: все данные в `{cluster.MainReplicaset.Name}`, а запись ограничена одним лидером. Когда прогноз роста перерастёт один хост, переходите на шардированный кластер (vshard): выберите `sharding.bucket_count` под конечный размер (не меньше 1000 бакетов на будущий шард), создайте хранилища и роутеры и перенесите данные через роутеры. Планируйте это за месяцы: это миграция, а не переключатель.");
            return;
        }
        var count = cluster.DataReplicasets.Count;
        var max = Capacity.BucketCount / 1000;
        s.P($"`sharding.bucket_count` = {Capacity.BucketCount} is fixed for the life of the cluster. With at least 1000 buckets per shard for an even spread, it carries the cluster up to about {max} shards; today there are {count} ({Capacity.BucketCount / count} buckets each).",
            $"`sharding.bucket_count` = {Capacity.BucketCount} не меняется за всю жизнь кластера. При не менее 1000 бакетов на шард для равномерного распределения его хватит примерно на {max} шардов; сейчас их {count} (по {Capacity.BucketCount / count} бакетов).");
        var rows = new List<IReadOnlyList<string>>();
        for (var n = count + 1; n <= Math.Max(count + 1, Capacity.Growth.Select(g => g.ShardsNeeded).DefaultIfEmpty(count).Max()); n++)
            rows.Add([$"`storage-{n:000}`", Figures.Integer(Capacity.BucketCount / n), Gb(Capacity.DataSizeGb / n)]);
        s.Table([s.T("New shard", "Новый шард"), s.T("Buckets per shard after", "Бакетов на шард после"), s.T("Data moved to it (today's size)", "Данных переносится на него (при текущем объёме)")], rows);
        s.P("Add shards before memory runs out, not after: rebalancing needs headroom on the source shards while buckets are in flight, and moves data at a limited pace. The procedure is in operations.md (Adding a shard).",
            "Добавляйте шарды до того, как кончится память, а не после: на время переноса бакетов исходным шардам нужен запас, а данные переносятся с ограниченной скоростью. Процедура описана в operations.md (добавление шарда).");
    }

    private void Growth(SectionText s)
    {
        s.P($"Growth of {Figures.Number(Capacity.GrowthPercentPerYear, 0)} % a year over {Capacity.HorizonMonths} months, from the capacity plan:",
            $"Рост {Figures.Number(Capacity.GrowthPercentPerYear, 0)} % в год на горизонте {Capacity.HorizonMonths} мес., по плану ёмкости:");
        s.Table([s.T("Month", "Месяц"), s.T("Data", "Данные"), s.T("Shards needed", "Нужно шардов"), s.T("`memtx.memory` per instance", "`memtx.memory` на инстанс")],
            Capacity.Growth.Select(g => (IReadOnlyList<string>)[Figures.Integer(g.Month), Gb(g.DataSizeGb), Figures.Integer(g.ShardsNeeded), Bytes(g.MemtxMemoryBytesPerInstance)]));
        var next = Capacity.Growth.FirstOrDefault(g => g.ShardsNeeded > Capacity.StorageReplicasets);
        var memory = Capacity.Growth.FirstOrDefault(g => g.MemtxMemoryBytesPerInstance > Capacity.MemtxMemoryBytes);
        if (next is not null && cluster.Sharded)
            s.P($"Action: add shards so that {next.ShardsNeeded} run by month {next.Month}; start at least two months earlier.",
                $"Действие: добавьте шарды так, чтобы к месяцу {next.Month} их было {next.ShardsNeeded}; начинайте минимум за два месяца.");
        else if (memory is not null)
            s.P($"Action: by month {memory.Month}, `memtx.memory` must reach {Bytes(memory.MemtxMemoryBytesPerInstance)} per instance (vertical scaling above) — check that the hosts have the RAM.",
                $"Действие: к месяцу {memory.Month} `memtx.memory` должен достичь {Bytes(memory.MemtxMemoryBytesPerInstance)} на инстанс (вертикальное масштабирование выше) — проверьте, что на хостах хватит памяти.");
        else
            s.P("The current layout carries the whole horizon; review the projection every quarter against the real growth (`tnt_slab_arena_used` in the dashboards).",
                "Текущая схема выдерживает весь горизонт; раз в квартал сверяйте прогноз с реальным ростом (`tnt_slab_arena_used` на дашбордах).");
    }
}
