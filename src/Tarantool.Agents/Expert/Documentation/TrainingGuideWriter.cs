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
        s.P($"Keep a write load running during every exercise so that downtime and lost writes are measured: `{DrillLoad.FileName}` inserts a row every 100 ms into the writable member of `{cluster.MainReplicaset.Name}`, prints each failure and, every 10 s, the ok/failed counts and the member it writes to. Save it, create its space once on the leader, then run it:",
            $"Во время каждого упражнения держите нагрузку на запись, чтобы простой и потерянные записи были измерены: `{DrillLoad.FileName}` вставляет строку каждые 100 мс в участника `{cluster.MainReplicaset.Name}`, принимающего запись, печатает каждую ошибку и раз в 10 с — число удачных и неудачных записей и участника, в которого пишет. Сохраните скрипт, один раз создайте его спейс на лидере и запустите:");
        s.Code("lua", DrillLoad.Script);
        s.Bash(_ops.Lua(Leader, DrillLoad.Setup(AppUser)) + "\n" + LoadCommand());
        s.P("Read the result of each exercise from its output: the failed count and the longest run of FAIL lines (× 100 ms) are the write downtime; `writer=` shows where the writes moved.",
            "Результат каждого упражнения читайте по выводу: число неудачных записей и самая длинная серия строк FAIL (× 100 мс) — это простой записи; `writer=` показывает, куда переехала запись.");
    }

    private string AppUser => cluster.Topology.Users.FirstOrDefault(u => u.Name == "app")?.Name ?? cluster.Topology.Users.FirstOrDefault()?.Name ?? "app";

    private string AppPasswordVariable => cluster.Secrets.FirstOrDefault(x => x.User == AppUser)?.Variable ?? "TT_APP_PASSWORD";

    /// <summary>Runs the load where the members are reachable: on the operator's machine next to the hosts, or on
    /// Kubernetes in a throwaway pod of the cluster's own image that meets the namespace's restricted Pod Security.</summary>
    private string LoadCommand()
    {
        var members = cluster.MainReplicaset.Instances;
        if (!cluster.OnKubernetes)
            return $"DRILL_URIS={string.Join(",", members.Select(i => $"{i.Host}:{i.Port}"))} DRILL_USER={AppUser} DRILL_PASSWORD=\"${AppPasswordVariable}\" tarantool {DrillLoad.FileName}";
        var ns = _ops.Namespace;
        var uris = string.Join(",", members.Select(i => $"{Phases.Containers.PlatformNaming.PodHost(i.Name, cluster.MainReplicaset.Name, ns)}:{Phases.Containers.PlatformNaming.ContainerIprotoPort}"));
        var secret = $"{ns}-credentials";
        return $"IMAGE=$(kubectl get statefulset -n {ns} {cluster.MainReplicaset.Name} -o jsonpath='{{.spec.template.spec.containers[0].image}}')\n" +
               $"kubectl run -n {ns} drill-load -i --rm --restart=Never --labels={DrillLoadLabels(ns)} --image=\"$IMAGE\" --overrides='{{\"spec\":{{\"automountServiceAccountToken\":false,\"securityContext\":{{\"runAsNonRoot\":true,\"runAsUser\":1000,\"seccompProfile\":{{\"type\":\"RuntimeDefault\"}}}},\"containers\":[{{\"name\":\"drill-load\",\"image\":\"'\"$IMAGE\"'\",\"stdin\":true,\"command\":[\"tarantool\",\"/dev/stdin\"],\"env\":[{{\"name\":\"DRILL_URIS\",\"value\":\"{uris}\"}},{{\"name\":\"DRILL_USER\",\"value\":\"{AppUser}\"}},{{\"name\":\"DRILL_PASSWORD\",\"valueFrom\":{{\"secretKeyRef\":{{\"name\":\"{secret}\",\"key\":\"{AppUser}-password\"}}}}}}],\"securityContext\":{{\"allowPrivilegeEscalation\":false,\"capabilities\":{{\"drop\":[\"ALL\"]}}}}}}]}}}}' < {DrillLoad.FileName}";
    }

    /// <summary>The load writes straight to the members, not through routers: its pod carries the cluster's own pod
    /// labels (as the backup Jobs do), which the peers NetworkPolicy admits to every instance's iproto port.</summary>
    internal static string DrillLoadLabels(string ns) =>
        $"app.kubernetes.io/name=tarantool,app.kubernetes.io/instance={ns},app.kubernetes.io/component=drill-load";

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
                    cluster.OnKubernetes
                        ? s.T($"Delete `{replica}`'s pod at once (`--grace-period=0 --force`), as a node crash would: the container gets no chance to stop cleanly.", $"Мгновенно удалите под `{replica}` (`--grace-period=0 --force`), как при падении узла: контейнер не успевает корректно остановиться.")
                        : s.T($"Kill `{replica}` hard (SIGKILL), as a crash would.", $"Жёстко убейте `{replica}` (SIGKILL), как при сбое."),
                    s.T("Watch the write load keep running and the instance's `up` drop on the dashboard; TarantoolInstanceDown waits for the recovery time before paging, so a restart that completes does not page.", "Следите, как нагрузка на запись продолжает работать, а `up` инстанса падает на дашборде; TarantoolInstanceDown ждёт время восстановления, прежде чем вызвать дежурного, поэтому завершившийся перезапуск не вызывает никого."),
                    cluster.OnKubernetes
                        ? s.T("Let the StatefulSet recreate it, then check that it follows the leader again.", "Дайте StatefulSet пересоздать под и проверьте, что реплика снова следует за лидером.")
                        : s.T("Let systemd restart it, then check that it follows the leader again.", "Дайте systemd перезапустить её и проверьте, что она снова следует за лидером."),
                    s.T($"Then rebuild it from scratch: `{_ops.Rebuild(replica)}`, and time the rejoin.", $"Затем пересоздайте её с нуля: `{_ops.Rebuild(replica)}` — и засеките время возвращения."),
                ],
                cluster.OnKubernetes
                    ? $"kubectl delete pod -n {_ops.Namespace} {replica} --grace-period=0 --force\nkubectl wait -n {_ops.Namespace} --for=condition=Ready pod/{replica} --timeout=600s\n{_ops.Lua(replica, "return box.info.replication")}"
                    : $"sudo systemctl kill -s SIGKILL {_ops.Unit(replica)}\nsystemctl status {_ops.Unit(replica)}\n{_ops.Lua(replica, "return box.info.replication")}",
                s.T("The load printed no FAIL line (the replica takes no writes); no alert paged; the replica's upstream is `follow` with a lag near 0; the rebuild took about as long as copying one snapshot.", "Нагрузка не напечатала ни одной строки FAIL (реплика не принимает запись); дежурного никто не вызвал; апстрим реплики в состоянии `follow` с отставанием около 0; пересоздание заняло примерно столько, сколько копирование одного снапшота."));
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
            "tt play localhost:3399 /restore/xlog/*.xlog --timestamp <noted UTC time>",
            s.T($"The markers are back on the scratch instance, the deleted rows too, and the procedure fits in the RTO of {cluster.Backup.RtoSeconds} s.", $"Маркеры на временном инстансе вернулись, удалённые строки тоже, а процедура укладывается в RTO {cluster.Backup.RtoSeconds} с."));

        foreach (var exercise in Failures(s)) yield return exercise;

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

    /// <summary>Leader loss, a network partition and a whole-replicaset restore, done the way this deployment form
    /// fails: a forced pod delete and a Chaos Mesh partition on Kubernetes, SIGKILL and iptables on hosts.</summary>
    private IEnumerable<(string Title, string Goal, string[] Steps, string? Code, string Expected)> Failures(SectionText s)
    {
        var main = cluster.MainReplicaset;
        var others = main.Instances.Where(i => i.Name != Leader).ToList();
        if (others.Count == 0) yield break;
        var automatic = cluster.Election || cluster.FailoverMode is "stateful" or "eventual";
        var timeout = GuideFigures.ElectionTimeout(cluster);
        yield return (
            s.T("Lose the leader", "Потерять лидера"),
            s.T($"See `{main.Name}` survive the sudden loss of its leader `{Leader}` and measure the write downtime.", $"Убедиться, что `{main.Name}` переживает внезапную потерю лидера `{Leader}`, и измерить простой записи."),
            [
                cluster.OnKubernetes
                    ? s.T($"With the load running, delete the leader's pod at once (`--grace-period=0 --force`).", $"При работающей нагрузке мгновенно удалите под лидера (`--grace-period=0 --force`).")
                    : s.T("With the load running, kill the leader with SIGKILL.", "При работающей нагрузке убейте лидера сигналом SIGKILL."),
                automatic
                    ? s.T("Watch the election: which member wins, and when the load's `writer=` moves to it.", "Следите за выборами: кто побеждает и когда `writer=` в выводе нагрузки переходит к нему.")
                    : s.T("Failover is manual here: follow operations.md (Switching the leader) to promote the most up-to-date replica, as on-call would.", "Здесь переключение ручное: выполните раздел operations.md о переключении лидера и повысьте самую свежую реплику, как сделал бы дежурный."),
                s.T("When the old leader is back, check that it follows the new one.", "Когда бывший лидер вернётся, проверьте, что он следует за новым."),
            ],
            (cluster.OnKubernetes
                ? $"kubectl delete pod -n {_ops.Namespace} {Leader} --grace-period=0 --force"
                : $"sudo systemctl kill -s SIGKILL {_ops.Unit(Leader)}")
                + "\n" + string.Join("\n", others.Select(o => _ops.Lua(o.Name, "return {ro = box.info.ro, election = box.info.election}"))),
            automatic
                ? s.T($"A new leader within a few election timeouts ({timeout}); FAIL lines for no longer than that, then `writer=` names the new leader; no acknowledged row is missing (`box.space.drill:count()` equals the ok count); TarantoolLeaderChanged fired, TarantoolNoLeader did not.",
                      $"Новый лидер появляется за несколько тайм-аутов выборов ({timeout}); строки FAIL не дольше этого, затем `writer=` показывает нового лидера; ни одна подтверждённая строка не потеряна (`box.space.drill:count()` равно числу ok); TarantoolLeaderChanged сработал, TarantoolNoLeader — нет.")
                : s.T("Writes fail until the promotion; after it `writer=` names the new leader and no acknowledged row is missing. Write down how long the manual promotion took: that is this cluster's leader-loss RTO.",
                      "Запись падает до повышения; после него `writer=` показывает нового лидера, и ни одна подтверждённая строка не потеряна. Запишите, сколько заняло ручное повышение: это RTO потери лидера для этого кластера."));

        var isolated = string.Join(" ", others.Select(o => cluster.OnKubernetes ? o.Name : o.Host).Distinct());
        yield return (
            s.T("Partition the leader from its replicas", "Отрезать лидера от реплик"),
            s.T("See what a network split does: the side with the quorum keeps writing, the other side stops accepting writes.", "Увидеть, что делает разделение сети: сторона с кворумом продолжает запись, другая перестаёт её принимать."),
            [
                cluster.OnKubernetes
                    ? s.T($"Cut `{Leader}` off from the other members for 2 minutes. NetworkPolicies only add allowed traffic, so use a fault-injection tool: with Chaos Mesh installed, apply the NetworkChaos below.", $"Отрежьте `{Leader}` от остальных участников на 2 минуты. NetworkPolicy только разрешают трафик, поэтому используйте инструмент внесения сбоев: при установленном Chaos Mesh примените NetworkChaos ниже.")
                    : s.T($"On `{cluster.Node(Leader).Host}`, drop iproto traffic to and from the other members' hosts for 2 minutes (the rules remove themselves).", $"На `{cluster.Node(Leader).Host}` отбросьте iproto-трафик к хостам остальных участников и от них на 2 минуты (правила удалятся сами)."),
                s.T("Watch the load, `box.info.ro` on both sides and the election term.", "Следите за нагрузкой, `box.info.ro` на обеих сторонах и термом выборов."),
                s.T("After the partition heals, check that every member follows one leader and the vclocks agree.", "После восстановления сети проверьте, что все участники следуют за одним лидером и их vclock совпадают."),
            ],
            cluster.OnKubernetes
                ? $"kubectl apply -f - <<'YAML'\napiVersion: chaos-mesh.org/v1alpha1\nkind: NetworkChaos\nmetadata:\n  name: partition-{Leader}\n  namespace: {_ops.Namespace}\nspec:\n  action: partition\n  mode: all\n  selector:\n    pods:\n      {_ops.Namespace}: [{Leader}]\n  direction: both\n  target:\n    mode: all\n    selector:\n      pods:\n        {_ops.Namespace}: [{string.Join(", ", others.Select(o => o.Name))}]\n  duration: 2m\nYAML"
                : $"# on {cluster.Node(Leader).Host}\nfor peer in {isolated}; do\n  sudo iptables -I INPUT -s \"$peer\" -p tcp --dport {cluster.Node(Leader).Port} -j DROP\n  sudo iptables -I OUTPUT -d \"$peer\" -p tcp -j DROP\ndone\nsleep 120\nfor peer in {isolated}; do\n  sudo iptables -D INPUT -s \"$peer\" -p tcp --dport {cluster.Node(Leader).Port} -j DROP\n  sudo iptables -D OUTPUT -d \"$peer\" -p tcp -j DROP\ndone",
            cluster.Election
                ? s.T($"Within a few election timeouts the replicas elect a leader among themselves and `writer=` moves there; the isolated `{Leader}` becomes read-only (fencing) instead of accepting writes no one confirms; after healing it rejoins as a follower and no acknowledged row is lost.",
                      $"За несколько тайм-аутов выборов реплики выбирают лидера между собой, и `writer=` переходит к нему; отрезанный `{Leader}` становится read-only (fencing), а не принимает неподтверждённую запись; после восстановления сети он возвращается ведомым, ни одна подтверждённая строка не потеряна.")
                : s.T($"Without election `{Leader}` keeps accepting writes and the replicas fall behind (TarantoolReplicationLagHigh, then TarantoolReplicationStopped after the restart budget); after healing they catch up. This is why a manual failover must never promote a replica while the old leader may still be writing.",
                      $"Без выборов `{Leader}` продолжает принимать запись, а реплики отстают (TarantoolReplicationLagHigh, затем TarantoolReplicationStopped после бюджета перезапуска); после восстановления сети они догоняют. Поэтому ручное переключение никогда не повышает реплику, пока старый лидер может писать."));

        yield return (
            s.T("Restore a whole replicaset", "Восстановить репликасет целиком"),
            s.T($"Rebuild `{main.Name}` from its backup alone, as after losing every member, and time it against the RTO.", $"Восстановить `{main.Name}` только из бэкапа, как после потери всех участников, и сравнить время с RTO."),
            [
                s.T("On staging only: note the load's ok count, stop the load, then destroy every member's data.", "Только на стенде: запишите число ok из нагрузки, остановите её, затем уничтожьте данные всех участников."),
                s.T($"Follow backup-recovery.md, Restore procedures, the lost-replicaset procedure, word for word: `{cluster.BackupInstance(main)}` is restored under its own name, leads alone with a temporary quorum of 1, the others rebuild from it, the quorum is restored.", $"Выполните backup-recovery.md, раздел о процедурах восстановления, процедуру потери репликасета, дословно: `{cluster.BackupInstance(main)}` восстанавливается под своим именем, временно лидирует один с кворумом 1, остальные пересоздаются с него, кворум возвращается."),
                s.T("Start the load again and compare the rows with the noted count.", "Снова запустите нагрузку и сравните число строк с записанным."),
            ],
            _ops.Lua(cluster.BackupInstance(main), "return {ro = box.info.ro, quorum = box.info.synchro.quorum, drill = box.space.drill:count()}"),
            s.T($"Every member follows `{cluster.BackupInstance(main)}`, `box.info.synchro.quorum` is back to its configured value, the drill rows up to the last backup (plus archived WAL) are there, and the whole procedure fits in the RTO of {cluster.Backup.RtoSeconds} s.",
                $"Все участники следуют за `{cluster.BackupInstance(main)}`, `box.info.synchro.quorum` вернулся к настроенному значению, строки drill до последнего бэкапа (и архивного WAL) на месте, а вся процедура укладывается в RTO {cluster.Backup.RtoSeconds} с."));
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
