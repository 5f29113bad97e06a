using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Monitoring;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Writes the runbook of every alert of <see cref="AlertCatalog"/> for this cluster: the ones that can fire here in
/// full (meaning, signal, diagnosis with real commands, fix), the others with the condition under which they would.
/// </summary>
internal sealed class AlertRunbooks(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    private string T(string en, string ru) => cluster.Language == Requests.Language.Ru ? ru : en;
    private string Leader => cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
    private string Replica => cluster.MainReplicaset.Instances.FirstOrDefault(i => i.Name != Leader)?.Name ?? Leader;

    public IReadOnlyList<AlertRunbook> All() =>
    [
        InstanceDown(), ReplicationLagHigh(), ReplicationStopped(), MemtxArenaNearlyFull(), LuaMemoryHigh(), LeaderChanged(),
        NoLeader(), ConfigNotReady(), VinylRegulatorStalled(), TransactionConflictsHigh(), BackupTooOld(), DiskSpaceLow(),
        MemtxTier(AlertNames.MemtxArenaFull), MemtxTier(AlertNames.MemtxItemsNearlyFull), MemtxTier(AlertNames.MemtxItemsFull),
        ConfigErrors(), EventLoopSlow(), RequestsOverloaded(), BackupMissing(), MemoryNearLimit(), MemoryAtLimit(),
    ];

    /// <summary>The process RSS approaches the container or unit memory limit, past which the kernel kills it.</summary>
    private AlertRunbook MemoryNearLimit() => new(AlertNames.MemoryNearLimit,
        cluster.OnKubernetes
            ? T("The resident memory of an instance is above 85% of its pod's memory limit. At the limit the kernel OOM-kills the container: a restart with snapshot recovery, a failover if it was the leader.",
                "Резидентная память инстанса выше 85% лимита памяти его пода. На лимите ядро убивает контейнер (OOM): перезапуск с восстановлением из снапшота и переключение, если это был лидер.")
            : T("The resident memory of an instance is above 85% of `MemoryMax=` of its systemd unit. At the limit the kernel OOM-kills the process: a restart with snapshot recovery, a failover if it was the leader.",
                "Резидентная память инстанса выше 85% от `MemoryMax=` его systemd-юнита. На лимите ядро убивает процесс (OOM): перезапуск с восстановлением из снапшота и переключение, если это был лидер."),
        "tnt_memory",
        true,
        T("Always: every instance runs under a memory limit.", "Всегда: каждый инстанс работает с лимитом памяти."),
        [
            T("See what grows: the memtx arena (`box.slab.info()`), the Lua heap (`box.info.memory().lua`), network buffers and transactions (`box.info.memory()`).", "Посмотрите, что растёт: арена memtx (`box.slab.info()`), куча Lua (`box.info.memory().lua`), сетевые буферы и транзакции (`box.info.memory()`)."),
            cluster.OnKubernetes
                ? T("Compare with the limit: `kubectl get pod -o jsonpath='{.spec.containers[0].resources.limits.memory}'`.", "Сравните с лимитом: `kubectl get pod -o jsonpath='{.spec.containers[0].resources.limits.memory}'`.")
                : T("Compare with the limit: `systemctl show -p MemoryMax` of the instance's unit.", "Сравните с лимитом: `systemctl show -p MemoryMax` юнита инстанса."),
        ],
        _ops.Lua(Leader, "return {memory = box.info.memory(), slab = box.slab.info()}"),
        [
            T("A Lua heap that keeps growing is a leak: follow TarantoolLuaMemoryHigh.", "Постоянно растущая куча Lua — это утечка: действуйте по TarantoolLuaMemoryHigh."),
            T("If the data grew, raise the memory limit first and `memtx.memory` after it, never the other way round (scaling.md).", "Если выросли данные, сначала поднимите лимит памяти, затем `memtx.memory` — никогда наоборот (scaling.md)."),
        ]);

    private AlertRunbook MemoryAtLimit() => MemoryNearLimit() with
    {
        Name = AlertNames.MemoryAtLimit,
        Meaning = T("The paging tier: resident memory above 95% of the memory limit; the next burst or snapshot read view can get the instance OOM-killed.",
                    "Уровень вызова: резидентная память выше 95% лимита; следующий всплеск или read view снапшота может привести к убийству инстанса (OOM)."),
    };

    /// <summary>The other memtx tiers share the arena runbook's diagnosis and fix; what differs is the ratio and the urgency.</summary>
    private AlertRunbook MemtxTier(string name)
    {
        var basis = MemtxArenaNearlyFull();
        var items = name != AlertNames.MemtxArenaFull;
        var critical = name != AlertNames.MemtxItemsNearlyFull;
        var meaning = (items, critical) switch
        {
            (false, _) => T("The paging tier of the memtx arena: quota and arena above 90% (80% warns first). Inserts are minutes to hours from `ER_MEMORY_ISSUE` (`Failed to allocate`).",
                            "Уровень вызова для арены memtx: quota и arena выше 90% (при 80% приходит предупреждение). До ошибок `ER_MEMORY_ISSUE` (`Failed to allocate`) при вставке остаются минуты или часы."),
            (true, false) => T("Tuples (items) fill most of the memtx quota: real data growth rather than fragmentation. Warning tier (80%); plan memory or a shard now.",
                               "Кортежи (items) занимают большую часть квоты memtx: это реальный рост данных, а не фрагментация. Уровень предупреждения (80%): планируйте память или шард сейчас."),
            _ => T("Tuples (items) fill the memtx quota above 90%: inserts will soon fail with `ER_MEMORY_ISSUE`. Paging tier.",
                   "Кортежи (items) заполняют квоту memtx выше 90%: вставки скоро начнут падать с `ER_MEMORY_ISSUE`. Уровень вызова."),
        };
        return basis with
        {
            Name = name,
            Meaning = meaning,
            Signal = items ? "tnt_slab_quota_used_ratio, tnt_slab_items_used_ratio" : basis.Signal,
            Fix = critical
                ? [T("Stop the growth first: pause bulk loads and batch jobs writing to this replicaset.", "Сначала остановите рост: приостановите массовые загрузки и пакетные задания, пишущие в этот репликасет."), .. basis.Fix]
                : basis.Fix,
        };
    }

    private AlertRunbook ConfigErrors()
    {
        var relevant = cluster.Tooling == TarantoolTooling.DeclarativeConfig;
        return ConfigNotReady() with
        {
            Name = AlertNames.ConfigErrors,
            Meaning = T("`config:info()` reports errors: the latest configuration was not applied and the instance keeps running the previous one (or cannot start).",
                        "`config:info()` сообщает об ошибках: последняя конфигурация не применена, инстанс работает на предыдущей (или не может запуститься)."),
            Signal = "tnt_config_alerts{level=\"error\"}",
            Relevant = relevant,
        };
    }

    private AlertRunbook EventLoopSlow() => new(AlertNames.EventLoopSlow,
        T("One iteration of the TX thread's event loop takes over 100 ms: a fiber runs without yielding (a long Lua loop, a select over a huge range, a big `pairs()` without `fiber.yield()`), and every other request waits behind it.",
          "Одна итерация цикла событий потока TX длится больше 100 мс: файбер работает, не уступая управление (долгий цикл Lua, select по огромному диапазону, большой `pairs()` без `fiber.yield()`), и все остальные запросы ждут за ним."),
        "tnt_ev_loop_time",
        true,
        T("Always.", "Всегда."),
        [
            T("Find the fiber that holds the thread: `fiber.top()` shows CPU share per fiber; the log shows `Too long WAL write` and slow requests (`too long`).", "Найдите файбер, который держит поток: `fiber.top()` показывает долю CPU по файберам; в логе видны `Too long WAL write` и медленные запросы (`too long`)."),
        ],
        _ops.Lua(Leader, "fiber = require('fiber')\nfiber.top_enable()\nfiber.sleep(5)\nlocal top = fiber.top()\nfiber.top_disable()\nreturn top"),
        [
            T("Add `fiber.yield()` (or `fiber.sleep(0)`) inside long loops, paginate big selects, move heavy scans to a replica.", "Добавьте `fiber.yield()` (или `fiber.sleep(0)`) в длинные циклы, разбивайте большие выборки на страницы, переносите тяжёлые сканирования на реплику."),
            T("Look for requests from a new release or a batch job; roll it back if the stall started with it.", "Проверьте запросы новой версии приложения или пакетного задания; откатите его, если проблема началась вместе с ним."),
        ]);

    private AlertRunbook RequestsOverloaded() => new(AlertNames.RequestsOverloaded,
        T("Too many iproto requests are in flight: close to `net_msg_max` (768 by default) iproto stops reading sockets and clients time out. The TX thread does not keep up (CPU-bound, blocked by a long fiber, or a slow disk under synchronous writes).",
          "В обработке слишком много iproto-запросов: около `net_msg_max` (по умолчанию 768) iproto перестаёт читать сокеты и клиенты получают тайм-ауты. Поток TX не успевает (загружен CPU, заблокирован долгим файбером или медленным диском при синхронной записи)."),
        "tnt_net_requests_current",
        true,
        T("Always.", "Всегда."),
        [
            T("Compare the request rate with the plan's peak, and check the event loop time and the slowest fibers:", "Сравните поток запросов с пиком из плана и проверьте время цикла событий и самые медленные файберы:"),
        ],
        _ops.Lua(Leader, "return {net = box.stat.net(), requests = box.stat(), fibers = require('fiber').info({backtrace = false})}"),
        [
            T("If one fiber blocks the thread, follow TarantoolEventLoopSlow.", "Если поток блокирует один файбер, действуйте по TarantoolEventLoopSlow."),
            cluster.Sharded
                ? T("If the load is real, spread it: read from replicas through the router (`balance = true`), add shards (scaling.md).", "Если нагрузка реальная, распределите её: читайте с реплик через роутер (`balance = true`), добавьте шарды (scaling.md).")
                : T("If the load is real, send reads to replicas and reduce the per-request work; raising `iproto.net_msg_max` only hides an overloaded TX thread.", "Если нагрузка реальная, направьте чтение на реплики и уменьшите работу на запрос; увеличение `iproto.net_msg_max` лишь скрывает перегрузку потока TX."),
        ]);

    private AlertRunbook BackupMissing() => BackupTooOld() with
    {
        Name = AlertNames.BackupMissing,
        Meaning = T("The backup freshness series of a replicaset has not been seen at all within the backup window: the backup job never ran, was refused (admission, permissions), or cannot publish its metric. TarantoolBackupTooOld cannot fire on a series that does not exist.",
                    "Ряд свежести бэкапа репликасета не появлялся за всё окно бэкапа: задача бэкапа ни разу не запускалась, была отклонена (admission, права) или не может опубликовать метрику. TarantoolBackupTooOld не может сработать на несуществующем ряду."),
        Signal = $"absent_over_time({MetricCatalog.BackupLastSuccess})",
    };

    private AlertRunbook InstanceDown() => new(AlertNames.InstanceDown,
        T("Prometheus cannot scrape an instance's metrics endpoint: the process is down, hung, or unreachable.",
          "Prometheus не может получить метрики инстанса: процесс остановлен, завис или недоступен по сети."),
        "up == 0",
        true,
        T($"Always: every one of the {cluster.Instances.Count} instances is scraped.", $"Всегда: опрашивается каждый из {cluster.Instances.Count} инстансов."),
        [
            T("Is the process alive, and why did it stop?", "Жив ли процесс и почему он остановился?"),
            T("Out of memory (`memtx.memory` exceeded, kernel OOM killer) or disk full are the usual causes: look for them in the log.", "Обычные причины — нехватка памяти (превышен `memtx.memory`, OOM killer ядра) или заполненный диск: ищите их в логе."),
        ],
        $"{(cluster.OnKubernetes ? $"kubectl get pod -n {_ops.Namespace} {Replica}\nkubectl describe pod -n {_ops.Namespace} {Replica}" : $"systemctl status {_ops.Unit(Replica)}")}\n{_ops.Logs(Replica)}",
        [
            cluster.OnKubernetes
                ? T("Start it again; the StatefulSet does it on a crash by itself. Recovery reads the last snapshot and the WAL after it.", "Запустите инстанс снова; после сбоя StatefulSet делает это сам. Восстановление читает последний снапшот и WAL после него.")
                : T("Start it again; systemd does it on a crash by itself. Recovery reads the last snapshot and the WAL after it.", "Запустите инстанс снова; после сбоя systemd делает это сам. Восстановление читает последний снапшот и WAL после него."),
            T($"If a replica cannot recover its files, rebuild it from the leader (it restarts empty and joins): `{_ops.Rebuild(Replica)}`.", $"Если реплика не может восстановить свои файлы, пересоздайте её с лидера (она запустится пустой и подключится): `{_ops.Rebuild(Replica)}`."),
            cluster.Replicated
                ? T("If the leader is down, the failover mode decides: see TarantoolNoLeader.", "Если недоступен лидер, дальше решает режим failover: см. TarantoolNoLeader.")
                : T("This replicaset has no replica: the data is unavailable until the instance is back; restore from backup if its files are lost (backup-recovery.md).", "У этого репликасета нет реплики: данные недоступны, пока инстанс не поднимется; если его файлы утрачены, восстановите из бэкапа (backup-recovery.md)."),
        ]);

    private AlertRunbook ReplicationLagHigh() => new(AlertNames.ReplicationLagHigh,
        T("A replica applies the leader's WAL more than the threshold behind: reads from it are stale and a failover to it would lose the lag.",
          "Реплика применяет WAL лидера с отставанием больше порога: чтение с неё устаревшее, а переключение на неё потеряет это отставание."),
        "tnt_replication_lag",
        cluster.Replicated,
        cluster.Replicated
            ? T("Whenever a replica falls behind its leader.", "Когда реплика отстаёт от лидера.")
            : T("Only once replicas are added: this cluster has none.", "Только после добавления реплик: в этом кластере их нет."),
        [
            T("Compare the leader's and the replica's vclock and look at the upstream of the replica:", "Сравните vclock лидера и реплики и посмотрите апстрим реплики:"),
            T("A network problem shows as growing `idle`; a slow disk or a CPU-bound TX thread on the replica as a steady lag with the upstream in `follow`.", "Проблема сети видна по растущему `idle`; медленный диск или перегруженный поток TX на реплике — по устойчивому отставанию при апстриме в `follow`."),
        ],
        _ops.Lua(Replica, "return {vclock = box.info.vclock, upstream = box.info.replication}") + "\n" + _ops.Lua(Leader, "return box.info.vclock"),
        [
            T("Remove the cause (network, disk, a long request on the replica); the replica catches up by itself.", "Устраните причину (сеть, диск, долгий запрос на реплике); реплика догонит сама."),
            T("Do not switch the leader to a lagging replica.", "Не переключайте лидерство на отстающую реплику."),
            cluster.MultiRegion
                ? T($"Across regions a lag up to the latency budget ({cluster.Topology.CrossRegionLatencyBudgetMs} ms round trip) is expected.", $"Между регионами отставание в пределах бюджета задержки ({cluster.Topology.CrossRegionLatencyBudgetMs} мс RTT) ожидаемо.")
                : T("Within one site the lag should stay far below a second.", "Внутри одной площадки отставание должно быть много меньше секунды."),
        ]);

    private AlertRunbook ReplicationStopped() => new(AlertNames.ReplicationStopped,
        T("A replication stream is not in `follow`: the replica no longer receives changes (stopped on an error, or disconnected).",
          "Поток репликации не в состоянии `follow`: реплика больше не получает изменения (остановлена ошибкой или отключена)."),
        "tnt_replication_status == 0",
        cluster.Replicated,
        cluster.Replicated ? T("Whenever an upstream or downstream breaks.", "Когда обрывается апстрим или даунстрим.") : T("Only once replicas are added.", "Только после добавления реплик."),
        [
            T("Read the upstream status and message:", "Прочитайте статус и сообщение апстрима:"),
            T("`stopped` with `Duplicate key` means a conflicting row (written on two masters, or by hand on a replica); `disconnected` means network or the peer is down; `loading` means the replica is re-joining.", "`stopped` с `Duplicate key` — конфликтующая строка (запись на двух мастерах или ручная запись на реплике); `disconnected` — сеть или партнёр недоступны; `loading` — реплика заново подключается."),
        ],
        _ops.Lua(Replica, "local r = {}\nfor id, v in pairs(box.info.replication) do r[id] = {name = v.name, upstream = v.upstream, downstream = v.downstream} end\nreturn r"),
        [
            T("Disconnected: fix the network or start the peer; replication resumes by itself.", "Отключение: почините сеть или запустите партнёра; репликация возобновится сама."),
            T($"Conflict or a replica too far behind (its WAL already removed on the leader): rebuild the replica from the leader with `{_ops.Rebuild(Replica)}`.", $"Конфликт или реплика слишком отстала (её WAL уже удалён на лидере): пересоздайте реплику с лидера командой `{_ops.Rebuild(Replica)}`."),
            T("Never write to replicas: they are read-only for that reason.", "Никогда не пишите на реплики: поэтому они и read-only."),
        ]);

    private AlertRunbook MemtxArenaNearlyFull() => new(AlertNames.MemtxArenaNearlyFull,
        T($"memtx has used most of `memtx.memory` ({GuideFigures.Bytes(cluster.Capacity.MemtxMemoryBytes, cluster.Language)} per storage instance). When it is full, every insert or update fails with `Failed to allocate`.",
          $"memtx израсходовал большую часть `memtx.memory` ({GuideFigures.Bytes(cluster.Capacity.MemtxMemoryBytes, cluster.Language)} на инстанс хранения). Когда память заполнится, каждая вставка или обновление завершится ошибкой `Failed to allocate`."),
        "tnt_slab_quota_used_ratio, tnt_slab_arena_used_ratio",
        true,
        cluster.Sharded
            ? T("Always: memtx holds the data (and vshard's bucket space).", "Всегда: в memtx лежат данные (и пространство бакетов vshard).")
            : T("Always: memtx holds the data.", "Всегда: в memtx лежат данные."),
        [
            T("See where memory goes: arena use, items, fragmentation, the biggest spaces.", "Посмотрите, куда уходит память: заполнение арены, элементы, фрагментация, самые большие спейсы."),
            T("A high `arena_used_ratio` with a low `items_used_ratio` is fragmentation, not growth.", "Высокий `arena_used_ratio` при низком `items_used_ratio` — это фрагментация, а не рост данных."),
        ],
        _ops.Lua(Leader, "local sizes = {}\nfor _, s in box.space._space:pairs() do\n  local sp = box.space[s.name]\n  if sp ~= nil and sp.engine == 'memtx' then sizes[s.name] = sp:bsize() end\nend\nreturn {slab = box.slab.info(), spaces = sizes}"),
        [
            T("Short term: raise `memtx.memory` if the host has RAM left (it can grow at runtime, not shrink), see scaling.md.", "Срочно: увеличьте `memtx.memory`, если на хосте есть свободная память (увеличивается на лету, уменьшить нельзя), см. scaling.md."),
            cluster.Sharded
                ? T("Durably: add a shard (operations.md); the growth projection in scaling.md says when.", "Надолго: добавьте шард (operations.md); когда именно — в прогнозе роста в scaling.md.")
                : T("Durably: delete or expire old data, or move to a sharded cluster before the growth projection runs out (scaling.md).", "Надолго: удаляйте или вытесняйте старые данные либо переходите на шардированный кластер до исчерпания прогноза роста (scaling.md)."),
        ]);

    private AlertRunbook LuaMemoryHigh() => new(AlertNames.LuaMemoryHigh,
        T("The Lua heap of an instance is large: usually a leak in application code (a growing table, cached query results) or a huge request result.",
          "Куча Lua инстанса велика: обычно это утечка в коде приложения (растущая таблица, кэш результатов) или огромный результат запроса."),
        "tnt_info_memory_lua",
        true,
        T("Always.", "Всегда."),
        [
            T("Check the Lua memory after a full garbage collection; `fiber.top()` (after `fiber.top_enable()`) shows which fibers allocate.", "Проверьте память Lua после полной сборки мусора; `fiber.top()` (после `fiber.top_enable()`) покажет, какие файберы выделяют память."),
        ],
        _ops.Lua(Leader, "collectgarbage('collect')\nreturn box.info.memory().lua"),
        [
            T("If memory drops after `collectgarbage('collect')`, it was garbage: no action.", "Если после `collectgarbage('collect')` память упала, это был мусор: ничего делать не нужно."),
            T("Otherwise find the leak in the application code (module-level tables, caches without limits); restart the instance as a stopgap (a replica first, the leader after a switchover).", "Иначе ищите утечку в коде приложения (таблицы уровня модуля, кэши без ограничений); как временная мера — перезапуск инстанса (сначала реплика, лидер после переключения)."),
        ]);

    private AlertRunbook LeaderChanged()
    {
        var automatic = cluster.Election || cluster.FailoverMode is "stateful" or "eventual";
        return new(AlertNames.LeaderChanged,
            T("A replicaset got a new leader: a planned switchover, or an automatic failover after the old leader failed or lost its quorum.",
              "У репликасета сменился лидер: плановое переключение или автоматический failover после сбоя старого лидера или потери им кворума."),
            cluster.Election ? "tnt_election_term, tnt_election_leader" : "box.info.ro",
            automatic,
            automatic
                ? T($"Here failover is `{cluster.FailoverMode}`: it fires after every automatic or planned change of leader.", $"Здесь failover `{cluster.FailoverMode}`: срабатывает после каждой автоматической или плановой смены лидера.")
                : T($"Here failover is `{cluster.FailoverMode}`: the leader only changes when an operator switches it, so the alert should only follow a planned switchover.", $"Здесь failover `{cluster.FailoverMode}`: лидер меняется только при ручном переключении, поэтому алерт должен появляться лишь после планового переключения."),
            [
                T("Was it planned (a rolling update, a switchover)? If not, find why the old leader lost the lead:", "Было ли это плановым (поэтапное обновление, переключение)? Если нет, выясните, почему старый лидер потерял лидерство:"),
            ],
            _ops.Lua(Leader, "return box.info.election") + "\n" + _ops.Logs(Leader),
            [
                T("Check the former leader: if it is down, follow TarantoolInstanceDown; once back it rejoins as a replica.", "Проверьте бывшего лидера: если он недоступен, действуйте по TarantoolInstanceDown; после восстановления он вернётся репликой."),
                T("Repeated changes (flapping) mean an unstable network or an overloaded leader: raise `replication.election_timeout` only after fixing the cause.", "Частые смены (флаппинг) означают нестабильную сеть или перегруженного лидера: увеличивайте `replication.election_timeout` только после устранения причины."),
            ]);
    }

    private AlertRunbook NoLeader()
    {
        var relevant = cluster.Replicated && (cluster.Election || cluster.Manual || cluster.FailoverMode is "stateful" or "eventual");
        return new(AlertNames.NoLeader,
            T("A replicaset has no writable instance: writes to its data fail.", "В репликасете нет инстанса, принимающего запись: запись его данных не проходит."),
            cluster.Election ? "tnt_election_leader, box.info.election.leader" : "box.info.ro",
            relevant,
            cluster.Election
                ? T($"Here: when fewer than the quorum ({cluster.Topology.Election?.SynchroQuorum}) of a replicaset's candidates and voters can talk to each other.", $"Здесь: когда между собой связаны меньше кворума ({cluster.Topology.Election?.SynchroQuorum}) кандидатов и голосующих репликасета.")
                : relevant
                    ? T("Here: when the configured leader is down; the manual failover does not replace it by itself.", "Здесь: когда назначенный лидер недоступен; ручной failover сам его не заменяет.")
                    : T("Only in replicated clusters: here the only instance is the writer; if it is down, see TarantoolInstanceDown.", "Только в кластерах с репликами: здесь единственный инстанс и есть писатель; если он недоступен, см. TarantoolInstanceDown."),
            [
                T("Look at the election state and who sees whom on every member:", "Посмотрите состояние выборов и связность на каждом участнике:"),
            ],
            string.Join("\n", cluster.MainReplicaset.Instances.Select(i => _ops.Lua(i.Name, "return {ro = box.info.ro, election = box.info.election}"))),
            cluster.Election
                ?
                [
                    T("Restore connectivity or start the stopped members so that a quorum forms; the election completes by itself.", "Восстановите связность или запустите остановленных участников, чтобы собрался кворум; выборы завершатся сами."),
                    T("If the quorum is lost for good (a site is gone), promote a candidate that holds the latest vclock with `box.ctl.promote()` only after reducing the quorum on purpose (`replication.synchro_quorum`), knowing that writes confirmed only by the lost members may be lost.", "Если кворум потерян надолго (площадка недоступна), повышайте кандидата с самым свежим vclock через `box.ctl.promote()` только после осознанного снижения кворума (`replication.synchro_quorum`), понимая, что записи, подтверждённые лишь потерянными участниками, могут пропасть."),
                ]
                :
                [
                    T("Switch the leader to the most up-to-date replica (operations.md, Switching the leader).", "Переключите лидерство на самую свежую реплику (operations.md, раздел о переключении лидера)."),
                ]);
    }

    private AlertRunbook ConfigNotReady()
    {
        var relevant = cluster.Tooling == TarantoolTooling.DeclarativeConfig;
        return new(AlertNames.ConfigNotReady,
            T("The instance has not applied its configuration: a syntax or validation error, a missing secret (environment variable or file), or an apply still running.",
              "Инстанс не применил конфигурацию: ошибка синтаксиса или проверки, отсутствует секрет (переменная окружения или файл) либо применение ещё идёт."),
            "tnt_config_status",
            relevant,
            relevant
                ? T("Here: after a config change or a restart (Tarantool 3.x config module).", "Здесь: после изменения конфигурации или перезапуска (модуль config Tarantool 3.x).")
                : T($"Only with Tarantool 3.x declarative configuration; this cluster targets {cluster.Version}{(cluster.Tooling == TarantoolTooling.Cartridge ? " with Cartridge, whose equivalent is the Cartridge issues list" : " with box.cfg")}.",
                    $"Только при декларативной конфигурации Tarantool 3.x; этот кластер использует {cluster.Version}{(cluster.Tooling == TarantoolTooling.Cartridge ? " с Cartridge, где аналог — список проблем Cartridge" : " с box.cfg")}."),
            [
                T("Read the status and the alerts of the config module:", "Прочитайте статус и предупреждения модуля config:"),
            ],
            relevant ? _ops.Lua(Leader, "return require('config'):info()") : _ops.Lua(Leader, "return box.info.status"),
            [
                T($"Fix the reported key in `config.yaml` in the repository, roll it out to every host and run `require('config'):reload()`; validate first with `tt cluster show {cluster.App} --validate`.", $"Исправьте указанный ключ в `config.yaml` в репозитории, разложите файл на все хосты и выполните `require('config'):reload()`; сначала проверьте файл командой `tt cluster show {cluster.App} --validate`."),
                T($"A missing secret: check `{DeploymentSecretsFile()}` and restart the instance so it gets the variable.", $"Нет секрета: проверьте `{DeploymentSecretsFile()}` и перезапустите инстанс, чтобы он получил переменную."),
            ]);
    }

    private AlertRunbook VinylRegulatorStalled() => new(AlertNames.VinylRegulatorStalled,
        T("The vinyl regulator throttles or blocks writers: dumps and compactions do not keep up with the write rate (slow disk, too little `vinyl.memory`).",
          "Регулятор vinyl притормаживает или блокирует запись: дампы и компакции не успевают за потоком записи (медленный диск, мало `vinyl.memory`)."),
        "tnt_vinyl_regulator_blocked_writers, tnt_vinyl_regulator_rate_limit",
        cluster.Vinyl,
        cluster.Vinyl ? T("Here: the data lives in vinyl.", "Здесь: данные хранятся в vinyl.") : T("Only when vinyl spaces exist; this cluster keeps its data in memtx, so it fires only if someone creates a vinyl space.", "Только при наличии vinyl-спейсов; здесь данные в memtx, поэтому алерт сработает, лишь если кто-то создаст vinyl-спейс."),
        [T("Look at the regulator and the scheduler:", "Посмотрите на регулятор и планировщик:")],
        _ops.Lua(Leader, "local v = box.stat.vinyl()\nreturn {regulator = v.regulator, scheduler = v.scheduler}"),
        [
            T("Check the disk (latency, free space) and raise `vinyl.memory` or the number of write threads if the disk is fast enough.", "Проверьте диск (задержки, свободное место) и увеличьте `vinyl.memory` или число потоков записи, если диск позволяет."),
        ]);

    private AlertRunbook TransactionConflictsHigh()
    {
        var relevant = cluster.Vinyl;
        return new(AlertNames.TransactionConflictsHigh,
            T("Many transactions abort with a conflict: concurrent transactions touch the same keys (vinyl, or memtx with MVCC).",
              "Много транзакций откатывается из-за конфликта: параллельные транзакции затрагивают одни и те же ключи (vinyl или memtx с MVCC)."),
            "tnt_vinyl_tx_conflict",
            relevant,
            relevant
                ? T("Here: vinyl transactions.", "Здесь: транзакции vinyl.")
                : T("Only with vinyl spaces or the memtx MVCC engine (`database.use_mvcc_engine`); this cluster uses plain memtx transactions, which never yield and never conflict.", "Только с vinyl-спейсами или движком MVCC для memtx (`database.use_mvcc_engine`); здесь обычные транзакции memtx, которые не уступают управление и не конфликтуют."),
            [T("Find the hot keys in the application: which requests retry.", "Найдите горячие ключи в приложении: какие запросы повторяются.")],
            _ops.Lua(Leader, "return box.stat.vinyl().tx"),
            [T("Shorten transactions, avoid yields inside them, and serialise updates of hot keys in the application.", "Сокращайте транзакции, избегайте уступки управления внутри них и упорядочивайте обновления горячих ключей в приложении.")]);
    }

    private AlertRunbook BackupTooOld() => new(AlertNames.BackupTooOld,
        T($"No successful full backup for longer than the schedule allows (`{cluster.Backup.FullBackupCron}` UTC): the recovery point objective ({cluster.Backup.RpoSeconds} s) is at risk.",
          $"Успешного полного бэкапа нет дольше, чем позволяет расписание (`{cluster.Backup.FullBackupCron}` UTC): цель точки восстановления ({cluster.Backup.RpoSeconds} с) под угрозой."),
        T("age of the last successful backup", "возраст последнего успешного бэкапа"),
        true,
        T("Always.", "Всегда."),
        [T("Look at the last runs of the backup job and their output:", "Посмотрите последние запуски задачи бэкапа и их вывод:")],
        cluster.OnKubernetes
            ? $"kubectl get jobs -n {_ops.Namespace} -l app.kubernetes.io/component=backup\nkubectl logs -n {_ops.Namespace} -l app.kubernetes.io/component=backup --tail=100"
            : $"systemctl list-timers 'tarantool-*'\njournalctl -u tarantool-backup.service --since '-2d'",
        [
            T($"Fix the cause (storage `{cluster.Backup.StorageKind}` unreachable or its credentials, disk full, the backup instance down) and run a backup now: `{_ops.BackupNow}`.",
              $"Устраните причину (хранилище `{cluster.Backup.StorageKind}` недоступно или его учётные данные, диск заполнен, инстанс бэкапа недоступен) и запустите бэкап сейчас: `{_ops.BackupNow}`."),
        ]);

    private AlertRunbook DiskSpaceLow() => new(AlertNames.DiskSpaceLow,
        T($"The data volume is filling up. Each storage instance needs {GuideFigures.Gb(cluster.Capacity.DiskPerStorageInstanceGb, cluster.Language)}; a full disk stops the WAL and with it every write.",
          $"Том с данными заполняется. Каждому инстансу хранения нужно {GuideFigures.Gb(cluster.Capacity.DiskPerStorageInstanceGb, cluster.Language)}; заполненный диск останавливает WAL, а вместе с ним любую запись."),
        cluster.OnKubernetes ? "kubelet_volume_stats_available_bytes" : "node_filesystem_avail_bytes",
        true,
        T("Always.", "Всегда."),
        [
            T("See what takes the space: snapshots, WAL kept for a lagging or dead replica, local backups.", "Посмотрите, что занимает место: снапшоты, WAL, удерживаемый для отставшей или мёртвой реплики, локальные бэкапы."),
        ],
        _ops.Shell(Leader, $"du -sh {_ops.DataDir(Leader)}/*") + "\n" + _ops.Lua(Leader, "return box.info.gc()"),
        [
            T($"WAL held by a consumer (`box.info.gc().consumers`): bring the replica back or expel it (operations.md).", $"WAL удерживает потребитель (`box.info.gc().consumers`): верните реплику или исключите её (operations.md)."),
            T($"Too many snapshots: `snapshot.count` is {cluster.Backup.SnapshotCount}; old files go away after the next checkpoint (`box.snapshot()`).", $"Слишком много снапшотов: `snapshot.count` равен {cluster.Backup.SnapshotCount}; старые файлы удаляются после следующего чекпойнта (`box.snapshot()`)."),
            T("Grow the volume before it is full; never delete .xlog files by hand.", "Увеличьте том до заполнения; никогда не удаляйте файлы .xlog вручную."),
        ]);

    private string DeploymentSecretsFile() => cluster.OnKubernetes ? $"{_ops.Namespace}-credentials" : Phases.Deployment.DeploymentLayout.SecretsFile(cluster.App);
}
