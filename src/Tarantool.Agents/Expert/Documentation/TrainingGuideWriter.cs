using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// docs/training.md: the team's training plan and hands-on exercises on staging, each with a goal, steps and an
/// expected result, chosen for this cluster's shape (kill and rejoin a replica, switch the leader, rolling restart,
/// point-in-time restore, add a shard, lose a region, answer an alert).
/// </summary>
internal sealed class TrainingGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.TrainingFile, cluster.Language)
            .Section(GuideOutline.TrainingPlan, Plan)
            .Section(GuideOutline.Exercises, Exercises)
            .Build();

    private string App => cluster.App;
    private string Leader => cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
    private string? Replica => cluster.MainReplicaset.Instances.FirstOrDefault(i => i.Name != Leader)?.Name;

    private void Plan(SectionText s)
    {
        s.P($"Goal: every on-call engineer can run `{App}` alone — read its state, survive a failure, switch the leader, restore data — before the cluster goes to production, and keeps the skill with a drill every quarter.",
            $"Цель: каждый дежурный инженер умеет самостоятельно обслуживать `{App}` — читать его состояние, переживать сбой, переключать лидера, восстанавливать данные — до вывода кластера в продакшн и поддерживает навык ежеквартальными учениями.");
        s.Bullets(
        [
            s.T("Where: a staging copy of the cluster built from this bundle (same config, same tooling), never production.", "Где: стенд — копия кластера из этого бандла (та же конфигурация, те же инструменты), никогда не продакшн."),
            s.T("Who: pairs — one runs the commands, the other watches dashboards and alerts and takes notes.", "Кто: пары — один выполняет команды, второй следит за дашбордами и алертами и ведёт записи."),
            s.T("Before: read setup.md and operations.md; have access to the hosts, tt and Grafana.", "Подготовка: прочитать setup.md и operations.md; иметь доступ к хостам, tt и Grafana."),
            s.T("After each exercise: compare with the expected result, write down the time it took, fix the docs where they were wrong.", "После каждого упражнения: сравнить с ожидаемым результатом, записать затраченное время, исправить документацию, если она ошибалась."),
        ]);
        s.P("Keep a write load running during the exercises so that downtime is visible, for example a loop that inserts a row every 100 ms and prints failures.",
            "Во время упражнений держите нагрузку на запись, чтобы простой был виден, например цикл, который вставляет строку каждые 100 мс и печатает ошибки.");
    }

    private void Exercises(SectionText s)
    {
        var n = 0;
        foreach (var exercise in Build(s)) Write(s, ++n, exercise);
    }

    private IEnumerable<(string Title, string Goal, string[] Steps, string? Code, string Expected)> Build(SectionText s)
    {
        yield return (
            s.T("Read the cluster", "Прочитать состояние кластера"),
            s.T("Know who leads, who follows and how healthy everything is in two minutes.", "За две минуты понять, кто лидер, кто за кем следует и насколько всё здорово."),
            [
                s.T("Run the health check and the replicaset status.", "Запустите проверку здоровья и статус репликасетов."),
                s.T($"On `{Leader}`, read `box.info.ro`, `box.info.replication` and `box.slab.info()`.", $"На `{Leader}` прочитайте `box.info.ro`, `box.info.replication` и `box.slab.info()`."),
                s.T("Find the same facts on the Grafana overview.", "Найдите те же факты на обзорном дашборде Grafana."),
            ],
            $"{_ops.HealthCheck}\n{_ops.ReplicasetStatus(Leader)}\n{_ops.Lua(Leader, "return {ro = box.info.ro, replication = box.info.replication, slab = box.slab.info()}")}",
            s.T($"Every instance reported healthy, `{Leader}` is the only writable instance of `{cluster.MainReplicaset.Name}`, and memory use matches the dashboard.", $"Все инстансы здоровы, `{Leader}` — единственный инстанс `{cluster.MainReplicaset.Name}`, принимающий запись, а использование памяти совпадает с дашбордом."));

        if (Replica is { } replica)
            yield return (
                s.T($"Kill a replica and rejoin it", $"Убить реплику и вернуть её"),
                s.T("See that losing a replica costs no writes and that it comes back by itself.", "Убедиться, что потеря реплики не стоит ни одной записи и что она возвращается сама."),
                [
                    s.T($"Kill `{replica}` hard (SIGKILL), as a crash would.", $"Жёстко убейте `{replica}` (SIGKILL), как при сбое."),
                    s.T("Watch TarantoolInstanceDown fire and the write loop keep running.", "Посмотрите, как срабатывает TarantoolInstanceDown, а цикл записи продолжает работать."),
                    cluster.OnKubernetes
                        ? s.T("Let the StatefulSet restart it, then check that it follows the leader again.", "Дайте StatefulSet перезапустить её и проверьте, что она снова следует за лидером.")
                        : s.T("Let systemd restart it, then check that it follows the leader again.", "Дайте systemd перезапустить её и проверьте, что она снова следует за лидером."),
                    s.T($"Then rebuild it from scratch: `{_ops.Rebuild(replica)}`, and time the rejoin.", $"Затем пересоздайте её с нуля: `{_ops.Rebuild(replica)}` — и засеките время возвращения."),
                ],
                cluster.OnKubernetes
                    ? $"kubectl exec -n {_ops.Namespace} {replica} -- kill -9 1\nkubectl wait -n {_ops.Namespace} --for=condition=Ready pod/{replica} --timeout=600s\n{_ops.Lua(replica, "return box.info.replication")}"
                    : $"sudo systemctl kill -s SIGKILL {_ops.Unit(replica)}\nsystemctl status {_ops.Unit(replica)}\n{_ops.Lua(replica, "return box.info.replication")}",
                s.T("No write failed; the alert fired and resolved; the replica's upstream is `follow` with a lag near 0; the rebuild took about as long as copying one snapshot.", "Ни одна запись не упала; алерт сработал и погас; апстрим реплики в состоянии `follow` с отставанием около 0; пересоздание заняло примерно столько, сколько копирование одного снапшота."));
        else
            yield return (
                s.T("Crash the instance and recover from the WAL", "Уронить инстанс и восстановиться из WAL"),
                s.T("See that an acknowledged write survives a crash of the only instance.", "Убедиться, что подтверждённая запись переживает падение единственного инстанса."),
                [
                    s.T("Insert a marker row and note it.", "Вставьте строку-маркер и запомните её."),
                    s.T($"Kill `{Leader}` hard (SIGKILL) and let systemd restart it.", $"Жёстко убейте `{Leader}` (SIGKILL) и дайте systemd его перезапустить."),
                    s.T("Read the marker back; note how long the instance was unavailable.", "Прочитайте маркер; запишите, сколько инстанс был недоступен."),
                ],
                $"sudo systemctl kill -s SIGKILL {_ops.Unit(Leader)}\n{_ops.Lua(Leader, "return box.info.status")}",
                s.T($"The marker is there (WAL mode `{cluster.Capacity.WalMode}`); writes failed only while the instance recovered.", $"Маркер на месте (режим WAL `{cluster.Capacity.WalMode}`); запись не проходила только пока инстанс восстанавливался."));

        if (cluster.Candidate(cluster.MainReplicaset) is { } candidate)
            yield return (
                s.T("Switch the leader", "Переключить лидера"),
                s.T($"Move the lead of `{cluster.MainReplicaset.Name}` to `{candidate}` and back without losing a write.", $"Перенести лидерство `{cluster.MainReplicaset.Name}` на `{candidate}` и обратно, не потеряв ни одной записи."),
                [
                    s.T("Check that the candidate has caught up.", "Убедитесь, что кандидат догнал лидера."),
                    s.T("Follow operations.md, Switching the leader, for this cluster's failover mode.", "Выполните раздел operations.md о переключении лидера для режима failover этого кластера."),
                    s.T("Watch the write loop: at most a short pause, no lost row.", "Следите за циклом записи: допустима короткая пауза, но не потеря строки."),
                    s.T("Switch back the same way.", "Верните лидерство тем же способом."),
                ],
                _ops.Lua(candidate, "return {ro = box.info.ro, vclock = box.info.vclock}"),
                s.T($"`box.info.ro` is `false` only on `{candidate}`, then only on `{Leader}` again; TarantoolLeaderChanged fired twice; no row is missing.", $"`box.info.ro` равен `false` только на `{candidate}`, затем снова только на `{Leader}`; TarantoolLeaderChanged сработал дважды; ни одна строка не потеряна."));

        yield return (
            s.T("Rolling restart under load", "Поэтапный перезапуск под нагрузкой"),
            s.T("Apply a change to the whole cluster with the write loop running.", "Применить изменение ко всему кластеру при работающем цикле записи."),
            [
                s.T("Start the rolling restart and follow its output replicaset by replicaset.", "Запустите поэтапный перезапуск и следите за выводом по репликасетам."),
                s.T("Note the order: replicas, switchover, leader.", "Отметьте порядок: реплики, переключение, лидер."),
            ],
            cluster.OnKubernetes ? $"NAMESPACE={_ops.Namespace} deploy/scripts/rolling-restart.sh" : "cd deploy/ansible && ansible-playbook rolling-update.yml",
            cluster.Replicated
                ? s.T("Every instance restarted once, leaders last; the write loop saw at most short pauses during switchovers.", "Каждый инстанс перезапущен один раз, лидеры последними; цикл записи видел не более коротких пауз при переключениях.")
                : s.T("The instance restarted once; the write loop failed for the recovery time only — this is why production needs replicas.", "Инстанс перезапущен один раз; цикл записи падал только на время восстановления — поэтому продакшну нужны реплики."));

        yield return (
            cluster.Backup.PointInTimeRecovery ? s.T("Restore to a point in time", "Восстановление на момент времени") : s.T("Restore the last backup", "Восстановить последний бэкап"),
            s.T("Undo a mass delete from backups, on a scratch instance.", "Отменить массовое удаление по бэкапам на временном инстансе."),
            [
                s.T("Write marker rows, note the UTC time, then delete them.", "Запишите строки-маркеры, отметьте время UTC, затем удалите их."),
                s.T("Follow backup-recovery.md: restore the last full backup into a scratch instance.", "Выполните backup-recovery.md: восстановите последний полный бэкап во временный инстанс."),
                cluster.Backup.PointInTimeRecovery
                    ? s.T("Replay the archived WAL with `tt play` up to the noted time.", "Проиграйте архив WAL через `tt play` до отмеченного времени.")
                    : s.T("Note which markers are missing: those written after the backup.", "Отметьте, каких маркеров нет: записанных после бэкапа."),
                s.T("Time the whole procedure against the RTO.", "Сравните время всей процедуры с RTO."),
            ],
            "tt play localhost:3399 /restore/xlog/ --replica 1 --from <lsn+1> --timestamp <noted UTC time>",
            s.T($"The markers are back on the scratch instance, the deleted rows too, and the procedure fits in the RTO of {cluster.Backup.RtoSeconds} s.", $"Маркеры на временном инстансе вернулись, удалённые строки тоже, а процедура укладывается в RTO {cluster.Backup.RtoSeconds} с."));

        if (cluster.Sharded)
        {
            var next = $"storage-{cluster.DataReplicasets.Count + 1:000}";
            yield return (
                s.T("Add a shard and watch the rebalancing", "Добавить шард и понаблюдать за ребалансировкой"),
                s.T($"Add `{next}` on staging and see buckets move while traffic continues.", $"Добавить `{next}` на стенде и увидеть перенос бакетов при работающем трафике."),
                [
                    s.T("Follow operations.md, Adding a shard.", "Выполните раздел operations.md о добавлении шарда."),
                    s.T("Poll the bucket counts every minute.", "Каждую минуту смотрите число бакетов."),
                ],
                _ops.Lua(cluster.Routers[0].Instances[0].Name, "return vshard.router.info().bucket"),
                s.T($"Buckets flow to `{next}` until every shard holds about {cluster.Capacity.BucketCount / (cluster.DataReplicasets.Count + 1)}; no request failed.", $"Бакеты переходят на `{next}`, пока на каждом шарде не окажется около {cluster.Capacity.BucketCount / (cluster.DataReplicasets.Count + 1)}; ни один запрос не упал."));
        }

        if (cluster.MultiRegion)
        {
            var region = cluster.Topology.Regions.FirstOrDefault(r => !r.Primary)?.Name ?? cluster.Topology.Regions[^1].Name;
            yield return (
                s.T("Lose a region", "Потерять регион"),
                s.T($"See the cluster keep a leader and keep writing when `{region}` disappears.", $"Убедиться, что кластер сохраняет лидера и продолжает запись, когда `{region}` пропадает."),
                [
                    s.T($"Stop every instance in `{region}` (or cut its network).", $"Остановите все инстансы в `{region}` (или отрежьте его сеть)."),
                    s.T("Watch the elections and the write loop.", "Следите за выборами и циклом записи."),
                    s.T("Bring the region back and watch its instances catch up.", "Верните регион и посмотрите, как его инстансы догоняют."),
                ],
                _ops.Lua(Leader, "return box.info.election"),
                s.T("A quorum remains in the other regions, every replicaset has a leader there, writes continue after at most one election timeout.", "Кворум остаётся в других регионах, у каждого репликасета там есть лидер, запись продолжается не более чем после одного тайм-аута выборов."));
        }

        yield return (
            s.T("Answer an alert", "Отработать алерт"),
            s.T("Go from a page to a fix with the runbook alone.", "Пройти путь от вызова до исправления только по инструкции."),
            [
                s.T("On staging, lower `memtx.memory` or fill a test space until TarantoolMemtxArenaNearlyFull fires.", "На стенде уменьшите `memtx.memory` или заполните тестовый спейс, пока не сработает TarantoolMemtxArenaNearlyFull."),
                s.T("Open the runbook link from the alert and follow it.", "Откройте ссылку на инструкцию из алерта и действуйте по ней."),
            ],
            null,
            s.T("The runbook led to the cause and the fix without other help; anything missing was added to troubleshooting.md.", "Инструкция привела к причине и исправлению без посторонней помощи; всё, чего не хватало, добавлено в troubleshooting.md."));
    }

    private static void Write(SectionText s, int number, (string Title, string Goal, string[] Steps, string? Code, string Expected) exercise)
    {
        s.SubRaw(s.T($"Exercise {number}: {exercise.Title}", $"Упражнение {number}: {exercise.Title}"));
        s.P(s.T("**Goal:** ", "**Цель:** ") + exercise.Goal);
        s.P(s.T("**Steps:**", "**Шаги:**"));
        s.Steps(exercise.Steps);
        if (exercise.Code is not null) s.Bash(exercise.Code);
        s.P(s.T("**Expected result:** ", "**Ожидаемый результат:** ") + exercise.Expected);
    }
}
