using System.Globalization;
using System.Text;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// Explains a topology: what runs where, how leaders are chosen and switched, what a site loss means and how to
/// recover, who may log in with which secret, and the diagram.
/// </summary>
internal sealed class TopologyNarrator
{
    private readonly ClusterTopology _topology;
    private readonly ClusterRequest _request;
    private readonly NarrativeBuilder _md;
    private readonly List<Replicaset> _storages;

    public TopologyNarrator(ClusterTopology topology, PhaseContext context)
    {
        _topology = topology;
        _request = context.Request;
        _md = new NarrativeBuilder(context.Language);
        _storages = [.. topology.Replicasets.Where(r => TopologyVocabulary.IsStorage(r) && !TopologyVocabulary.IsStateboard(r))];
    }

    public string Write()
    {
        _md.Title($"Cluster topology: {_request.ClusterName}", $"Топология кластера: {_request.ClusterName}");
        Summary();
        Instances();
        Failover();
        Sites();
        Security();
        Diagram();
        return _md.ToString();
    }

    private string T(string en, string ru) => _md.T(en, ru);

    private string App => _request.ClusterName;

    private int Members => _storages.Count == 0 ? 0 : _storages[0].Instances.Count;

    private string ExampleReplica => _storages.Count > 0 && _storages[0].Instances.Count > 1 ? _storages[0].Instances[1].Name : _storages.FirstOrDefault()?.Instances[0].Name ?? "db-001-1";

    private void Summary()
    {
        _md.Section(ClusterTopologyPhase.Summary);
        var instances = _topology.Replicasets.Sum(r => r.Instances.Count);
        var hosts = _topology.Replicasets.SelectMany(r => r.Instances).Select(n => n.Host).Distinct().Count();
        var routers = _topology.Replicasets.Count(TopologyVocabulary.IsRouter);
        _md.Paragraph(
            $"`{App}` is a {EnumText.Kebab(_topology.ClusterType)} cluster of {LanguageText.En(instances, "instance", "instances")} on {LanguageText.En(hosts, "host", "hosts")} in {LanguageText.En(_topology.Regions.Count, "site", "sites")}: {LanguageText.En(_storages.Count, "storage replicaset", "storage replicasets")} of {LanguageText.En(Members, "member", "members")}{(routers > 0 ? $", {LanguageText.En(routers, "router", "routers")}" : "")}. Failover: **{_topology.FailoverMode}**{(_topology.FailoverStateProvider.Length > 0 ? $" (state in {_topology.FailoverStateProvider})" : "")}.",
            $"`{App}` — кластер типа {EnumText.Kebab(_topology.ClusterType)}: {LanguageText.Ru(instances, "инстанс", "инстанса", "инстансов")} на {LanguageText.Ru(hosts, "хосте", "хостах", "хостах")}, {LanguageText.Ru(_topology.Regions.Count, "площадка", "площадки", "площадок")}: {LanguageText.Ru(_storages.Count, "набор реплик", "набора реплик", "наборов реплик")} хранения по {LanguageText.Ru(Members, "участнику", "участника", "участников")}{(routers > 0 ? $", {LanguageText.Ru(routers, "роутер", "роутера", "роутеров")}" : "")}. Отказоустойчивость: **{_topology.FailoverMode}**{(_topology.FailoverStateProvider.Length > 0 ? $" (состояние в {_topology.FailoverStateProvider})" : "")}.");
        _md.Paragraph("Decisions:", "Решения:");
        _md.Bullets(_topology.Decisions);
    }

    private void Instances()
    {
        _md.Section(ClusterTopologyPhase.Instances);
        var kubernetes = Phases.Containers.InstanceLayout.InContainers(_request);
        _md.Paragraph(
            "Every replicaset and instance follows the naming the later phases rely on: replicasets `db-001` or `storage-NNN`/`router-NNN`, instances `<replicaset>-<n>`" + (kubernetes ? " (the pod name equals the instance name)" : " (the systemd unit is named after the instance)") + ". Each instance listens for iproto on its port and serves metrics over HTTP on its metrics port; instances sharing a host get consecutive ports.",
            "Все наборы реплик и инстансы названы по соглашению, на которое опираются следующие фазы: наборы реплик `db-001` или `storage-NNN`/`router-NNN`, инстансы `<набор реплик>-<n>`" + (kubernetes ? " (имя пода совпадает с именем инстанса)" : " (служба systemd названа по имени инстанса)") + ". Каждый инстанс принимает iproto на своём порту и отдаёт метрики по HTTP на порту метрик; инстансы на одном хосте получают соседние порты.");
        _md.Table(
            [T("Replicaset", "Набор реплик"), T("Roles", "Роли"), T("Instance", "Инстанс"), T("Host", "Хост"), "iproto", T("Metrics", "Метрики"), T("Site / zone", "Площадка / зона"), "mode", "election"],
            _topology.Replicasets.SelectMany(rs => rs.Instances.Select(n => (IReadOnlyList<string>)
            [
                $"`{rs.Name}`", rs.Roles.Count == 0 ? "—" : string.Join(", ", rs.Roles), n.Name == rs.Leader ? $"`{n.Name}` ({T("leader", "лидер")})" : $"`{n.Name}`",
                $"`{n.Host}`", n.Port.ToString(CultureInfo.InvariantCulture), n.MetricsPort.ToString(CultureInfo.InvariantCulture),
                $"{n.Region} / {n.Zone}", n.Mode, n.ElectionMode.Length == 0 ? "—" : n.ElectionMode,
            ])));
        if (_storages.Any(r => r.Roles.Contains(TopologyVocabulary.RebalancerRole)))
            _md.Paragraph(
                "Roles: `storage` holds buckets, `router` forwards requests to the right storage, `rebalancer` (on one storage replicaset) moves buckets when replicasets are added or weights change.",
                "Роли: `storage` хранит бакеты, `router` направляет запросы в нужное хранилище, `rebalancer` (на одном наборе реплик хранения) переносит бакеты при добавлении наборов реплик или изменении весов.");
    }

    private void Failover()
    {
        _md.Section(ClusterTopologyPhase.Failover);
        switch (_topology.FailoverMode)
        {
            case "election": Election(); break;
            case "manual": Manual(); break;
            case "off": Off(); break;
            default: Cartridge(); break;
        }
    }

    private void Election()
    {
        var e = _topology.Election!;
        _md.Paragraph(
            $"Leaders are elected with Raft inside each storage replicaset. When followers lose the leader for {Seconds(e.TimeoutSeconds)} s (the election timeout), a candidate asks for votes and wins with a majority of **{e.SynchroQuorum} of {Members}**; the same quorum confirms synchronous transactions. Voters vote but never lead.",
            $"Лидеры выбираются по Raft внутри каждого набора реплик хранения. Когда последователи теряют лидера на {Seconds(e.TimeoutSeconds)} с (тайм-аут выборов), кандидат запрашивает голоса и побеждает большинством **{e.SynchroQuorum} из {Members}**; тот же кворум подтверждает синхронные транзакции. Голосующие участники (voter) голосуют, но лидерами не становятся.");
        _md.Table([T("Setting", "Параметр"), T("Value", "Значение"), T("Why", "Почему")],
        [
            ["`replication.failover`", "`election`", T("leaders change without an operator", "лидер меняется без участия оператора")],
            ["`replication.election_mode`", $"`{e.Mode}`", _topology.Regions.Count > 1
                ? T("members of the primary site(s) may lead; the others are voters", "участники основных площадок могут лидировать; остальные только голосуют")
                : T("every member may lead", "лидером может стать любой участник")],
            ["`replication.election_timeout`", $"`{Seconds(e.TimeoutSeconds)}`", _request.Environment == DeploymentEnvironment.Production
                ? T("long enough to ride out a GC pause or a network blip, short enough to keep write downtime to seconds", "достаточно долго, чтобы пережить паузу или сетевой сбой, и достаточно коротко, чтобы простой записи длился секунды")
                : T("fast failover for tests; flapping is harmless outside production", "быстрое переключение для тестов; вне прода лишние перевыборы безвредны")],
            ["`replication.election_fencing_mode`", $"`{e.FencingMode}`", e.FencingMode == "strict"
                ? T("the old leader turns read-only before the others may elect a new one, so two writable leaders never coexist", "старый лидер переходит в read-only раньше, чем остальные могут выбрать нового, поэтому двух пишущих лидеров не бывает")
                : T("the default: the leader resigns when it loses the quorum, tolerant of short network blips", "значение по умолчанию: лидер слагает полномочия при потере кворума и терпим к коротким сбоям сети")],
            ["`replication.synchro_quorum`", $"`{e.SynchroQuorum}`", T("N/2+1: a majority, so two partitions can never both confirm", "N/2+1: большинство, поэтому две части разделённой сети не могут подтверждать одновременно")],
        ]);
        _md.Paragraph(
            $"Planned switchover (maintenance of the leader's host): check that the target has caught up (`box.info.replication` lag near zero), then run `tt replicaset promote {App}:{ExampleReplica}` — under election it calls `box.ctl.promote()` on the target. Watch `box.info.election` (state, term, leader) on every member.{(_topology.Replicasets.Any(TopologyVocabulary.IsRouter) ? " Routers find the new leader by themselves." : "")}",
            $"Плановое переключение (обслуживание хоста лидера): убедитесь, что целевой инстанс догнал лидера (отставание в `box.info.replication` около нуля), затем выполните `tt replicaset promote {App}:{ExampleReplica}` — при выборах команда вызывает `box.ctl.promote()` на целевом инстансе. Следите за `box.info.election` (state, term, leader) на всех участниках.{(_topology.Replicasets.Any(TopologyVocabulary.IsRouter) ? " Роутеры находят нового лидера сами." : "")}");
        _md.Code(_request.IsDeclarativeConfig ? "yaml" : "lua", _request.IsDeclarativeConfig
            ? $"replication:\n  failover: election\n  election_timeout: {Seconds(e.TimeoutSeconds)}\n  election_fencing_mode: {e.FencingMode}\n  synchro_quorum: {e.SynchroQuorum}{VoterOverride()}"
            : $"box.cfg{{\n    election_mode = 'candidate', -- 'voter' on remote members\n    election_timeout = {Seconds(e.TimeoutSeconds)},\n    election_fencing_mode = '{e.FencingMode}',\n    replication_synchro_quorum = {e.SynchroQuorum},\n}}");
        if (_request.HaStrategy == HaStrategy.DistributedHa) SiteLoss(e);
    }

    /// <summary>Voters are set per instance; the comment shows where, for the configuration phase to render.</summary>
    private string VoterOverride()
    {
        var voter = _storages.SelectMany(r => r.Instances).FirstOrDefault(n => n.ElectionMode == "voter");
        return voter is null ? "" : $"\n# voters, per instance: instances.{voter.Name}.replication.election_mode: voter";
    }

    private void SiteLoss(ElectionSettings e)
    {
        var multi = _topology.Regions.Count > 1;
        _md.Subsection(multi ? "Losing a region" : "Losing a zone", multi ? "Потеря региона" : "Потеря зоны");
        _md.Paragraph(multi
                ? T("Members are spread so that no site holds a majority whenever there are three or more sites. If a whole site goes dark:",
                    "Участники распределены так, что при трёх и более площадках ни одна не держит большинство. Если площадка пропала целиком:")
                : T("Members sit in different zones, so a zone outage costs each replicaset at most one member. If a whole zone goes dark:",
                    "Участники стоят в разных зонах, поэтому отказ зоны отнимает у набора реплик не больше одного участника. Если зона пропала целиком:"));
        var routers = _topology.Replicasets.Any(TopologyVocabulary.IsRouter);
        _md.Numbered(
        [
            multi
                ? T("Confirm that the site is lost and not just cut off: check it from two surviving sites. Fence it (stop its instances or block its traffic) so that it cannot return as a stale leader.",
                    "Убедитесь, что площадка потеряна, а не просто отрезана: проверьте её с двух уцелевших площадок. Изолируйте её (остановите инстансы или перекройте трафик), чтобы она не вернулась устаревшим лидером.")
                : T("Confirm that the zone is lost and not just cut off: check it from the two other zones. Fence it (stop its instances or block its traffic) so that it cannot return as a stale leader.",
                    "Убедитесь, что зона потеряна, а не просто отрезана: проверьте её из двух других зон. Изолируйте её (остановите инстансы или перекройте трафик), чтобы она не вернулась устаревшим лидером."),
            T($"If the survivors still hold the quorum ({e.SynchroQuorum} of {Members}), Raft elects a leader among the surviving candidates within about {Seconds(e.TimeoutSeconds)} s. Check `box.info.election` on the survivors{(routers ? " and `vshard.router.info()` on the routers" : "")}.",
                $"Если у уцелевших остался кворум ({e.SynchroQuorum} из {Members}), Raft выберет лидера среди уцелевших кандидатов примерно за {Seconds(e.TimeoutSeconds)} с. Проверьте `box.info.election` на уцелевших{(routers ? " и `vshard.router.info()` на роутерах" : "")}."),
            T("If the quorum is lost, writes stop by design. Lower `replication.synchro_quorum` to the number of live members, make one survivor a candidate (`replication.election_mode: candidate`), reload the configuration on the survivors and run `box.ctl.promote()` on it. Record the decision: transactions that only the lost members had confirmed may be gone.",
                "Если кворум потерян, запись останавливается — так задумано. Снизьте `replication.synchro_quorum` до числа живых участников, сделайте одного уцелевшего кандидатом (`replication.election_mode: candidate`), перезагрузите конфигурацию на уцелевших и выполните на нём `box.ctl.promote()`. Зафиксируйте решение: транзакции, подтверждённые только потерянными участниками, могут быть утрачены."),
            routers
                ? T("Send clients to the routers that survived (DNS or load balancer).", "Переключите клиентов на уцелевшие роутеры (DNS или балансировщик).")
                : T("Clients reconnect to the new leader: use a connector or connection pool that discovers the writable instance (`box.info.ro`) instead of a fixed address.",
                    "Клиенты переподключаются к новому лидеру: используйте коннектор или пул соединений, который находит пишущий инстанс (`box.info.ro`), а не фиксированный адрес."),
            T("When the lost members return, start them: they rejoin as followers (an instance whose data diverged is re-bootstrapped from an empty data directory). Restore the quorum and election modes, wait for the lag to reach zero, then move leadership back if you want it there.",
                "Когда потерянные участники вернутся, запустите их: они подключатся как последователи (инстанс с разошедшимися данными пересоздаётся с пустого каталога данных). Верните кворум и режимы выборов, дождитесь нулевого отставания и при желании верните лидерство."),
        ]);
    }

    private void Manual()
    {
        var leaders = string.Join(", ", _storages.Select(r => $"`{r.Leader}`"));
        _md.Paragraph(
            $"Failover is manual: the leader of every storage replicaset is fixed in the configuration ({leaders}) and nothing changes it automatically. If a leader fails, its replicaset is read-only until an operator promotes a replica — writes pause for minutes, not seconds, which this HA strategy accepts in exchange for never having a surprise leader change.",
            $"Отказоустойчивость ручная: лидер каждого набора реплик хранения зафиксирован в конфигурации ({leaders}), и автоматически он не меняется. При отказе лидера набор реплик остаётся только для чтения, пока оператор не повысит реплику, — запись останавливается на минуты, а не секунды; эта стратегия принимает это ради отсутствия неожиданных смен лидера.");
        var clients = _topology.Replicasets.Any(TopologyVocabulary.IsRouter) ? T("routers and clients", "роутеры и клиенты") : T("clients", "клиенты");
        _md.Numbered(
        [
            T("Pick the most up-to-date replica: compare `box.info.vclock` and the lag in `box.info.replication` on the replicas.",
                "Выберите самую свежую реплику: сравните `box.info.vclock` и отставание в `box.info.replication` на репликах."),
            _request.IsDeclarativeConfig
                ? T($"Promote it where every instance reads the configuration: set `leader: {ExampleReplica}` in config.yaml on every host (or in the ConfigMap on Kubernetes), then `require('config'):reload()` on each member, the old leader first if it is alive (it becomes read-only). `tt replicaset promote` edits only the config.yaml of the host it runs on, so the other hosts would still name the old leader.",
                    $"Повысьте её там, откуда конфигурацию читает каждый инстанс: задайте `leader: {ExampleReplica}` в config.yaml на каждом хосте (или в ConfigMap в Kubernetes), затем выполните `require('config'):reload()` на каждом участнике, начиная со старого лидера, если он жив (он станет только для чтения). `tt replicaset promote` меняет только config.yaml хоста, на котором запущен, и остальные хосты по-прежнему называли бы лидером старый.")
                : T($"Promote it: if the old leader is alive, run `box.cfg{{read_only = true}}` on it and wait until the replica's vclock matches; then run `box.cfg{{read_only = false}}` on `{ExampleReplica}` and make the change permanent in its instance file.",
                    $"Повысьте её: если старый лидер жив, выполните на нём `box.cfg{{read_only = true}}` и дождитесь совпадения vclock реплики; затем выполните `box.cfg{{read_only = false}}` на `{ExampleReplica}` и закрепите изменение в его файле инстанса."),
            T($"Check `box.info.ro` is false on the new leader and that {clients} write to it; start the old leader only once its own configuration names the new leader, so it returns as a read-only replica.",
                $"Проверьте, что на новом лидере `box.info.ro` равно false и что {clients} пишут в него; запускайте старого лидера только после того, как его собственная конфигурация называет нового лидера, — тогда он вернётся репликой только для чтения."),
        ]);
        if (_request.IsDeclarativeConfig)
            _md.Code("yaml", $"replication:\n  failover: manual\n{string.Join("\n", _storages.Take(2).Select(r => $"# replicasets.{r.Name}.leader: {r.Leader}"))}");
    }

    private void Off()
    {
        if (_request.ClusterType == ClusterType.SingleInstance)
        {
            _md.Paragraph(
                "A single instance has no failover: if it or its host fails, the service is down until the instance restarts and recovers from its snapshot and WAL, or is restored from a backup on a new host. Use it for development, caches that can be rebuilt, or where downtime is acceptable.",
                "У одиночного инстанса нет переключения: при отказе инстанса или хоста сервис недоступен, пока инстанс не перезапустится и не восстановится из снимка и WAL или не будет восстановлен из резервной копии на новом хосте. Подходит для разработки, восстановимых кешей или там, где простой допустим.");
            return;
        }

        _md.Paragraph(
            $"Master-master: `replication.failover: off` and `database.mode: rw` on all {Members} members; each replicates its writes to the others, so losing one master only moves its clients to another.",
            $"Master-master: `replication.failover: off` и `database.mode: rw` на всех {Members} участниках; каждый реплицирует свои записи остальным, поэтому потеря одного мастера лишь переводит его клиентов на другой.");
        _md.Paragraph(
            "Tarantool has no conflict resolution. Two masters changing the same key concurrently either diverge silently (updates) or stop replication with a duplicate-key error (inserts), which then needs manual repair. Use master-master only when every key has one writer (partition the keys between masters), or for commutative data such as counters updated with `upsert` and append-only logs.",
            "В Tarantool нет разрешения конфликтов. Два мастера, одновременно меняющие один ключ, либо молча расходятся (обновления), либо останавливают репликацию ошибкой duplicate key (вставки), и это требует ручного исправления. Используйте master-master, только если у каждого ключа один писатель (ключи поделены между мастерами), или для коммутативных данных — счётчиков через `upsert` и журналов только на добавление.");
        _md.Paragraph(
            "Do not use it for balances, inventories or unique constraints across masters, and not across distant sites; prefer one leader with automatic election, or sharding with one leader per shard.",
            "Не используйте его для балансов, остатков и уникальных ограничений между мастерами, а также между удалёнными площадками; лучше один лидер с автоматическими выборами или шардирование с одним лидером на шард.");
    }

    private void Cartridge()
    {
        if (_topology.FailoverMode == "disabled")
        {
            _md.Paragraph(
                "Cartridge failover is disabled: the first instance of each replicaset's failover priority is the leader. To switch, an operator edits the priority (WebUI or `cartridge.admin_edit_topology`) after checking that the new leader has caught up.",
                "Отказоустойчивость Cartridge выключена: лидер — первый инстанс в failover priority набора реплик. Для переключения оператор меняет приоритет (WebUI или `cartridge.admin_edit_topology`), проверив, что новый лидер догнал старого.");
            return;
        }

        _md.Paragraph(
            $"Cartridge stateful failover: the failover coordinator (role `failover-coordinator` on the routers, one active at a time) watches the instances and appoints leaders, keeping the decision in the {_topology.FailoverStateProvider}. An instance that cannot reach the state provider does not promote itself, so a network split cannot create two leaders. Manual switchover: `cartridge.failover_promote({{[replicaset_uuid] = instance_uuid}})` or the WebUI.",
            $"Stateful failover в Cartridge: координатор (роль `failover-coordinator` на роутерах, активен один) следит за инстансами и назначает лидеров, храня решение в {_topology.FailoverStateProvider}. Инстанс, не видящий хранилище состояния, не повышает себя сам, поэтому разделение сети не создаёт двух лидеров. Ручное переключение: `cartridge.failover_promote({{[replicaset_uuid] = instance_uuid}})` или WebUI.");
        if (_topology.FailoverStateProvider == "stateboard")
            _md.Paragraph(
                "The stateboard is a single small process: if it is down, failover pauses (current leaders keep working). Restart it quickly; for site-level HA an etcd2 cluster across three sites is the stronger state provider.",
                "Stateboard — один небольшой процесс: пока он недоступен, переключения приостанавливаются (текущие лидеры продолжают работу). Перезапускайте его быстро; для отказоустойчивости на уровне площадок надёжнее хранилище состояния etcd2 на трёх площадках.");
    }

    private void Sites()
    {
        _md.Section(ClusterTopologyPhase.Sites);
        _md.Table([T("Site", "Площадка"), T("Primary", "Основная"), T("Zones", "Зоны"), T("Instances", "Инстансы")],
            _topology.Regions.Select(r => (IReadOnlyList<string>)
            [
                $"`{r.Name}`", r.Primary ? T("yes", "да") : T("no", "нет"), string.Join(", ", r.Zones),
                _topology.Replicasets.SelectMany(rs => rs.Instances).Count(n => n.Region == r.Name).ToString(CultureInfo.InvariantCulture),
            ]));
        _md.Paragraph(
            "Placement rules: no two members of a replicaset share a host, members of a replicaset are spread over zones, and the first members of different replicasets start in different zones so leaders do not pile up in one zone. Hosts of a zone fill evenly; routers and the stateboard, if any, go to the least loaded hosts of their site.",
            "Правила размещения: никакие два участника набора реплик не делят хост, участники набора разнесены по зонам, а первые участники разных наборов начинают с разных зон, чтобы лидеры не скапливались в одной зоне. Хосты зоны заполняются равномерно; роутеры и stateboard, если они есть, размещаются на наименее загруженных хостах своей площадки.");
        _md.Paragraph(_topology.CrossRegionLatencyBudgetMs > 0
            ? T($"Cross-site latency budget: **{_topology.CrossRegionLatencyBudgetMs} ms** round trip. {(_request.HaStrategy == HaStrategy.DistributedHa ? "Elections and synchronous commits wait for a cross-site round trip, so the sites must be close (one metro area or neighbouring regions)." : "Remote members replicate asynchronously; beyond this budget their lag and failover time grow.")} Measure it before go-live and alert on replication lag.",
                $"Бюджет задержки между площадками: **{_topology.CrossRegionLatencyBudgetMs} мс** туда и обратно. {(_request.HaStrategy == HaStrategy.DistributedHa ? "Выборы и синхронные коммиты ждут межплощадочного обмена, поэтому площадки должны быть близко (один город или соседние регионы)." : "Удалённые участники реплицируются асинхронно; сверх этого бюджета растут их отставание и время переключения.")} Измерьте задержку до запуска и настройте оповещение об отставании репликации.")
            : T("One site: there is no cross-site latency to budget; zone-to-zone round trips inside a region are well under a millisecond or two.",
                "Одна площадка: межплощадочной задержки нет; обмен между зонами внутри региона занимает не больше одной-двух миллисекунд."));
    }

    private void Security()
    {
        _md.Section(ClusterTopologyPhase.Security);
        _md.Paragraph(
            "Each user gets only the role it needs; nobody but `admin` (local, over the console socket) has `super`. Passwords are never written anywhere: the configuration references config.context entries that are loaded from environment variables or files at start-up.",
            "Каждый пользователь получает только нужную ему роль; `super` нет ни у кого, кроме `admin` (локально, через консольный сокет). Пароли нигде не записываются: конфигурация ссылается на записи config.context, которые при запуске загружаются из переменных окружения или файлов.");
        _md.Table([T("User", "Пользователь"), T("Roles and privileges", "Роли и привилегии"), T("Secret", "Секрет"), T("Purpose", "Назначение")],
            Grants.Select(u => (IReadOnlyList<string>)[$"`{u.Name}`", GrantText(u), $"`{u.PasswordContext}`", u.Purpose]));
        _md.Code(_request.IsDeclarativeConfig ? "yaml" : "lua", _request.IsDeclarativeConfig ? DeclarativeCredentials() : BoxCredentials());
        _md.Paragraph(_topology.IprotoTls
            ? T("iproto TLS is on (Tarantool Enterprise Edition): clients, replicas and routers connect with `transport: ssl` to the advertised URIs; certificates are files provisioned by the platform, their private keys never enter the bundle.",
                "iproto TLS включён (Tarantool Enterprise Edition): клиенты, реплики и роутеры подключаются к адресам advertise с `transport: ssl`; сертификаты — файлы, которые выдаёт платформа, их закрытые ключи никогда не попадают в поставку.")
            : _request.Edition == Edition.Community
                ? T("iproto TLS is off: Tarantool Community Edition has no ssl transport. Keep the instances on a private network, reachable only from the application and the operators' bastion (security groups, or a NetworkPolicy on Kubernetes). Enterprise Edition (`--edition enterprise`) adds iproto TLS.",
                    "iproto TLS выключен: в Tarantool Community Edition нет транспорта ssl. Держите инстансы в закрытой сети, доступной только приложению и бастиону операторов (группы безопасности или NetworkPolicy в Kubernetes). Enterprise Edition (`--edition enterprise`) добавляет TLS для iproto.")
                : T("iproto TLS is off: keep the instances on a private network, reachable only from the application and the operators' bastion.",
                    "iproto TLS выключен: держите инстансы в закрытой сети, доступной только приложению и бастиону операторов."));
    }

    private string DeclarativeCredentials()
    {
        var text = new StringBuilder("config:\n  context:\n");
        foreach (var user in Grants)
            text.Append($"    {user.PasswordContext}:\n      from: env\n      env: TT_{user.PasswordContext.ToUpperInvariant()}\n");
        text.Append("credentials:\n  users:\n");
        foreach (var user in Grants)
        {
            text.Append($"    {user.Name}:\n      password: '{{{{ context.{user.PasswordContext} }}}}'\n");
            if (user.Roles.Count > 0) text.Append($"      roles: [{string.Join(", ", user.Roles)}]\n");
            if (user.Privileges.Count > 0) text.Append("      privileges:\n");
            foreach (var p in user.Privileges)
            {
                text.Append($"        - permissions: [{string.Join(", ", p.Permissions)}]\n");
                if (p.Universe) text.Append("          universe: true\n");
                if (p.Spaces.Count > 0) text.Append($"          spaces: [{string.Join(", ", p.Spaces)}]\n");
                if (p.LuaCall.Count > 0) text.Append($"          lua_call: [{string.Join(", ", p.LuaCall)}]\n");
            }
        }
        var peer = Grants.FirstOrDefault(u => u.Roles.Contains("replication"));
        var sharding = Grants.FirstOrDefault(u => u.Roles.Contains("sharding"));
        if (peer is not null || sharding is not null)
        {
            text.Append("iproto:\n  advertise:\n");
            if (peer is not null) text.Append($"    peer:\n      login: {peer.Name}\n");
            if (sharding is not null) text.Append($"    sharding:\n      login: {sharding.Name}\n");
        }

        return text.ToString();
    }

    private string BoxCredentials()
    {
        var text = new StringBuilder();
        // The grants init.lua applies: built-in roles, data privileges; vshard grants its own user, API functions are
        // granted one by one once they exist. Cartridge users keep their custom roles, which must exist first.
        if (ClusterShape.IsCartridge(_request))
            foreach (var role in Grants.SelectMany(u => u.Roles).Distinct().Where(r => r is not ("public" or "replication" or "super")))
                text.Append($"box.schema.role.create('{role}', {{if_not_exists = true}})\n");
        foreach (var user in Grants)
        {
            if (user.Roles.Contains("sharding") && !ClusterShape.IsCartridge(_request))
            {
                text.Append($"-- {user.Name}: vshard.storage.cfg creates it and grants what vshard needs\n");
                continue;
            }
            text.Append($"box.schema.user.create('{user.Name}', {{password = os.getenv('TT_{user.PasswordContext.ToUpperInvariant()}'), if_not_exists = true}})\n");
            foreach (var role in user.Roles.Where(r => r is "replication" or "super" or "public" || ClusterShape.IsCartridge(_request)))
                text.Append($"box.schema.user.grant('{user.Name}', '{role}', nil, nil, {{if_not_exists = true}})\n");
            foreach (var p in user.Privileges)
            {
                var permissions = string.Join(",", p.Permissions.Where(x => x != "execute" || p.LuaCall.Count == 0));
                if (permissions.Length > 0 && p.Universe) text.Append($"box.schema.user.grant('{user.Name}', '{permissions}', 'universe', nil, {{if_not_exists = true}})\n");
                if (p.LuaCall.Count > 0) text.Append($"-- {user.Name}: box.schema.user.grant('{user.Name}', 'execute', 'function', name) for each API function\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The grants the configuration phase gives each topology user (one mapping, <see cref="Configuration.CredentialsDesigner"/>),
    /// so what this narrative says a user can do is what the config grants. Cartridge manages its users itself, so there the topology's users are shown as they are.
    private IReadOnlyList<Phases.Configuration.ConfigUser> Grants => ClusterShape.IsCartridge(_request)
        ? [.. _topology.Users.Select(u => new Phases.Configuration.ConfigUser(u.Name, u.PasswordSecret, u.Roles, [], u.Purpose))]
        : Configuration.CredentialsDesigner.Users(_topology, _topology.Replicasets.Any(r => r.Roles.Contains("router")));

    private static string GrantText(Phases.Configuration.ConfigUser user) =>
        string.Join("; ", user.Roles.Select(r => $"role {r}").Concat(user.Privileges.Select(p =>
            string.Join(", ", p.Permissions) + (p.Universe ? " on universe" : "") + (p.Spaces.Count > 0 ? " on " + string.Join(", ", p.Spaces) : "")
            + (p.LuaCall.Count > 0 ? " (lua_call: " + string.Join(", ", p.LuaCall) + ")" : ""))));

    private void Diagram()
    {
        _md.Section(ClusterTopologyPhase.Diagram);
        _md.Paragraph(
            "Sites contain replicasets; dotted arrows are replication from the first member (the configured leader, if any), solid arrows are routers sending requests to storages.",
            "Площадки содержат наборы реплик; пунктирные стрелки — репликация от первого участника (настроенного лидера, если он есть), сплошные — запросы роутеров к хранилищам.");
        _md.Code("mermaid", _topology.MermaidDiagram);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture);
}
