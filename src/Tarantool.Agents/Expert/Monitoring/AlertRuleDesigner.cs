using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Monitoring;

/// <summary>
/// Chooses each alert's threshold and duration from the inputs: the RPO bounds replication lag, the memtx size and
/// growth bound the arena alert, the election timeout bounds "no leader", the backup cron bounds backup age and the
/// snapshot size bounds free disk.
/// </summary>
public static class AlertRuleDesigner
{
    private const double Gib = 1024d * 1024 * 1024;
    private const double Mib = 1024d * 1024;
    public const int DefaultBackupIntervalSeconds = 86400;

    public static IReadOnlyList<AlertRule> Design(PhaseContext context, int backupInterval) =>
        [.. DesignWithRussian(context, backupInterval).Select(r => r.Rule)];

    /// <summary>The rules with the Russian wording of each threshold reason, for Russian narratives.</summary>
    public static IReadOnlyList<(AlertRule Rule, string RussianReason)> DesignWithRussian(PhaseContext context, int backupInterval)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var backup = context.Get<BackupPlan>();
        var production = request.Environment == DeploymentEnvironment.Production;
        var page = production ? "critical" : "warning";
        var rules = new List<(AlertRule, string)>();

        foreach (var name in MonitoringExpectations.RequiredAlerts(request, topology, capacity))
        {
            (AlertRule Rule, string Ru)? rule = name switch
            {
                AlertNames.InstanceDown => InstanceDown(topology, capacity, production, page),
                AlertNames.ReplicationLagHigh => Lag(topology, backup, production, page),
                AlertNames.ReplicationStopped => ReplicationStopped(capacity, page),
                AlertNames.MemtxArenaNearlyFull => Memtx(name, capacity, production, "warning"),
                AlertNames.MemtxArenaFull => Memtx(name, capacity, production, page),
                AlertNames.MemtxItemsNearlyFull => Memtx(name, capacity, production, "warning"),
                AlertNames.MemtxItemsFull => Memtx(name, capacity, production, page),
                AlertNames.EventLoopSlow => Rule(name, "tarantool-load", 100, 120, "warning",
                    "tnt_ev_loop_time is the duration of one event-loop iteration in milliseconds; above 100 ms for 2 minutes a fiber runs without yielding (a long Lua loop, a huge select) and every other request on the TX thread waits: the usual cause of 'Too long WAL write' and request timeouts.",
                    "tnt_ev_loop_time — длительность одной итерации цикла событий в миллисекундах; больше 100 мс в течение 2 минут означает, что файбер работает, не уступая управление (долгий цикл Lua, огромный select), и все остальные запросы потока TX ждут: обычная причина 'Too long WAL write' и тайм-аутов запросов.",
                    "Event loop of {{ $labels.instance_name }} is blocked",
                    "Event-loop iterations of {{ $labels.instance_name }} take over 100 ms: a fiber does not yield. Find it with fiber.top()."),
                AlertNames.RequestsOverloaded => Rule(name, "tarantool-load", 614, 120, page,
                    "tnt_net_requests_current counts iproto requests in flight; when it reaches net_msg_max (768 by default) iproto stops reading sockets and clients time out. 80% of it (614) for 2 minutes means the TX thread no longer keeps up with the offered load.",
                    "tnt_net_requests_current — число iproto-запросов в обработке; когда оно достигает net_msg_max (по умолчанию 768), iproto перестаёт читать сокеты и клиенты получают тайм-ауты. 80% от него (614) в течение 2 минут означает, что поток TX не успевает за нагрузкой.",
                    "{{ $labels.instance_name }} is overloaded with requests",
                    "More than 614 iproto requests are in flight on {{ $labels.instance_name }} (net_msg_max is 768): the TX thread cannot keep up. Check fiber.top(), slow requests in the log and the request rate."),
                AlertNames.ConfigErrors => Rule(name, "tarantool-availability", 0, 60, page,
                    "tnt_config_alerts{level=\"error\"} counts the error alerts of config:info(): the latest configuration was not applied (a bad value, a missing secret, an unreachable config storage). One minute is longer than any apply.",
                    "tnt_config_alerts{level=\"error\"} — число ошибок в config:info(): последняя конфигурация не применена (неверное значение, нет секрета, недоступно хранилище конфигурации). Минута больше любого применения.",
                    "Configuration of {{ $labels.instance_name }} has errors",
                    "config:info() of {{ $labels.instance_name }} reports errors: the latest configuration is not applied. Run 'tt connect' and check config:info().alerts."),
                AlertNames.BackupMissing => BackupMissing(backupInterval, page),
                AlertNames.LuaMemoryHigh => Lua(capacity),
                AlertNames.LeaderChanged => Rule(name, "tarantool-election", 0, 0, "warning",
                    "Any increase of the Raft term within 15 minutes means a new election; one is expected on maintenance, repeated ones mean an unstable network or an overloaded leader.",
                    "Любой рост терма Raft за 15 минут означает новые выборы; при обслуживании они ожидаемы, повторяющиеся выборы говорят о нестабильной сети или перегруженном лидере.",
                    "New leader election in {{ $labels.replicaset }}",
                    "The election term of {{ $labels.replicaset }} changed in the last 15 minutes. Check box.info.election and the former leader's log."),
                AlertNames.NoLeader => NoLeader(topology, page),
                AlertNames.ConfigNotReady => Rule(name, "tarantool-availability", 0, 300, "warning",
                    "tnt_config_status{status=\"ready\"} is 0 while the config is being applied or has warnings/errors; 5 minutes exceeds any normal startup or reload.",
                    "tnt_config_status{status=\"ready\"} равен 0, пока конфигурация применяется или содержит предупреждения и ошибки; 5 минут больше любого нормального запуска или перезагрузки конфигурации.",
                    "Configuration of {{ $labels.instance_name }} is not ready",
                    "config:info() of {{ $labels.instance_name }} reports alerts. Run 'tt connect' and check config:info().alerts."),
                AlertNames.VinylRegulatorStalled => Rule(name, "tarantool-storage", 0, 300, page,
                    "Writers blocked on the vinyl level-0 quota for 5 minutes means dumps cannot keep up with writes: latency grows without bound until disk bandwidth or vinyl.memory is raised.",
                    "Писатели, 5 минут ждущие квоту памяти уровня L0 vinyl, означают, что дампы не успевают за записью: задержка растёт без предела, пока не увеличить пропускную способность диска или vinyl.memory.",
                    "Vinyl writes are throttled on {{ $labels.instance_name }}",
                    "Fibers of {{ $labels.instance_name }} wait for the vinyl memory quota. Compare tnt_vinyl_regulator_write_rate with dump_bandwidth."),
                AlertNames.TransactionConflictsHigh => Rule(name, "tarantool-storage", 0.05, 600, "warning",
                    "More than 5% of vinyl commits aborted by conflicts for 10 minutes: retries then cost more than they save; the application's hot keys need redesign.",
                    "Больше 5% коммитов vinyl отменяются из-за конфликтов в течение 10 минут: повторы обходятся дороже, чем экономят; горячие ключи приложения нужно перепроектировать.",
                    "Vinyl transaction conflicts are high on {{ $labels.instance_name }}",
                    "Over 5% of vinyl transactions of {{ $labels.instance_name }} end in conflicts. Look for hot keys and long transactions."),
                AlertNames.BackupTooOld => Backup(backup, backupInterval, page),
                AlertNames.DiskSpaceLow => Disk(capacity, production, page, context),
                AlertNames.MemoryNearLimit => MemoryLimit(name, context, "warning"),
                AlertNames.MemoryAtLimit => MemoryLimit(name, context, page),
                AlertNames.VshardBucketsStuck => BucketsStuck(capacity, page),
                AlertNames.VshardGarbageStuck => Rule(name, "tarantool-vshard", 0, 300, "warning",
                    $"Since vshard 0.1.17 the garbage collector deletes a sent bucket as soon as it appears, once the replicas have its removal (it waits up to 64 s for them). A garbage count that has not changed for {AlertExpressions.StuckWindow} and holds 5 more minutes means the collector is stuck: a replica is unreachable or the collector fails (vshard.storage.info({{with_services = true}}).services.gc). It costs memory, not availability: a warning.",
                    $"Начиная с vshard 0.1.17 сборщик мусора удаляет отправленный бакет сразу, как только его удаление получили реплики (их он ждёт до 64 с). Число бакетов garbage, не менявшееся {AlertExpressions.StuckWindow.Replace("m", " мин")} и ещё 5 минут после этого, означает, что сборщик застрял: недоступна реплика или сборщик падает с ошибкой (vshard.storage.info({{with_services = true}}).services.gc). Это стоит памяти, а не доступности: предупреждение.",
                    "Garbage buckets of {{ $labels.instance_name }} are not collected",
                    "{{ $labels.instance_name }} ({{ $labels.replicaset }}) keeps garbage buckets that vshard does not delete. Check that every replica of the replicaset is up and the gc service in vshard.storage.info({with_services = true})."),
                AlertNames.VshardBucketsUnbalanced => Unbalanced(capacity),
                AlertNames.VshardRouterBucketsUnreachable => RouterUnreachable(topology, capacity, page),
                AlertNames.VshardServiceError => Rule(name, "tarantool-vshard", 0, 900, "warning",
                    "tnt_vshard_storage_service_error is 1 while vshard's rebalancer, recovery or garbage-collector service reports an error (vshard.storage.info({with_services = true}).services). The rebalancer retries every 10 s while it works and the others every 5 s, so a single failed step clears itself; an error held for 15 minutes (a replicaset that cannot be reached, buckets left receiving, a bucket_count mismatch) stops rebalancing until someone fixes it.",
                    "tnt_vshard_storage_service_error равен 1, пока сервис ребалансировки, восстановления или сборки мусора vshard сообщает об ошибке (vshard.storage.info({with_services = true}).services). Ребалансировщик во время работы повторяет попытку каждые 10 с, остальные — каждые 5 с, поэтому единичная неудача проходит сама; ошибка, держащаяся 15 минут (недоступный набор реплик, оставшиеся в receiving бакеты, расхождение bucket_count), останавливает ребалансировку, пока её не устранят.",
                    "vshard {{ $labels.service }} fails on {{ $labels.instance_name }}",
                    "The vshard {{ $labels.service }} service of {{ $labels.instance_name }} reports an error. Read its error in vshard.storage.info({with_services = true}).services and the instance log."),
                _ => null,
            };
            if (rule is not null)
                rules.Add((rule.Value.Rule with { Expression = AlertExpressions.Canonical(rule.Value.Rule.Name, rule.Value.Rule.Threshold, context)!, RunbookUrl = AlertNames.RunbookUrl(rule.Value.Rule.Name, context.Language) }, rule.Value.Ru));
        }
        return rules;
    }

    private static (AlertRule Rule, string Ru) Lag(ClusterTopology topology, BackupPlan backup, bool production, string page)
    {
        var rpoBound = backup.RpoSeconds / 2.0;
        var threshold = production ? Math.Clamp(rpoBound, 1, 10) : Math.Clamp(rpoBound, 5, 30);
        var latencyFloor = topology.CrossRegionLatencyBudgetMs > 0 ? Math.Ceiling(2.0 * topology.CrossRegionLatencyBudgetMs / 1000) + 1 : 0;
        threshold = Math.Round(Math.Max(threshold, latencyFloor), 1);
        var reason = $"Asynchronous replicas lose their lag on failover, so the lag must stay well inside the RPO of {backup.RpoSeconds} s: " +
                     $"threshold = clamp(RPO / 2, {(production ? "1, 10" : "5, 30")}) s" +
                     (latencyFloor > 0 ? $", at least 2 × {topology.CrossRegionLatencyBudgetMs} ms cross-region RTT + 1 s" : "") +
                     $" = {PromNumber.Format(threshold)} s, held for {(production ? "1 minute" : "5 minutes")} to ignore bursts.";
        var ru = $"Асинхронные реплики теряют своё отставание при переключении, поэтому оно должно быть заметно меньше RPO {backup.RpoSeconds} с: " +
                 $"порог = clamp(RPO / 2, {(production ? "1, 10" : "5, 30")}) с" +
                 (latencyFloor > 0 ? $", но не меньше 2 × {topology.CrossRegionLatencyBudgetMs} мс межрегионального RTT + 1 с" : "") +
                 $" = {PromNumber.Format(threshold)} с, удерживается {(production ? "1 минуту" : "5 минут")}, чтобы не реагировать на всплески.";
        return Rule(AlertNames.ReplicationLagHigh, "tarantool-replication", threshold, production ? 60 : 300, page, reason, ru,
            "Replication lag of {{ $labels.instance_name }} is high",
            $"{{{{ $labels.instance_name }}}} ({{{{ $labels.replicaset }}}}) is more than {PromNumber.Format(threshold)} s behind its upstream. Check the network and the leader's load.");
    }

    private static (AlertRule Rule, string Ru) Memtx(string name, CapacityPlan capacity, bool production, string severity)
    {
        // Two tiers as in tarantool/grafana-dashboard's example alerts: a warning leaves time to plan, the second
        // tier leaves only the headroom for snapshots and bursts.
        var critical = name is AlertNames.MemtxArenaFull or AlertNames.MemtxItemsFull;
        var items = name is AlertNames.MemtxItemsNearlyFull or AlertNames.MemtxItemsFull;
        var threshold = critical ? (production ? 90.0 : 95.0) : (production ? 80.0 : 85.0);
        var what = items ? "items (tuples)" : "arena";
        var whatRu = items ? "items (кортежи)" : "arena";
        var perShardGb = capacity.DataSizeGb / Math.Max(1, capacity.StorageReplicasets);
        var dailyGrowthBytes = perShardGb * 1e9 * capacity.GrowthPercentPerYear / 100 / 365;
        var spareBytes = capacity.MemtxMemoryBytes * (100 - threshold) / 100;
        var days = dailyGrowthBytes > 0 ? spareBytes / dailyGrowthBytes : double.PositiveInfinity;
        var forSeconds = critical ? 120 : 300;
        var reason = $"Slab ratios are percentages of memtx.memory ({Figures.Bytes(capacity.MemtxMemoryBytes)}); when both quota and {what} are above {PromNumber.Format(threshold)}% " +
                     $"the remaining {Figures.Bytes((long)spareBytes)} is all that is left before inserts fail with ER_MEMORY_ISSUE. " +
                     (double.IsInfinity(days) ? "With no growth planned that margin is for bursts. "
                         : $"At {Figures.Number(capacity.GrowthPercentPerYear)}%/year on {Figures.Gb(perShardGb)} per replicaset that is about {Figures.Number(days, 0)} days to add memory or a shard. ") +
                     (critical ? "This is the paging tier: 2 minutes." : "This is the warning tier (the paging one is at 90%): 5 minutes ignores transient peaks during snapshots.");
        var ru = $"Доли slab — проценты от memtx.memory ({Figures.Bytes(capacity.MemtxMemoryBytes)}); когда и quota, и {whatRu} выше {PromNumber.Format(threshold)}%, " +
                 $"до ошибок ER_MEMORY_ISSUE при вставке остаётся {Figures.Bytes((long)spareBytes)}. " +
                 (double.IsInfinity(days) ? "Рост не запланирован, этот запас — на всплески. "
                     : $"При росте {Figures.Number(capacity.GrowthPercentPerYear)}% в год на {Figures.Gb(perShardGb)} на набор реплик это примерно {Figures.Number(days, 0)} дней, чтобы добавить память или шард. ") +
                 (critical ? "Это уровень с вызовом дежурного: 2 минуты." : "Это уровень предупреждения (вызов — при 90%): 5 минут отсекают кратковременные пики во время снимков.");
        return Rule(name, "tarantool-memory", threshold, forSeconds, severity, reason, ru,
            items ? "memtx items of {{ $labels.instance_name }} are nearly full" : "memtx arena of {{ $labels.instance_name }} is nearly full",
            $"Over {PromNumber.Format(threshold)}% of memtx.memory is used ({what}) on {{{{ $labels.instance_name }}}}. Raise the memory limit and then memtx.memory, delete data or add a shard.");
    }

    /// <summary>Planned restarts must not page: a replica that restarts is down while it reads its snapshot, so the
    /// duration covers the capacity plan's recovery estimate. Leader loss pages through NoLeader, not this.</summary>
    private static int RestartBudgetSeconds(CapacityPlan capacity, int floor) =>
        (int)Math.Ceiling(Math.Max(floor, capacity.SnapshotRecoverySeconds + 120) / 60.0) * 60;

    private static (AlertRule Rule, string Ru) InstanceDown(ClusterTopology topology, CapacityPlan capacity, bool production, string page)
    {
        var floor = production ? 60 : 300;
        var replicated = MonitoringExpectations.HasReplication(topology);
        var duration = replicated ? RestartBudgetSeconds(capacity, floor) : floor;
        var reason = replicated
            ? $"up == 0 means Prometheus could not scrape the instance. A restart keeps an instance down while it reads its snapshot (about {Figures.Integer(capacity.SnapshotRecoverySeconds)} s by the capacity plan), so the alert waits max({floor} s, recovery + 2 min) = {Figures.Integer(duration)} s: planned and rolling restarts do not page, a crashed replica still does, and a lost leader pages at once through the election alerts."
            : $"up == 0 means Prometheus could not scrape the instance; {(production ? "1 minute (4 scrapes at 15 s)" : "5 minutes")} skips a single lost scrape but pages before clients notice: with no replica, a down instance is an outage.";
        var ru = replicated
            ? $"up == 0 значит, что Prometheus не смог опросить экземпляр. При перезапуске экземпляр недоступен, пока читает снимок (около {Figures.Integer(capacity.SnapshotRecoverySeconds)} с по плану ёмкости), поэтому алерт ждёт max({floor} с, восстановление + 2 мин) = {Figures.Integer(duration)} с: плановые и поэтапные перезапуски не будят дежурного, упавшая реплика будит, а потеря лидера сразу видна по алертам выборов."
            : $"up == 0 значит, что Prometheus не смог опросить экземпляр; {(production ? "1 минута (4 опроса по 15 с)" : "5 минут")} пропускает единичный потерянный опрос, но поднимает тревогу раньше, чем заметят клиенты: без реплик недоступный экземпляр — это простой.";
        return Rule(AlertNames.InstanceDown, "tarantool-availability", 0, duration, page, reason, ru,
            "Tarantool instance {{ $labels.instance_name }} is down",
            "Prometheus cannot scrape {{ $labels.instance_name }} ({{ $labels.replicaset }}). Check the process (tt status / kubectl get pod) and its log.");
    }

    private static (AlertRule Rule, string Ru) ReplicationStopped(CapacityPlan capacity, string page)
    {
        var duration = RestartBudgetSeconds(capacity, 60);
        return Rule(AlertNames.ReplicationStopped, "tarantool-replication", 0, duration, page,
            $"tnt_replication_status is 1 while the relay is in 'follow'. A peer's restart stops its streams for as long as it recovers (about {Figures.Integer(capacity.SnapshotRecoverySeconds)} s), so 0 for max(60 s, recovery + 2 min) = {Figures.Integer(duration)} s means a stream that stopped (error, conflict, lost connection), not a planned restart.",
            $"tnt_replication_status равен 1, пока поток репликации в состоянии follow. Перезапуск партнёра останавливает его потоки на время восстановления (около {Figures.Integer(capacity.SnapshotRecoverySeconds)} с), поэтому 0 дольше max(60 с, восстановление + 2 мин) = {Figures.Integer(duration)} с означает остановку потока (ошибка, конфликт, разрыв соединения), а не плановый перезапуск.",
            "Replication stopped on {{ $labels.instance_name }}",
            "A replication stream of {{ $labels.instance_name }} ({{ $labels.replicaset }}) is not following. Check box.info.replication for the error.");
    }

    private static (AlertRule Rule, string Ru) Lua(CapacityPlan capacity)
    {
        var headroom = capacity.RamPerStorageInstanceBytes - capacity.MemtxMemoryBytes - capacity.VinylMemoryBytes - capacity.VinylCacheBytes;
        var threshold = Math.Round(Math.Min(Gib, Math.Max(256 * Mib, headroom / 2.0)));
        var reason = $"The Lua heap lives outside memtx.memory in the instance's {Figures.Bytes(capacity.RamPerStorageInstanceBytes)} budget; threshold = min(1 GiB, max(256 MiB, (RAM − memtx − vinyl) / 2)) = {Figures.Bytes((long)threshold)}: " +
                     "half the non-memtx headroom, and half of the 2 GiB limit of non-GC64 LuaJIT builds. 10 minutes filters GC cycles.";
        var ru = $"Куча Lua находится вне memtx.memory, в бюджете экземпляра {Figures.Bytes(capacity.RamPerStorageInstanceBytes)}; порог = min(1 ГиБ, max(256 МиБ, (RAM − memtx − vinyl) / 2)) = {Figures.Bytes((long)threshold)}: " +
                 "половина запаса памяти вне memtx и половина предела 2 ГиБ у сборок LuaJIT без GC64. 10 минут отсекают циклы сборки мусора.";
        return Rule(AlertNames.LuaMemoryHigh, "tarantool-memory", threshold, 600, "warning", reason, ru,
            "Lua memory of {{ $labels.instance_name }} is high",
            "The Lua heap of {{ $labels.instance_name }} keeps growing. Look for unbounded Lua tables or caches in the application code.");
    }

    private static (AlertRule Rule, string Ru) NoLeader(ClusterTopology topology, string page)
    {
        var timeout = topology.Election?.TimeoutSeconds ?? 5;
        var duration = (int)Math.Max(30, Math.Ceiling(3 * timeout));
        var reason = $"tnt_election_state is 2 on the leader; if no member of a replicaset is leader for max(30 s, 3 × election_timeout {Figures.Number(timeout)} s) = {duration} s, " +
                     "elections are failing (no quorum) and the replicaset is read-only.";
        var ru = $"tnt_election_state равен 2 на лидере; если ни один участник набора реплик не лидер дольше max(30 с, 3 × election_timeout {Figures.Number(timeout)} с) = {duration} с, " +
                 "выборы не проходят (нет кворума), и набор реплик доступен только на чтение.";
        return Rule(AlertNames.NoLeader, "tarantool-election", 2, duration, page, reason, ru,
            "Replicaset {{ $labels.replicaset }} has no leader",
            "No member of {{ $labels.replicaset }} is the Raft leader, so writes fail. Check how many members are up and box.info.election on each.");
    }

    private static (AlertRule Rule, string Ru) Backup(BackupPlan backup, int interval, string page)
    {
        var threshold = interval + Math.Max(interval / 2, 3600);
        var reason = $"Full backups run on '{backup.FullBackupCron}' (every {Figures.Integer(interval)} s). Threshold = interval + max(interval / 2, 1 h) = {Figures.Integer(threshold)} s: " +
                     "one late run is tolerated, a missed run alerts before the next one is missed too.";
        var ru = $"Полные резервные копии снимаются по расписанию '{backup.FullBackupCron}' (каждые {Figures.Integer(interval)} с). Порог = интервал + max(интервал / 2, 1 ч) = {Figures.Integer(threshold)} с: " +
                 "одно опоздание допустимо, а о пропущенном запуске мы узнаем раньше, чем будет пропущен следующий.";
        return Rule(AlertNames.BackupTooOld, "tarantool-backup", threshold, 600, page, reason, ru,
            "Last backup of {{ $labels.replicaset }} is too old",
            $"No successful backup of {{{{ $labels.replicaset }}}} for over {Figures.Integer(threshold / 3600)} h. Check the backup job's log and the backup storage.");
    }

    /// <summary>The freshness series never appearing (a CronJob refused by admission, a timer never installed) is
    /// invisible to the age alert; this one fires when no sample arrived within the same window.</summary>
    private static (AlertRule Rule, string Ru) BackupMissing(int interval, string page)
    {
        var window = interval + Math.Max(interval / 2, 3600);
        // A one-hour absent_over_time held for the rest of the window: the same tolerance as the age alert, while
        // each evaluation reads an hour of samples instead of a day or a week of them.
        const int range = 3600;
        var reason = $"The age alert compares the freshness series with now and stays silent when the series does not exist at all (the backup job never ran or never reached the exporter). absent_over_time over {Figures.Integer(range)} s per replicaset, held for the rest of interval + max(interval / 2, 1 h) = {Figures.Integer(window)} s, fires in that case with the same tolerance as the age alert.";
        var ru = $"Алерт возраста сравнивает ряд свежести с текущим временем и молчит, если ряда нет вовсе (задача бэкапа ни разу не запускалась или не дошла до экспортёра). absent_over_time за {Figures.Integer(range)} с по каждому набору реплик, удерживаемый до конца окна интервал + max(интервал / 2, 1 ч) = {Figures.Integer(window)} с, срабатывает в этом случае с тем же допуском, что и алерт возраста.";
        return Rule(AlertNames.BackupMissing, "tarantool-backup", range, window - range, page, reason, ru,
            "No backup of {{ $labels.replicaset }} has ever been reported",
            $"No sample of the backup freshness metric of {{{{ $labels.replicaset }}}} in {Figures.Integer(window / 3600)} h: the backup job does not run or cannot publish. Check that the job is scheduled and admitted, and its log.");
    }

    private static (AlertRule Rule, string Ru) Disk(CapacityPlan capacity, bool production, string page, PhaseContext context)
    {
        var needed = capacity.DiskPerStorageInstanceGb > 0 ? (capacity.SnapshotSizeGb + capacity.WalSizeGb) / capacity.DiskPerStorageInstanceGb : 0;
        var threshold = Math.Min(0.5, Math.Max(0.10, Math.Ceiling(needed * 20) / 20));
        var reason = $"A checkpoint writes a whole new snapshot ({Figures.Gb(capacity.SnapshotSizeGb)}) before old files are removed, while the WAL keeps growing ({Figures.Gb(capacity.WalSizeGb)}): " +
                     $"free space below ({Figures.Number(capacity.SnapshotSizeGb)} + {Figures.Number(capacity.WalSizeGb)}) / {Figures.Number(capacity.DiskPerStorageInstanceGb)} GB, rounded up to 5% and at least 10% = {PromNumber.Format(threshold * 100)}% " +
                     "means the next snapshot may fail. 10 minutes ignores the snapshot's own temporary peak.";
        var kubernetes = Phases.Containers.PlatformNaming.IsKubernetes(context.Request);
        var ru = $"Контрольная точка пишет новый снимок целиком ({Figures.Gb(capacity.SnapshotSizeGb)}) до удаления старых файлов, а WAL продолжает расти ({Figures.Gb(capacity.WalSizeGb)}): " +
                 $"свободного места меньше ({Figures.Number(capacity.SnapshotSizeGb)} + {Figures.Number(capacity.WalSizeGb)}) / {Figures.Number(capacity.DiskPerStorageInstanceGb)} ГБ, с округлением вверх до 5% и не меньше 10%, = {PromNumber.Format(threshold * 100)}% " +
                 "означает, что следующий снимок может не записаться. 10 минут отсекают временный пик самого снимка.";
        return Rule(AlertNames.DiskSpaceLow, "tarantool-storage", threshold, 600, page, reason, ru,
            kubernetes ? "Data volume {{ $labels.persistentvolumeclaim }} is running out of space" : "Data disk of {{ $labels.instance }} is running out of space",
            $"Less than {PromNumber.Format(threshold * 100)}% of the data volume is free; the next snapshot may fail. Remove old snapshots beyond snapshot.count or expand the volume.");
    }

    /// <summary>Warning and paging tiers of the process RSS against the container or unit memory limit: the kernel
    /// OOM-kills the instance at the limit, which for a leader is a failover and for a lone router an outage.</summary>
    private static (AlertRule Rule, string Ru) MemoryLimit(string name, PhaseContext context, string severity)
    {
        var critical = name == AlertNames.MemoryAtLimit;
        var threshold = critical ? 95.0 : 85.0;
        var limits = AlertExpressions.MemoryLimits(context);
        var kubernetes = PlatformNaming.IsKubernetes(context.Request);
        var figures = string.Join(", ", limits.Select(l => $"{l.Role} {Figures.Bytes(l.LimitBytes)}"));
        var where = kubernetes ? $"the pod's memory limit ({figures}; requests = limits, from the capacity plan as the containers phase writes them)"
                               : $"MemoryMax= of the instances' systemd unit ({Figures.Bytes(limits.Max(l => l.LimitBytes))}, the largest instance budget of the capacity plan, as the containers phase writes it)";
        var whereRu = kubernetes ? $"лимит памяти пода ({figures}; requests = limits, из плана ёмкости, как их пишет фаза контейнеров)"
                                 : $"MemoryMax= в systemd-юните экземпляров ({Figures.Bytes(limits.Max(l => l.LimitBytes))}, наибольший бюджет экземпляра из плана ёмкости, как его пишет фаза контейнеров)";
        var reason = $"tnt_memory is the process RSS (metrics/tarantool/memory.lua): memtx arena as it fills, Lua heap, fibers, network buffers, vinyl cache. The kernel kills the process when it reaches {where}. " +
                     (critical ? $"At {PromNumber.Format(threshold)}% the next burst or snapshot read view can be killed: 2 minutes, paging tier." : $"{PromNumber.Format(threshold)}% for 5 minutes leaves time to raise the limit first and memtx.memory after it (never the other way round), or to find a Lua leak; the paging tier is at 95%.");
        var ru = $"tnt_memory — RSS процесса (metrics/tarantool/memory.lua): заполняемая арена memtx, куча Lua, файберы, сетевые буферы, кэш vinyl. Ядро убивает процесс, когда он доходит до {whereRu}. " +
                 (critical ? $"При {PromNumber.Format(threshold)}% следующий всплеск или read view снимка может привести к убийству процесса: 2 минуты, уровень вызова." : $"{PromNumber.Format(threshold)}% в течение 5 минут оставляют время сначала поднять лимит, а затем memtx.memory (никогда наоборот) или найти утечку в Lua; уровень вызова — 95%.");
        return Rule(name, "tarantool-memory", threshold, critical ? 120 : 300, severity, reason, ru,
            critical ? "{{ $labels.instance_name }} is about to hit its memory limit" : "{{ $labels.instance_name }} is close to its memory limit",
            $"The RSS of {{{{ $labels.instance_name }}}} ({{{{ $labels.role }}}}) is above {PromNumber.Format(threshold)}% of its {(kubernetes ? "container" : "systemd unit")} memory limit; at the limit the kernel kills it. Check tnt_info_memory_lua and the memtx arena; raise the limit before memtx.memory.");
    }

    private static (AlertRule Rule, string Ru) BucketsStuck(CapacityPlan capacity, string page)
    {
        var bucketBytes = capacity.BucketCount > 0 ? capacity.ProjectedDataSizeGb * 1e9 / capacity.BucketCount : 0;
        var reason = $"A bucket holds about {Figures.Bytes((long)bucketBytes)} (the {Figures.Gb(capacity.ProjectedDataSizeGb)} horizon over {Figures.Integer(capacity.BucketCount)} buckets) and moves in seconds; when a transfer is interrupted vshard's recovery service retries it every 5 s once both storages are reachable. " +
                     $"While rebalancing makes progress the active count changes, so buckets sending or receiving with an active count that has not changed for {AlertExpressions.StuckWindow}, held 5 more minutes, are a transfer that stopped; requests for those buckets fail until it finishes.";
        var ru = $"Бакет содержит около {Figures.Bytes((long)bucketBytes)} ({Figures.Gb(capacity.ProjectedDataSizeGb)} на горизонте планирования на {Figures.Integer(capacity.BucketCount)} бакетов) и переносится за секунды; прерванный перенос сервис восстановления vshard повторяет каждые 5 с, когда оба хранилища доступны. " +
                 $"Пока ребалансировка идёт, число активных бакетов меняется, поэтому бакеты в sending или receiving при числе активных, не менявшемся {AlertExpressions.StuckWindow.Replace("m", " мин")} и ещё 5 минут, — это остановившийся перенос; запросы к этим бакетам не выполняются, пока он не завершится.";
        return Rule(AlertNames.VshardBucketsStuck, "tarantool-vshard", 0, 300, page, reason, ru,
            "vshard buckets of {{ $labels.instance_name }} are stuck in {{ $labels.state }}",
            "{{ $labels.instance_name }} ({{ $labels.replicaset }}) has buckets in {{ $labels.state }} and none became active for 15 minutes: a transfer stopped. Bring the other storage back, then run vshard.storage.recovery_wakeup().");
    }

    /// <summary>Bytes per second one bucket transfer is assumed to reach (vshard sends one bucket at a time by default).</summary>
    private const double AssumedTransferBytesPerSecond = 10e6;

    private static (AlertRule Rule, string Ru) Unbalanced(CapacityPlan capacity)
    {
        // Adding a replicaset moves 1/(N+1) of every storage's data to it; the rebalancer wakes at most an hour
        // after the change (vshard REBALANCER_IDLE_INTERVAL) and then moves buckets one at a time.
        var shards = Math.Max(1, capacity.StorageReplicasets);
        var moveBytes = capacity.ProjectedDataSizeGb * 1e9 / (shards + 1);
        var moveSeconds = moveBytes / AssumedTransferBytesPerSecond;
        var forSeconds = (int)Math.Max(7200, Math.Ceiling((3600 + moveSeconds) / 3600) * 3600);
        const double threshold = 10;
        var reason = $"The rebalancer keeps every replicaset within its disbalance threshold (1% by default) of an even share of the buckets; here the even share is the mean active count over the replicasets, so the rule stays right when shards are added. " +
                     $"A replicaset more than {PromNumber.Format(threshold)}% off it is expected right after adding a shard: the rebalancer wakes within an hour and then moves about {Figures.Gb(moveBytes / 1e9)} at ~10 MB/s (about {Figures.Integer((long)moveSeconds)} s), so {Figures.Integer(forSeconds / 3600)} h = max(2 h, 1 h + move time, rounded up) later it means the rebalancer is off, locked or failing.";
        var ru = $"Ребалансировщик держит каждый набор реплик в пределах порога дисбаланса (по умолчанию 1%) от равной доли бакетов; здесь равная доля — среднее число активных бакетов по наборам реплик, поэтому правило остаётся верным после добавления шардов. " +
                 $"Отклонение больше {PromNumber.Format(threshold)}% ожидаемо сразу после добавления шарда: ребалансировщик просыпается в течение часа и переносит около {Figures.Gb(moveBytes / 1e9)} со скоростью ~10 МБ/с (около {Figures.Integer((long)moveSeconds)} с), поэтому через {Figures.Integer(forSeconds / 3600)} ч = max(2 ч, 1 ч + время переноса, с округлением вверх) оно означает, что ребалансировщик выключен, заблокирован или падает с ошибкой.";
        return Rule(AlertNames.VshardBucketsUnbalanced, "tarantool-vshard", threshold, forSeconds, "warning", reason, ru,
            "Buckets of {{ $labels.replicaset }} are off balance",
            $"The active bucket count of {{{{ $labels.replicaset }}}} is more than {PromNumber.Format(threshold)}% away from the even share and the rebalancer has not fixed it. Check tnt_vshard_storage_service_error{{service=\"rebalancer\"}}, sharding.rebalancer_mode and bucket locks.");
    }

    private static (AlertRule Rule, string Ru) RouterUnreachable(ClusterTopology topology, CapacityPlan capacity, string page)
    {
        // A replicaset with replicas keeps serving reads and elects a new master when one instance restarts; a
        // one-instance storage is unreachable for its whole restart, which must not page.
        var lone = topology.Replicasets.Any(r => r.Roles.Contains("storage") && r.Instances.Count == 1);
        var duration = lone ? RestartBudgetSeconds(capacity, 120) : 120;
        var reason = $"vshard.router.info().bucket counts buckets whose replicaset has no reachable instance (unreachable) and buckets the router has not discovered (unknown); discovery finds every bucket within seconds of start, so either means requests for those buckets fail. " +
                     (lone ? $"A one-instance storage is unreachable while it restarts (about {Figures.Integer(capacity.SnapshotRecoverySeconds)} s), so the alert waits max(120 s, recovery + 2 min) = {Figures.Integer(duration)} s." : "Every storage has replicas, so a restart never makes a whole replicaset unreachable: 2 minutes.");
        var ru = $"vshard.router.info().bucket считает бакеты, у набора реплик которых нет ни одного доступного экземпляра (unreachable), и бакеты, которые роутер ещё не нашёл (unknown); discovery находит все бакеты за секунды после старта, поэтому и то и другое означает, что запросы к этим бакетам не выполняются. " +
                 (lone ? $"Хранилище из одного экземпляра недоступно на время перезапуска (около {Figures.Integer(capacity.SnapshotRecoverySeconds)} с), поэтому алерт ждёт max(120 с, восстановление + 2 мин) = {Figures.Integer(duration)} с." : "У каждого хранилища есть реплики, поэтому перезапуск никогда не делает недоступным весь набор реплик: 2 минуты.");
        return Rule(AlertNames.VshardRouterBucketsUnreachable, "tarantool-vshard", 0, duration, page, reason, ru,
            "Router {{ $labels.instance_name }} cannot reach {{ $labels.state }} buckets",
            "Router {{ $labels.instance_name }} reports {{ $labels.state }} buckets: requests for them fail. Check vshard.router.info() on the router for the replicaset it cannot reach, then that replicaset's instances.");
    }

    private static (AlertRule Rule, string Ru) Rule(string name, string group, double threshold, int forSeconds, string severity, string reason, string ru, string summary, string description) => (new AlertRule
    {
        Name = name,
        Group = group,
        Expression = "",
        ForSeconds = forSeconds,
        Severity = severity,
        Threshold = threshold,
        ThresholdReason = reason,
        Summary = summary,
        Description = description,
        RunbookUrl = AlertNames.RunbookUrl(name),
    }, ru);
}
