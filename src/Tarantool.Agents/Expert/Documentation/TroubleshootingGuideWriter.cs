using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Monitoring;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>docs/troubleshooting.md: a diagnostics toolkit, one <c>### AlertName</c> runbook per alert, common problems.</summary>
internal sealed class TroubleshootingGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.TroubleshootingFile, cluster.Language)
            .Section(GuideOutline.Diagnostics, Diagnostics)
            .Section(GuideOutline.Alerts, Alerts)
            .Section(GuideOutline.CommonProblems, CommonProblems)
            .Build();

    private string Leader => cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;

    private void Diagnostics(SectionText s)
    {
        s.P("Start every investigation with the same three looks: who runs, who leads and follows whom, what the instance itself reports.",
            "Любое расследование начинайте с трёх одинаковых шагов: кто запущен, кто лидер и кто за кем следует, что сообщает сам инстанс.");
        s.Bash($"{_ops.HealthCheck}\n{_ops.ReplicasetStatus(Leader)}\n{_ops.Logs(Leader)}");
        s.P(s.T("On the suspicious instance:", "На подозрительном инстансе:"));
        var lua = "return {\n  status = box.info.status,\n  ro = box.info.ro,\n  election = box.info.election,\n  replication = box.info.replication,\n  slab = box.slab.info(),\n  memory = box.info.memory(),\n  gc = box.info.gc().checkpoints,\n}";
        s.Bash(_ops.Lua(Leader, lua));
        s.Table([s.T("Field", "Поле"), s.T("What it tells", "Что показывает")],
        [
            ["`box.info.status`", s.T("`running`, or `loading` / `orphan` (cannot reach enough peers to sync)", "`running` либо `loading` / `orphan` (не может связаться с достаточным числом партнёров)")],
            ["`box.info.ro`", s.T("read-only: a replica, or a leader that lost its quorum", "только чтение: реплика или лидер, потерявший кворум")],
            ["`box.info.replication[n].upstream`", s.T("`status`, `lag`, `idle`, `message` of the stream from each peer", "`status`, `lag`, `idle`, `message` потока от каждого партнёра")],
            ["`box.slab.info()`", s.T("memtx arena and quota use", "заполнение арены и квоты memtx")],
            ["`box.info.gc()`", s.T("checkpoints and WAL consumers that keep files on disk", "чекпойнты и потребители WAL, удерживающие файлы на диске")],
        ]);
        if (cluster.Tooling == TarantoolTooling.DeclarativeConfig)
            s.P("`require('config'):info()` shows whether the last configuration was applied and why not.", "`require('config'):info()` показывает, применена ли последняя конфигурация и почему нет.");
        if (cluster.Tooling == TarantoolTooling.Cartridge)
            s.P("`require('cartridge').issues.list_on_cluster()` lists the cluster-wide problems Cartridge knows about.", "`require('cartridge').issues.list_on_cluster()` выводит известные Cartridge проблемы всего кластера.");
        if (cluster.Sharded && cluster.Tooling != TarantoolTooling.Cartridge)
            s.P("On a router, `vshard.router.info()` shows unreachable replicasets and buckets that are not available for reads or writes.", "На роутере `vshard.router.info()` показывает недоступные репликасеты и бакеты, недоступные для чтения или записи.");
    }

    private void Alerts(SectionText s)
    {
        s.P("Each alert links here (`docs/troubleshooting.md#<alert name in lower case>`). Alerts that cannot fire in this cluster's shape say when they would.",
            "Каждый алерт ссылается сюда (`docs/troubleshooting.md#<имя алерта в нижнем регистре>`). Для алертов, которые в этом кластере сработать не могут, указано, когда они применимы.");
        foreach (var runbook in new AlertRunbooks(cluster).All())
        {
            s.SubRaw(runbook.Name);
            s.P($"{runbook.Meaning} " + s.T("Signal:", "Сигнал:") + $" `{runbook.Signal}`.");
            s.P(s.T("Applies: ", "Применимость: ") + runbook.Applies);
            if (!runbook.Relevant) continue;
            s.Label("Diagnosis", "Диагностика");
            s.Bullets(runbook.Diagnosis);
            if (runbook.DiagnosisCode is not null) s.Bash(runbook.DiagnosisCode);
            s.Label("Fix", "Исправление");
            s.Bullets(runbook.Fix);
        }
    }

    private void CommonProblems(SectionText s)
    {
        s.Table([s.T("Symptom", "Симптом"), s.T("Diagnosis", "Диагностика"), s.T("Fix", "Исправление")], Problems(s));
        Incidents(s);
    }

    private string Replica => cluster.MainReplicaset.Instances.FirstOrDefault(i => i.Name != Leader)?.Name ?? Leader;

    /// <summary>The incidents people actually have, each with what Tarantool does, how to see it and what to do.</summary>
    private void Incidents(SectionText s)
    {
        s.Sub("memtx is full: `ER_MEMORY_ISSUE`", "memtx заполнен: `ER_MEMORY_ISSUE`");
        s.P("Inserts and updates fail with `ER_MEMORY_ISSUE` (`Failed to allocate ... for memtx_tuple`); reads and deletes still work, and so does the instance. Do not restart it: recovery needs the same memory and would fail the same way.",
            "Вставки и обновления завершаются ошибкой `ER_MEMORY_ISSUE` (`Failed to allocate ... for memtx_tuple`); чтение и удаление работают, инстанс жив. Не перезапускайте его: восстановлению нужна та же память, и оно упадёт так же.");
        s.Bash(_ops.Lua(Leader, "return box.slab.info()"));
        s.Bullets(
        [
            s.T("Raise the memory limit of the host or container first, then `memtx.memory` at runtime (scaling.md, Vertical scaling); never the other way round.", "Сначала увеличьте лимит памяти хоста или контейнера, затем `memtx.memory` на лету (scaling.md, вертикальное масштабирование); никогда не наоборот."),
            cluster.Sharded ? s.T("Then add a shard so the growth has somewhere to go.", "Затем добавьте шард, чтобы росту было куда идти.") : s.T("Then delete or expire data the application no longer needs.", "Затем удалите или вытесните данные, которые приложению больше не нужны."),
        ]);

        s.Sub("WAL disk full (`ENOSPC`)", "Диск WAL заполнен (`ENOSPC`)");
        s.P("A WAL write that hits `ENOSPC` fails and its transactions roll back; writes fail until space frees. To get space back Tarantool deletes the oldest WAL files it keeps only for replicas (the garbage collector's consumers) and drops those consumers: the replicas that still needed them can no longer catch up and stop with `Missing .xlog` — they must be rebuilt from the leader.",
            "Запись WAL, получившая `ENOSPC`, завершается ошибкой, её транзакции откатываются; запись не проходит, пока не освободится место. Чтобы освободить место, Tarantool удаляет самые старые файлы WAL, которые хранятся только для реплик (потребители сборщика мусора), и отключает этих потребителей: реплики, которым они были нужны, уже не могут догнать лидера и останавливаются с `Missing .xlog` — их нужно пересоздать с лидера.");
        s.Bash(_ops.Shell(Leader, $"df -h {_ops.DataDir(Leader)}") + "\n" + _ops.Lua(Leader, "return box.info.gc()"));
        s.Bullets(
        [
            s.T("Grow the volume or move other files off it; never delete .xlog or .snap files by hand.", "Увеличьте том или уберите с него посторонние файлы; никогда не удаляйте файлы .xlog и .snap вручную."),
            s.T($"Then check every replica's upstream; rebuild those stopped with `Missing .xlog`: `{_ops.Rebuild(Replica)}`.", $"Затем проверьте апстрим каждой реплики; пересоздайте остановившиеся с `Missing .xlog`: `{_ops.Rebuild(Replica)}`."),
        ]);

        s.Sub("`Missing .xlog file`", "`Missing .xlog file`");
        s.P("On a replica's upstream it means the leader no longer has the WAL the replica needs (it was down longer than the checkpoints and `wal.cleanup_delay` keep, or ENOSPC removed it): rebuild the replica. On an instance's own start it means a gap in its local files: it cannot recover them; rebuild it from the leader too, and use `force_recovery` only on a copy to salvage data.",
            "В апстриме реплики это значит, что у лидера больше нет нужного ей WAL (она была недоступна дольше, чем хранят чекпойнты и `wal.cleanup_delay`, или файлы удалил ENOSPC): пересоздайте реплику. При старте самого инстанса это разрыв в его локальных файлах: восстановить их он не может; тоже пересоздайте его с лидера, а `force_recovery` применяйте только к копии, чтобы спасти данные.");
        s.Bash(_ops.Lua(Replica, "return box.info.replication") + "\n" + _ops.Rebuild(Replica));

        s.Sub("Duplicate key on apply", "Duplicate key при применении");
        s.P("Replication stops with `Duplicate key exists in unique index` (`ER_TUPLE_FOUND`): the replica already has a row the leader sends — written on the replica by hand, or on two masters. The replica's data has diverged; skipping the row (`replication.skip_conflict`) keeps the divergence.",
            "Репликация останавливается с `Duplicate key exists in unique index` (`ER_TUPLE_FOUND`): у реплики уже есть строка, которую присылает лидер, — записанная на реплике вручную или на двух мастерах. Данные реплики разошлись; пропуск строки (`replication.skip_conflict`) эту разницу сохраняет.");
        s.Bullets(
        [
            s.T($"Rebuild the replica from the leader: `{_ops.Rebuild(Replica)}`.", $"Пересоздайте реплику с лидера: `{_ops.Rebuild(Replica)}`."),
            s.T("Find who wrote to the replica: replicas are read-only; only an admin session or a second master can.", "Найдите, кто писал в реплику: реплики read-only, писать может только сеанс администратора или второй мастер."),
        ]);

        s.Sub("Fiber and request overload", "Перегрузка файберов и запросов");
        s.P("Clients time out while the instance is up: requests queue in iproto (`box.stat.net()`), the event loop stalls on a fiber that does not yield (`fiber.top()`). See TarantoolRequestsOverloaded and TarantoolEventLoopSlow.",
            "Клиенты получают тайм-ауты при живом инстансе: запросы копятся в iproto (`box.stat.net()`), цикл событий стоит на файбере, который не уступает управление (`fiber.top()`). См. TarantoolRequestsOverloaded и TarantoolEventLoopSlow.");
        s.Bash(_ops.Lua(Leader, "require('fiber').top_enable()\nrequire('fiber').sleep(5)\nreturn {net = box.stat.net(), top = require('fiber').top()}"));

        if (cluster.Election)
        {
            s.Sub("Election flapping or a split vote", "Частые выборы или разделение голосов");
            s.P($"The term in `box.info.election` keeps growing and the leader changes every few seconds, or no candidate wins (votes split). Causes: a leader too busy to send heartbeats (see overload above), a network that loses packets, `replication.timeout` too close to the round trip, an even number of voters. Fix the cause; raise `replication.election_timeout` ({GuideFigures.ElectionTimeout(cluster)} now) only after; keep the voters odd.",
                $"Терм в `box.info.election` растёт, лидер меняется каждые несколько секунд или никто не побеждает (голоса делятся). Причины: лидер слишком занят, чтобы слать heartbeat (см. перегрузку выше), сеть теряет пакеты, `replication.timeout` близок к времени приёма-передачи, чётное число голосующих. Устраните причину; `replication.election_timeout` (сейчас {GuideFigures.ElectionTimeout(cluster)}) увеличивайте только после; держите число голосующих нечётным.");
            s.Bash(string.Join("\n", cluster.MainReplicaset.Instances.Select(i => _ops.Lua(i.Name, "return box.info.election"))));
        }

        if (cluster.Sharded)
        {
            var storage = Leader;
            // The vshard alerts link to this heading's anchor (VshardRunbook), so it is written from the same constants.
            s.Sub(Phases.Monitoring.VshardRunbook.HeadingEn, Phases.Monitoring.VshardRunbook.HeadingRu);
            s.P("A transfer interrupted by a failure leaves buckets `sending` on one storage and `receiving` on the other; `garbage` buckets wait for the collector. vshard recovers them by itself once both storages are reachable; a count that does not move for minutes means a storage or the network between them is down, or the rebalancer stopped on an error (its log says why).",
                "Перенос, прерванный сбоем, оставляет бакеты `sending` на одном хранилище и `receiving` на другом; бакеты `garbage` ждут сборщика мусора. vshard восстанавливает их сам, когда оба хранилища доступны; если число не меняется минутами, недоступно хранилище или сеть между ними либо ребалансировщик остановился на ошибке (причина — в его логе).");
            s.Bash(_ops.Lua(storage, "local count = {}\nfor _, b in pairs(vshard.storage.buckets_info()) do count[b.status] = (count[b.status] or 0) + 1 end\nreturn {buckets = count, info = vshard.storage.info().bucket}"));
            s.Bullets(
            [
                s.T("Bring the unreachable storage back first.", "Сначала верните недоступное хранилище."),
                s.T("Then nudge the background services: `vshard.storage.recovery_wakeup()` (sending/receiving), `vshard.storage.garbage_collector_wakeup()` (garbage), `vshard.storage.rebalancer_wakeup()` on the rebalancer's storage.", "Затем подтолкните фоновые сервисы: `vshard.storage.recovery_wakeup()` (sending/receiving), `vshard.storage.garbage_collector_wakeup()` (garbage), `vshard.storage.rebalancer_wakeup()` на хранилище с ребалансировщиком."),
                s.T("Never delete bucket records by hand: a bucket then exists twice or nowhere.", "Никогда не удаляйте записи бакетов вручную: бакет окажется в двух местах или нигде."),
            ]);
            s.P($"The vshard alerts link here: {AlertNames.VshardBucketsStuck} (buckets in sending/receiving while no bucket becomes active), {AlertNames.VshardGarbageStuck} (garbage that is not collected: a replica is down or the collector fails), {AlertNames.VshardServiceError} (the rebalancer, recovery or gc service keeps an error: read it in `vshard.storage.info({{with_services = true}}).services`), {AlertNames.VshardBucketsUnbalanced} (a replicaset far from the even share hours after a change: the rebalancer is off, locked or failing) and {AlertNames.VshardRouterBucketsUnreachable} (a router sees buckets whose replicaset it cannot reach, or that it has not discovered: `vshard.router.info()` on that router names the replicaset).",
                $"Сюда ведут алерты vshard: {AlertNames.VshardBucketsStuck} (бакеты в sending/receiving, а ни один бакет не становится активным), {AlertNames.VshardGarbageStuck} (garbage не собирается: недоступна реплика или сборщик падает с ошибкой), {AlertNames.VshardServiceError} (сервис rebalancer, recovery или gc держит ошибку: её видно в `vshard.storage.info({{with_services = true}}).services`), {AlertNames.VshardBucketsUnbalanced} (набор реплик далёк от равной доли через часы после изменения: ребалансировщик выключен, заблокирован или падает с ошибкой) и {AlertNames.VshardRouterBucketsUnreachable} (роутер видит бакеты, до набора реплик которых не может достучаться, или ещё не нашёл их: `vshard.router.info()` на этом роутере назовёт набор реплик).");
            s.Bash(_ops.Lua(storage, "return vshard.storage.info({with_services = true}).services"));
        }
    }

    private IEnumerable<IReadOnlyList<string>> Problems(SectionText s)
    {
        var app = cluster.App;
        yield return
        [
            s.T("Writes fail with `ER_READONLY`", "Запись падает с `ER_READONLY`"),
            s.T("the client writes to a replica, or the leader lost its quorum (`box.info.ro`)", "клиент пишет в реплику или лидер потерял кворум (`box.info.ro`)"),
            cluster.Sharded ? s.T("write through the router; restore the quorum", "пишите через роутер; восстановите кворум") : s.T("point clients at the leader or use the driver's discovery; restore the quorum", "направьте клиентов на лидера или используйте обнаружение в драйвере; восстановите кворум"),
        ];
        yield return
        [
            s.T("`Too long WAL write` in the log", "`Too long WAL write` в логе"),
            s.T("slow disk or a noisy neighbour on the data volume", "медленный диск или соседняя нагрузка на томе с данными"),
            s.T("move the data to a dedicated SSD; check `iostat -x 1`", "перенесите данные на выделенный SSD; проверьте `iostat -x 1`"),
        ];
        yield return
        [
            s.T("An instance stays in `orphan`", "Инстанс остаётся в `orphan`"),
            s.T("it cannot connect to enough peers of its replicaset", "он не может подключиться к достаточному числу партнёров по репликасету"),
            s.T("fix the network or the peers' URIs; check the `replicator` credentials", "почините сеть или URI партнёров; проверьте учётные данные `replicator`"),
        ];
        yield return
        [
            s.T("A replica cannot catch up (`stopped`, or WAL already gone)", "Реплика не может догнать лидера (`stopped` или WAL уже удалён)"),
            s.T("`box.info.replication[n].upstream.message`", "`box.info.replication[n].upstream.message`"),
            $"`{_ops.Rebuild(cluster.MainReplicaset.Instances[^1].Name)}`",
        ];
        yield return
        [
            s.T("Memory grows after a mass delete", "Память растёт после массового удаления"),
            s.T("fragmentation: `box.slab.info().arena_used_ratio` high, `items_used_ratio` low", "фрагментация: `box.slab.info().arena_used_ratio` высокий, `items_used_ratio` низкий"),
            s.T("rebuild the instance from a fresh snapshot (rebuild a replica from the leader, then switch)", "пересоздайте инстанс из свежего снапшота (пересоздайте реплику с лидера, затем переключитесь)"),
        ];
        if (cluster.Sharded)
            yield return
            [
                s.T("Buckets are unevenly spread", "Бакеты распределены неравномерно"),
                s.T("the rebalancer is disabled or cannot reach a storage", "ребалансировщик выключен или не может достучаться до хранилища"),
                s.T("check `vshard.storage.info()` on every storage; the rebalancer only runs when all storages are reachable", "проверьте `vshard.storage.info()` на каждом хранилище; ребалансировщик работает только при доступности всех хранилищ"),
            ];
        if (cluster.MultiMaster)
            yield return
            [
                s.T("Replication stopped with `Duplicate key`", "Репликация остановлена с `Duplicate key`"),
                s.T("the same key was written on two masters", "один и тот же ключ записан на двух мастерах"),
                s.T("rebuild the replica that stopped; route writes of a key to one master", "пересоздайте остановившуюся реплику; направляйте запись ключа на один мастер"),
            ];
        if (cluster.Tooling == TarantoolTooling.DeclarativeConfig)
            yield return
            [
                s.T("`config:reload()` fails", "`config:reload()` завершается ошибкой"),
                s.T("`require('config'):info().alerts`", "`require('config'):info().alerts`"),
                $"`tt cluster show {app} --validate`",
            ];
    }
}
