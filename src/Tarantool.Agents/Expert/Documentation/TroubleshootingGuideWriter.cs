using Tarantool.Agents.Phases.Documentation;

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
