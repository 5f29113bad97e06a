using Tarantool.Agents.Expert.Deployment;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// docs/operations.md: start and stop, adding and removing a replica, switching the leader (per failover mode and
/// tooling), rolling restart, minor upgrades with <c>box.schema.upgrade()</c>, and adding a shard when sharded.
/// </summary>
internal sealed class OperationsProceduresWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write()
    {
        var builder = new GuideDocumentBuilder(GuideOutline.OperationsFile, cluster.Language)
            .Section(GuideOutline.StartStop, StartStop)
            .Section(GuideOutline.Replicas, Replicas)
            .Section(GuideOutline.Leader, Leader)
            .Section(GuideOutline.RollingRestart, RollingRestart)
            .Section(GuideOutline.Upgrade, Upgrade);
        if (cluster.Sharded) builder.Section(GuideOutline.AddShard, AddShard);
        return builder.Build();
    }

    private string App => cluster.App;
    private Replicaset Main => cluster.MainReplicaset;
    private string MainLeader => cluster.Leader(Main) ?? Main.Instances[0].Name;

    private void StartStop(SectionText s)
    {
        var replica = Main.Instances.FirstOrDefault(i => i.Name != MainLeader)?.Name ?? MainLeader;
        if (cluster.OnKubernetes)
        {
            s.P("Pods are owned by StatefulSets: deleting a pod restarts it, scaling a StatefulSet adds or removes its highest-numbered instance.",
                "Подами управляют StatefulSet: удаление пода перезапускает его, масштабирование StatefulSet добавляет или убирает инстанс с наибольшим номером.");
            s.Bash($"kubectl get pods -n {_ops.Namespace} -o wide\n{_ops.Restart(replica)}\nkubectl wait -n {_ops.Namespace} --for=condition=Ready pod/{replica} --timeout=600s");
        }
        else
        {
            s.P("Every instance is a systemd unit; systemd restarts it after a crash. Start, stop and restart one instance on its host:",
                "Каждый инстанс — unit systemd; после сбоя systemd перезапускает его сам. Запуск, остановка и перезапуск одного инстанса на его хосте:");
            s.Bash($"sudo systemctl start {_ops.Unit(replica)}\nsudo systemctl stop {_ops.Unit(replica)}\nsudo systemctl restart {_ops.Unit(replica)}\nsystemctl status {_ops.Unit(replica)}\n{_ops.Logs(replica)}");
            s.P($"Without systemd (a development machine) the same is done with tt: `tt start {App}`, `tt stop -y {App}:{replica}`, `tt status {App}`.",
                $"Без systemd (машина разработчика) то же самое делает tt: `tt start {App}`, `tt stop -y {App}:{replica}`, `tt status {App}`.");
        }
        var order = new List<string>();
        order.AddRange(cluster.DataReplicasets.SelectMany(r => r.Instances.Where(i => i.Name != cluster.Leader(r)).Select(i => i.Name)));
        order.AddRange(cluster.DataReplicasets.Select(r => cluster.Leader(r)).OfType<string>());
        s.P(s.T("Whole-cluster order. Start: data instances first", "Порядок для всего кластера. Запуск: сначала инстансы с данными")
            + $" ({string.Join(", ", cluster.DataReplicasets.SelectMany(r => r.Instances).Select(i => $"`{i.Name}`"))})"
            + (cluster.Routers.Count > 0 ? s.T(", then routers", ", затем роутеры") + $" ({string.Join(", ", cluster.Routers.SelectMany(r => r.Instances).Select(i => $"`{i.Name}`"))})" : "")
            + s.T(". Stop: the reverse — routers, then replicas, leaders last", ". Остановка: в обратном порядке — роутеры, затем реплики, лидеры последними")
            + $" ({string.Join(" → ", order.Select(n => $"`{n}`"))})"
            + s.T(", so no election is triggered needlessly and no write is accepted by an instance about to stop.", ", чтобы не вызывать лишних выборов и не принимать запись на инстансе, который вот-вот остановится."));
        if (cluster.Election)
            s.P($"Stopping the leader starts an election: with `replication.election_timeout` of {GuideFigures.ElectionTimeout(cluster)} the cluster has a new leader within a few seconds. Stop a leader on purpose only after switching the leader (below).",
                $"Остановка лидера запускает выборы: при `replication.election_timeout` {GuideFigures.ElectionTimeout(cluster)} новый лидер появляется за несколько секунд. Намеренно останавливайте лидера только после переключения лидерства (ниже).");
    }

    private void Replicas(SectionText s)
    {
        var next = $"{Main.Name}-{Main.Instances.Count + 1}";
        var host = cluster.OnKubernetes ? "" : s.T($" on a host that runs no other member of `{Main.Name}`", $" на хосте, где нет других участников `{Main.Name}`");
        s.P($"Add a replica to `{Main.Name}` as `{next}`{host}. A new replica joins from the leader by itself (initial join copies a snapshot, then follows the WAL); plan for the network transfer of {GuideFigures.Gb(cluster.Capacity.SnapshotSizeGb, cluster.Language)}.",
            $"Добавьте реплику в `{Main.Name}` под именем `{next}`{host}. Новая реплика подключается к лидеру сама (initial join копирует снапшот, затем читает WAL); учтите передачу по сети {GuideFigures.Gb(cluster.Capacity.SnapshotSizeGb, cluster.Language)}.");
        switch (cluster.Tooling)
        {
            case TarantoolTooling.DeclarativeConfig:
                s.Steps(
                [
                    s.T($"Add `{next}` under `groups.*.replicasets.{Main.Name}.instances` in `config.yaml` (its `iproto.listen` URI), in the repository.",
                        $"Добавьте `{next}` в `groups.*.replicasets.{Main.Name}.instances` файла `config.yaml` (с URI в `iproto.listen`) в репозитории.")
                    + QuorumStep(s, Main.Instances.Count + 1),
                    cluster.OnKubernetes
                        ? s.T("Copy the change into `kubernetes/configmap.yaml` and run `deploy/scripts/config-reload.sh`: it applies `kubernetes/` (the ConfigMap and the pod templates' `checksum/config`; OnDelete restarts nothing), waits until every pod sees the new file (the ConfigMap is mounted as a directory, not with subPath; the sha256 inside each pod must equal the ConfigMap's), then runs `require('config'):reload()` on each replicaset's replicas before its leader and stops at the first instance whose `config:info().status` is not `ready` or `check_warnings`:",
                            "Перенесите изменение в `kubernetes/configmap.yaml` и запустите `deploy/scripts/config-reload.sh`: он применяет `kubernetes/` (ConfigMap и аннотацию `checksum/config` шаблонов подов; OnDelete ничего не перезапускает), ждёт, пока каждый под увидит новый файл (ConfigMap смонтирован каталогом, без subPath; sha256 внутри пода должен совпасть с ConfigMap), затем выполняет `require('config'):reload()` на репликах каждого репликасета, а потом на его лидере, и останавливается на первом инстансе, у которого `config:info().status` не `ready` и не `check_warnings`:")
                        : s.T("Roll the file out to every host (`ansible-playbook deploy.yml`) and reload the configuration on the running instances:",
                            "Разложите файл на все хосты (`ansible-playbook deploy.yml`) и перезагрузите конфигурацию на работающих инстансах:"),
                ]);
                s.Bash(cluster.OnKubernetes ? "deploy/scripts/config-reload.sh" : _ops.OnEveryInstance("require('config'):reload()"));
                s.P(s.T($"Start `{next}` and wait until it follows the leader:", $"Запустите `{next}` и дождитесь, пока он начнёт следовать за лидером:"));
                s.Bash(cluster.OnKubernetes
                    ? $"kubectl scale statefulset -n {_ops.Namespace} {Main.Name} --replicas={Main.Instances.Count + 1}\n{_ops.Lua(next, "return box.info.replication")}"
                    : $"sudo systemctl enable --now {_ops.Unit(next)}\n{_ops.Lua(next, "return box.info.replication")}");
                break;
            case TarantoolTooling.BoxCfg:
                s.Steps(
                [
                    s.T($"Create `{next}.lua` from a replica's file (same `replication` list plus the new URI) and add it to `instances.yml`.",
                        $"Создайте `{next}.lua` по образцу файла реплики (тот же список `replication` плюс новый URI) и добавьте его в `instances.yml`."),
                    s.T("Add the new URI to `box.cfg.replication` of the running instances, in their files and at runtime:",
                        "Добавьте новый URI в `box.cfg.replication` работающих инстансов — в их файлах и на лету:"),
                ]);
                s.Bash(_ops.Lua(MainLeader, "local r = box.cfg.replication\ntable.insert(r, '<replicator>@<host>:<port>')\nbox.cfg{replication = r}"));
                s.P(s.T($"Start `{next}` (`sudo systemctl enable --now {_ops.Unit(next)}`) and check `box.info.replication` on it.",
                    $"Запустите `{next}` (`sudo systemctl enable --now {_ops.Unit(next)}`) и проверьте на нём `box.info.replication`."));
                break;
            default:
                s.Bash($"sudo systemctl enable --now {_ops.Unit(next)}\ntt cartridge replicasets join {next} --replicaset {Main.Name} --name {App}\ntt cartridge replicasets list --name {App}");
                break;
        }
        if (QuorumMatters)
        {
            s.P($"Check the quorum after the change: `box.info.synchro.quorum` on the leader must be N / 2 + 1 of the members now registered ({Main.Instances.Count + 1} → {Quorum(Main.Instances.Count + 1)}). A quorum left at {Quorum(Main.Instances.Count)} with {Main.Instances.Count + 1} members lets two halves of a partition both elect a leader and confirm writes (split brain). Keep the number of voting instances odd.",
                $"Проверьте кворум после изменения: `box.info.synchro.quorum` на лидере должен быть равен N / 2 + 1 от зарегистрированных участников ({Main.Instances.Count + 1} → {Quorum(Main.Instances.Count + 1)}). Кворум {Quorum(Main.Instances.Count)} при {Main.Instances.Count + 1} участниках позволяет обеим половинам разделённой сети выбрать лидера и подтверждать запись (split brain). Число голосующих инстансов держите нечётным.");
            s.Bash(_ops.Lua(MainLeader, "return {quorum = box.info.synchro.quorum, members = box.space._cluster:count()}"));
        }
        // A StatefulSet can only drop its highest ordinal, so on Kubernetes the last member is the one to remove.
        var last = Main.Instances[^1].Name;
        var victim = cluster.OnKubernetes ? (Main.Instances.Count > 1 ? last : null) : Main.Instances.LastOrDefault(i => i.Name != MainLeader)?.Name;
        if (victim is null)
        {
            s.P("This replicaset has a single instance: there is nothing to remove.", "В этом репликасете один инстанс: удалять нечего.");
            return;
        }
        s.Sub("Removing a replica", "Удаление реплики");
        var remaining = Main.Instances.Count - 1;
        if (victim == cluster.BackupInstance(Main))
            s.P($"`{victim}` is the instance `{Main.Name}`'s backups are taken from: point the backup schedule at another replica first, or the next backup fails.",
                $"С `{victim}` снимаются бэкапы `{Main.Name}`: сначала переведите расписание бэкапов на другую реплику, иначе следующий бэкап не выполнится.");
        s.P($"Remove `{victim}` (never while it leads: switch the leader first). The order matters: first out of the configuration, then stopped, then its `_cluster` record deleted on the leader. Until that record is gone the leader keeps every WAL file the removed replica has not received (its garbage-collector consumer), and the disk fills.",
            $"Удаление `{victim}` (никогда, пока он лидер: сначала переключите лидерство). Порядок важен: сначала исключить из конфигурации, затем остановить, затем удалить его запись `_cluster` на лидере. Пока запись есть, лидер хранит все файлы WAL, которые удалённая реплика не получила (её потребитель в сборщике мусора), и диск заполняется.");
        switch (cluster.Tooling)
        {
            case TarantoolTooling.DeclarativeConfig:
                s.Steps(
                [
                    s.T($"Delete `{victim}` from `groups.*.replicasets.{Main.Name}.instances` in `config.yaml` in the repository.", $"Удалите `{victim}` из `groups.*.replicasets.{Main.Name}.instances` файла `config.yaml` в репозитории.")
                        + QuorumStep(s, remaining),
                    cluster.OnKubernetes
                        ? s.T("Copy the change into `kubernetes/configmap.yaml` and reload every instance with `deploy/scripts/config-reload.sh` (it waits until each pod sees the file and checks `config:info().status`).", "Перенесите изменение в `kubernetes/configmap.yaml` и перезагрузите конфигурацию всех инстансов скриптом `deploy/scripts/config-reload.sh` (он ждёт, пока каждый под увидит файл, и проверяет `config:info().status`).")
                        : s.T("Roll the file out (`ansible-playbook deploy.yml`) and reload the configuration on every running instance.", "Разложите файл (`ansible-playbook deploy.yml`) и перезагрузите конфигурацию на всех работающих инстансах."),
                    cluster.OnKubernetes
                        ? s.T($"Scale the StatefulSet down by one: it removes the highest ordinal, `{victim}`. Never delete the pod instead: the StatefulSet would recreate it.", $"Уменьшите StatefulSet на один: он удаляет инстанс с наибольшим номером, `{victim}`. Не удаляйте под вместо этого: StatefulSet создаст его снова.")
                        : s.T($"Stop and disable `{victim}`.", $"Остановите и отключите `{victim}`."),
                    s.T($"On the leader, delete `{victim}`'s `_cluster` record (`box.space._cluster:delete(id)`, the id from `box.info.replication`) and check that no garbage-collector consumer holds WAL for it any more.", $"На лидере удалите запись `_cluster` инстанса `{victim}` (`box.space._cluster:delete(id)`, id — из `box.info.replication`) и проверьте, что WAL для него больше не удерживает ни один потребитель сборщика мусора."),
                ]);
                s.Bash((cluster.OnKubernetes ? "deploy/scripts/config-reload.sh\n" : _ops.OnEveryInstance("require('config'):reload()") + "\n")
                    + (cluster.OnKubernetes
                        ? $"kubectl scale statefulset -n {_ops.Namespace} {Main.Name} --replicas={remaining}\nkubectl wait -n {_ops.Namespace} --for=delete pod/{victim} --timeout=300s\n"
                        : $"sudo systemctl disable --now {_ops.Unit(victim)}\n")
                    + _ops.Lua(MainLeader, ClusterRecordDelete(victim)));
                if (cluster.OnKubernetes)
                    s.P($"The StatefulSet keeps the volume of a scaled-down pod (`whenScaled: Retain`). When `{victim}` is retired for good, delete it so a later scale-up starts empty instead of from stale data: `kubectl delete pvc -n {_ops.Namespace} {Phases.Containers.InstanceLayout.DataVolumeClaim(victim)}`.",
                        $"StatefulSet сохраняет том уменьшенного пода (`whenScaled: Retain`). Если `{victim}` выводится навсегда, удалите том, чтобы последующее увеличение начинало с пустого каталога, а не с устаревших данных: `kubectl delete pvc -n {_ops.Namespace} {Phases.Containers.InstanceLayout.DataVolumeClaim(victim)}`.");
                break;
            case TarantoolTooling.BoxCfg:
                s.Steps(
                [
                    s.T($"Remove `{victim}`'s URI from `box.cfg.replication` in every instance file and at runtime (`box.cfg{{replication = ...}}`).", $"Удалите URI `{victim}` из `box.cfg.replication` в файлах всех инстансов и на лету (`box.cfg{{replication = ...}}`).")
                        + (QuorumMatters ? s.T($" Set `replication_synchro_quorum` to {Quorum(remaining)} (N / 2 + 1 of {remaining}) in the same change.", $" В том же изменении установите `replication_synchro_quorum` = {Quorum(remaining)} (N / 2 + 1 от {remaining}).") : ""),
                    s.T($"Stop `{victim}`, then delete its `_cluster` record on the leader.", $"Остановите `{victim}`, затем удалите его запись `_cluster` на лидере."),
                ]);
                s.Bash($"{_ops.Stop(victim)}\n" + _ops.Lua(MainLeader, ClusterRecordDelete(victim)));
                break;
            default:
                s.Bash($"{_ops.Stop(victim)}\ntt cartridge replicasets expel {victim} --name {App}");
                s.P("Expelling through Cartridge removes the instance from the cluster configuration and its `_cluster` record.", "Исключение через Cartridge удаляет инстанс из конфигурации кластера и его запись `_cluster`.");
                break;
        }
    }

    /// <summary>Synchronous quorum matters where a fixed quorum is configured: election and synchronous replication.</summary>
    private bool QuorumMatters => cluster.Election || cluster.Topology.Election is not null;

    private static int Quorum(int members) => members / 2 + 1;

    /// <summary>The quorum a membership change must carry, appended to the config step.</summary>
    private string QuorumStep(SectionText s, int members) => QuorumMatters
        ? s.T($" In the same change set `replication.synchro_quorum` for `{Main.Name}` to {Quorum(members)} (N / 2 + 1 of {members} members), or to Tarantool's default expression `\"N / 2 + 1\"`, which follows the registered members by itself.",
              $" В том же изменении установите `replication.synchro_quorum` для `{Main.Name}` в {Quorum(members)} (N / 2 + 1 от {members} участников) или в выражение Tarantool по умолчанию `\"N / 2 + 1\"`, которое само следует за числом зарегистрированных участников.")
        : "";

    /// <summary>Deletes an instance's <c>_cluster</c> record by the id replication reports for its name, then shows
    /// the WAL consumers left: the removed instance's must be gone.</summary>
    private static string ClusterRecordDelete(string instance) =>
        $"for id, r in pairs(box.info.replication) do\n  if r.name == '{instance}' then box.space._cluster:delete(id) end\nend\nlocal consumers = {{}}\nfor _, c in ipairs(box.info.gc().consumers) do table.insert(consumers, c.name) end\nreturn consumers";

    private void Leader(SectionText s)
    {
        var candidate = cluster.Candidate(Main);
        if (candidate is null)
        {
            s.P(cluster.MultiMaster
                    ? "Every instance of this replicaset accepts writes (failover `off`, master-master): there is no leader to switch. Avoid writing the same keys on two masters: conflicting rows stop replication (see troubleshooting)."
                    : $"`{Main.Name}` has a single instance: there is no leader to switch to. To get one, add a replica (above) and set failover to `election` or `manual`.",
                cluster.MultiMaster
                    ? "Каждый инстанс этого репликасета принимает запись (failover `off`, мастер-мастер): переключать лидера не нужно. Не пишите одни и те же ключи на двух мастерах: конфликтующие строки останавливают репликацию (см. руководство по неполадкам)."
                    : $"В `{Main.Name}` один инстанс: переключать лидерство не на кого. Чтобы это стало возможно, добавьте реплику (выше) и включите failover `election` или `manual`.");
            return;
        }
        s.P($"Example: move the lead of `{Main.Name}` from `{MainLeader}` to `{candidate}`. First check that `{candidate}` has caught up (lag close to 0):",
            $"Пример: перенос лидерства `{Main.Name}` с `{MainLeader}` на `{candidate}`. Сначала убедитесь, что `{candidate}` догнал лидера (отставание около 0):");
        s.Bash(_ops.Lua(candidate, "return box.info.replication"));
        switch (cluster.Tooling, cluster.FailoverMode)
        {
            case (TarantoolTooling.Cartridge, "stateful"):
                s.P("With stateful failover the stateboard decides; ask it to promote the instance:", "При stateful failover решает stateboard; попросите его назначить инстанс лидером:");
                s.Bash(_ops.Lua(candidate, LuaSnippets.CartridgePromote($"'{candidate}'")));
                break;
            case (TarantoolTooling.Cartridge, _):
                s.P("With eventual or disabled failover the leader is the first instance of the failover priority:", "При eventual или disabled failover лидер — первый инстанс в приоритете failover:");
                s.Bash($"tt cartridge replicasets set-failover-priority {candidate} {MainLeader} --replicaset {Main.Name} --name {App}");
                break;
            case (_, ReplicasetRoles.Election):
                s.P("With election, promote the candidate: it starts an election in a new term and wins it once a quorum of the replicaset votes for it." + (Voters() == "—" ? "" : $" Voters ({Voters()}) can never be promoted."),
                    "При выборах повысьте кандидата: он начинает выборы в новом терме и побеждает, когда за него голосует кворум репликасета." + (Voters() == "—" ? "" : $" Голосующие инстансы ({Voters()}) лидерами стать не могут."));
                s.Bash(_ops.Lua(candidate, "box.ctl.promote()\nreturn box.info.election"));
                s.P($"Alternatively `tt replicaset promote {App}:{candidate}` does the same.", $"То же самое делает `tt replicaset promote {App}:{candidate}`.");
                break;
            case (TarantoolTooling.DeclarativeConfig, _) when cluster.OnKubernetes:
                // kubelet updates the mounted ConfigMap in every pod at once, but an instance applies it only on a
                // reload or restart: restarting in this order (the old leader first) means it can only come back read-only.
                s.P($"With manual failover the leader is `leader:` in `config.yaml`, which every pod reads from the ConfigMap. Change it to `{candidate}` in `tarantool/config.yaml` and in `kubernetes/configmap.yaml`, apply it, then restart the pods (kubelet updates the mounted file in every pod, but an instance applies it only when it restarts, so the order below decides who leads): the old leader first (it comes back read-only), then `{candidate}` (it comes back as the leader), then the other members and the routers one at a time. Never restart the old leader before the ConfigMap names the new one: it would come back writable.",
                    $"При ручном failover лидер задаётся полем `leader:` в `config.yaml`, который каждый под читает из ConfigMap. Замените его на `{candidate}` в `tarantool/config.yaml` и в `kubernetes/configmap.yaml`, примените, затем перезапустите поды (kubelet обновляет смонтированный файл во всех подах, но инстанс применяет его только при перезапуске, поэтому лидера определяет порядок ниже): сначала старого лидера (он вернётся только для чтения), потом `{candidate}` (он вернётся лидером), потом остальных участников и роутеры по одному. Не перезапускайте старого лидера, пока ConfigMap не называет нового: он вернулся бы доступным на запись.");
                s.Code("yaml", $"replicasets:\n  {Main.Name}:\n    leader: {candidate}");
                s.Bash($"kubectl apply -k kubernetes/\nkubectl delete pod -n {_ops.Namespace} {MainLeader} && kubectl wait -n {_ops.Namespace} --for=condition=Ready pod/{MainLeader} --timeout=10m\nkubectl delete pod -n {_ops.Namespace} {candidate} && kubectl wait -n {_ops.Namespace} --for=condition=Ready pod/{candidate} --timeout=10m");
                break;
            case (TarantoolTooling.DeclarativeConfig, _):
                s.P($"With manual failover the leader is `leader:` in `config.yaml`, and every host has its own copy. Change it to `{candidate}` in the repository and on every host (below; `tt replicaset promote` would edit only the copy of the host it runs on), then reload the old leader first (it becomes read-only), then the new one, then the others (routers learn the new master):",
                    $"При ручном failover лидер задаётся полем `leader:` в `config.yaml`, и у каждого хоста своя копия. Замените его на `{candidate}` в репозитории и на всех хостах (ниже; `tt replicaset promote` изменил бы только копию хоста, на котором запущен), затем перезагрузите конфигурацию сначала на старом лидере (он станет read-only), потом на новом, потом на остальных (роутеры узнают нового мастера):");
                s.Code("yaml", $"replicasets:\n  {Main.Name}:\n    leader: {candidate}");
                s.Bash($"cd deploy/ansible\nansible tarantool_nodes -b -m ansible.builtin.replace -a \"path={_ops.AppDir}/config.yaml regexp='^(\\s*leader:\\s*){MainLeader}\\s*$' replace='\\g<1>{candidate}'\"\ncd ../..\n"
                    + _ops.Lua(MainLeader, "return require('config'):reload()") + "\n" + _ops.Lua(candidate, "return require('config'):reload()") + "\n" + _ops.OnEveryInstance("require('config'):reload()"));
                s.P("`ansible-playbook rolling-update.yml` does exactly this around a leader restart. If the old leader is down, start it only after its host's config.yaml names the new leader, so it returns read-only.",
                    "Именно так поступает `ansible-playbook rolling-update.yml` при перезапуске лидера. Если старый лидер остановлен, запускайте его только после того, как config.yaml его хоста называет нового лидера, — тогда он вернётся только для чтения.");
                break;
            default:
                s.P("Tarantool 2.11 with manual failover: make the old leader read-only, wait until the candidate has the old leader's vclock, make the candidate writable, then change `read_only` in both instance files so a restart keeps the new roles:",
                    "Tarantool 2.11 с ручным failover: переведите старого лидера в read-only, дождитесь, пока кандидат получит его vclock, откройте кандидата на запись и поменяйте `read_only` в файлах обоих инстансов, чтобы перезапуск сохранил новые роли:");
                s.Bash(_ops.Lua(MainLeader, "box.cfg{read_only = true}\nreturn box.info.vclock") + "\n" + _ops.Lua(candidate, "return box.info.vclock") + "\n" + _ops.Lua(candidate, "box.cfg{read_only = false}\nreturn box.info.ro"));
                break;
        }
        s.P($"Check: `box.info.ro` is `false` only on `{candidate}`; clients reconnect through the router or their driver's discovery.",
            $"Проверка: `box.info.ro` равен `false` только на `{candidate}`; клиенты переподключаются через роутер или обнаружение в своём драйвере.");
    }

    private void RollingRestart(SectionText s)
    {
        var rolling = new RollingUpdateDesigner().Design(cluster);
        s.P("A rolling restart applies new files or a new Tarantool package without taking writes down: replicasets one at a time, inside each the replicas first, then the lead moves, then the former leader restarts. Every step waits until the instance is healthy.",
            "Поэтапный перезапуск применяет новые файлы или новую версию Tarantool, не останавливая запись: репликасеты по одному, внутри каждого сначала реплики, затем перенос лидерства, затем перезапуск бывшего лидера. Каждый шаг ждёт, пока инстанс станет здоровым.");
        s.Table([s.T("Replicaset", "Репликасет"), s.T("Restart order", "Порядок перезапуска"), s.T("Switchover", "Переключение")],
            rolling.Select(r => (IReadOnlyList<string>)[$"`{r.Replicaset}`", string.Join(" → ", r.Order.Select(n => $"`{n}`")), r.SwitchoverTo.Length > 0 ? $"`{r.SwitchoverTo}` ({r.SwitchoverMethod})" : r.SwitchoverMethod]));
        s.Bash(cluster.OnKubernetes
            ? $"NAMESPACE={_ops.Namespace} deploy/scripts/rolling-restart.sh"
            : "cd deploy/ansible && ansible-playbook rolling-update.yml\n# " + s.T("or from an operator machine with SSH access:", "или с машины оператора с доступом по SSH:") + "\nSSH_USER=deploy deploy/scripts/rolling-restart.sh");
        if (rolling.Any(r => r.SwitchoverMethod == SwitchoverMethods.ReadOnlyWindow))
            s.P("With 2.11 and manual failover the leader cannot hand over at runtime: it is made read-only and restarted, so writes pause for one restart while reads continue on the replicas. Schedule it in a quiet hour.",
                "В 2.11 с ручным failover лидер не может передать лидерство на лету: его переводят в read-only и перезапускают, поэтому запись приостанавливается на время одного перезапуска, а чтение продолжается на репликах. Планируйте это на тихий час.");
        if (rolling.Any(r => r.SwitchoverMethod == SwitchoverMethods.None && r.Order.Count == 1 && cluster.DataReplicasets.Any(d => d.Name == r.Replicaset)))
            s.P("A single-instance replicaset is unavailable while it restarts (snapshot load and WAL replay): announce a maintenance window.",
                "Репликасет из одного инстанса недоступен на время перезапуска (загрузка снапшота и чтение WAL): объявляйте окно обслуживания.");
    }

    private void Upgrade(SectionText s)
    {
        var next = $"{cluster.Version.Major}.{cluster.Version.Minor + 1}";
        s.P($"Upgrades within and between minor versions (for example {cluster.Version} → {next}) are done without downtime. Before: read the release notes, take a fresh backup, rehearse on staging.",
            $"Обновление внутри минорной версии и между минорными версиями (например, {cluster.Version} → {next}) выполняется без простоя. Перед началом прочитайте release notes, снимите свежий бэкап и отрепетируйте на стенде.");
        s.Steps(
        [
            s.T("Install the new package on every host (the binary changes on disk, running instances are not touched):", "Установите новый пакет на все хосты (меняется файл на диске, работающие инстансы не затрагиваются):")
                + (cluster.OnKubernetes ? s.T(" change the image tag in `kubernetes/` and apply it.", " поменяйте тег образа в `kubernetes/` и примените манифесты.") : $" `sudo apt-get install -y 'tarantool={next}.*'`"),
            s.T("Run the rolling restart (above): replicas first, leaders last; every instance now runs the new binary on the old schema.", "Выполните поэтапный перезапуск (выше): сначала реплики, лидеры последними; все инстансы работают на новом бинарнике со старой схемой."),
            s.T("Only when every instance runs the new version, upgrade the data schema on the leaders (it replicates to the replicas). After this step a downgrade needs `box.schema.downgrade()`:", "Только когда все инстансы работают на новой версии, обновите схему данных на лидерах (изменения реплицируются). После этого шага откат требует `box.schema.downgrade()`:"),
        ]);
        var leaders = cluster.DataReplicasets.Concat(cluster.Routers).Select(r => cluster.Leader(r) ?? r.Instances[0].Name);
        s.Bash(cluster.Tooling == TarantoolTooling.DeclarativeConfig && !cluster.OnKubernetes
            ? $"tt replicaset upgrade {App}\n# " + s.T("or on each leader:", "или на каждом лидере:") + "\n" + _ops.Lua(MainLeader, "box.schema.upgrade()\nreturn box.space._schema:get{'version'}")
            : string.Join("\n", leaders.Select(l => _ops.Lua(l, "box.schema.upgrade()\nreturn box.space._schema:get{'version'}"))));
        s.P("Do not keep instances of two versions in one replicaset for long, and never let a newer leader's schema upgrade reach replicas still on the old version.",
            "Не держите инстансы двух версий в одном репликасете долго и не обновляйте схему на лидере, пока реплики ещё на старой версии.");
    }

    private void AddShard(SectionText s)
    {
        var count = cluster.DataReplicasets.Count;
        var next = $"storage-{count + 1:000}";
        var perInstance = Main.Instances.Count;
        var moved = cluster.Capacity.DataSizeGb / (count + 1);
        s.P($"`sharding.bucket_count` is {cluster.Capacity.BucketCount} and cannot change after bootstrap; adding shards moves buckets, it never splits them. Going from {count} to {count + 1} shards moves about 1/{count + 1} of the data ({GuideFigures.Gb(moved, cluster.Language)}) to the new shard `{next}`.",
            $"`sharding.bucket_count` равен {cluster.Capacity.BucketCount} и не меняется после инициализации; новый шард получает бакеты, а не делит их. Переход с {count} на {count + 1} шардов переносит около 1/{count + 1} данных ({GuideFigures.Gb(moved, cluster.Language)}) на новый шард `{next}`.");
        var instances = Enumerable.Range(1, perInstance).Select(n => $"{next}-{n}").ToList();
        switch (cluster.Tooling)
        {
            case TarantoolTooling.DeclarativeConfig:
                s.Steps(
                [
                    s.T($"Add replicaset `{next}` with {string.Join(", ", instances.Select(i => $"`{i}`"))} to the `storages` group of `config.yaml` (each instance on a different host){(cluster.Manual ? $", with `leader: {instances[0]}`" : "")}.",
                        $"Добавьте репликасет `{next}` с инстансами {string.Join(", ", instances.Select(i => $"`{i}`"))} в группу `storages` файла `config.yaml` (каждый инстанс на своём хосте){(cluster.Manual ? $", с `leader: {instances[0]}`" : "")}."),
                    s.T("Roll the file out and start the new instances; they bootstrap an empty replicaset.", "Разложите файл и запустите новые инстансы; они инициализируют пустой репликасет."),
                    s.T("Reload the configuration on every router and storage, so the routers and the rebalancer see the new shard:", "Перезагрузите конфигурацию на всех роутерах и хранилищах, чтобы роутеры и ребалансировщик увидели новый шард:"),
                ]);
                s.Bash(_ops.OnEveryInstance("require('config'):reload()"));
                break;
            case TarantoolTooling.BoxCfg:
                s.Steps(
                [
                    s.T($"Create the instance files of {string.Join(", ", instances.Select(i => $"`{i}`"))} and add `{next}` to the sharding table used by every storage and router.", $"Создайте файлы инстансов {string.Join(", ", instances.Select(i => $"`{i}`"))} и добавьте `{next}` в таблицу шардирования, которую используют все хранилища и роутеры."),
                    s.T("Start the new instances, then apply the new table with `vshard.storage.cfg()` on storages and `vshard.router.cfg()` on routers (or a rolling restart).", "Запустите новые инстансы и примените новую таблицу через `vshard.storage.cfg()` на хранилищах и `vshard.router.cfg()` на роутерах (или поэтапным перезапуском)."),
                ]);
                break;
            default:
                s.Bash(string.Join("\n", instances.Select(i => $"sudo systemctl enable --now {_ops.Unit(i)}"))
                    + $"\ntt cartridge replicasets join {string.Join(" ", instances)} --replicaset {next} --name {App}\ntt cartridge replicasets add-roles vshard-storage --replicaset {next} --name {App}\ntt cartridge replicasets set-weight 1 --replicaset {next} --name {App}");
                break;
        }
        var storageLeader = cluster.Leader(Main) ?? Main.Instances[0].Name;
        s.P("The rebalancer now moves buckets in the background, a few at a time, while reads and writes continue (a bucket is read-only only while it moves). Follow the progress until every storage holds about the same number of buckets:",
            "Ребалансировщик переносит бакеты в фоне понемногу, чтение и запись продолжаются (бакет недоступен для записи только на время переноса). Следите за прогрессом, пока у всех хранилищ не станет примерно поровну бакетов:");
        s.Bash(_ops.Lua(storageLeader, "return vshard.storage.info().bucket") + "\n" + _ops.Lua(cluster.Routers[0].Instances[0].Name, "return vshard.router.info().bucket"));
        s.P($"Expect about {cluster.Capacity.BucketCount / (count + 1)} buckets per shard at the end.", $"В конце на каждом шарде должно быть около {cluster.Capacity.BucketCount / (count + 1)} бакетов.");
    }

    private string Voters()
    {
        var voters = cluster.Instances.Where(i => i.ElectionMode == ReplicasetRoles.Voter).Select(i => $"`{i.Name}`").ToList();
        return voters.Count == 0 ? "—" : string.Join(", ", voters);
    }
}
