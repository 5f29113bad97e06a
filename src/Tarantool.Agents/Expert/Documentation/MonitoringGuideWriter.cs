using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Monitoring;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>docs/monitoring.md: metrics endpoints and the metrics that matter, alert meanings, dashboards, health checks.</summary>
internal sealed class MonitoringGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.MonitoringFile, cluster.Language)
            .Section(GuideOutline.Metrics, Metrics)
            .Section(GuideOutline.Alerts, Alerts)
            .Section(GuideOutline.Dashboards, Dashboards)
            .Section(GuideOutline.HealthChecks, HealthChecks)
            .Build();

    private void Metrics(SectionText s)
    {
        s.P("Every instance exports Prometheus metrics over HTTP; `monitoring/prometheus.yml` scrapes them:",
            "Каждый инстанс отдаёт метрики Prometheus по HTTP; их собирает `monitoring/prometheus.yml`:");
        s.Table([s.T("Instance", "Инстанс"), s.T("Endpoint", "Адрес")],
            cluster.Instances.Select(i => (IReadOnlyList<string>)[$"`{i.Name}`", $"`http://{i.Host}:{i.MetricsPort}/metrics`"]));
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "`tnt_info_uptime`", s.T("restarts", "перезапуски") },
            new[] { "`tnt_replication_lag`, `tnt_replication_status`", s.T("replication health per stream", "здоровье репликации по каждому потоку") },
            new[] { "`tnt_slab_quota_used_ratio`, `tnt_slab_arena_used_ratio`", s.T("memtx memory use", "использование памяти memtx") },
            new[] { "`tnt_info_memory_lua`", s.T("Lua heap", "куча Lua") },
            new[] { "`tnt_stats_op_total`", s.T("requests per second by type", "запросы в секунду по типам") },
            new[] { "`tnt_net_requests_in_progress_current`", s.T("requests waiting in iproto", "запросы в очереди iproto") },
            new[] { "`tnt_ev_loop_time`", s.T("event loop stalls (long requests without yields)", "задержки цикла событий (долгие запросы без уступки управления)") },
        };
        if (cluster.Election) rows.Add(["`tnt_election_state`, `tnt_election_term`, `tnt_election_leader`", s.T("elections and leadership", "выборы и лидерство")]);
        if (cluster.Tooling == TarantoolTooling.DeclarativeConfig) rows.Add(["`tnt_config_status`, `tnt_config_alerts`", s.T("configuration applied or not", "применена ли конфигурация")]);
        if (cluster.Vinyl) rows.Add(["`tnt_vinyl_regulator_rate_limit`, `tnt_vinyl_tx_conflict`", s.T("vinyl write throttling and conflicts", "притормаживание записи и конфликты vinyl")]);
        rows.Add(["`tnt_memory`", cluster.OnKubernetes ? s.T("resident memory against the pod's memory limit", "резидентная память относительно лимита памяти пода") : s.T("resident memory against `MemoryMax=` of the unit", "резидентная память относительно `MemoryMax=` юнита")]);
        if (cluster.Sharded)
        {
            rows.Add([$"`{ClusterConfig.VshardMetricsLua.StorageBuckets}`", s.T("buckets per storage by state (active, pinned, sending, receiving, garbage): balance and transfers in flight", "бакеты хранилища по состояниям (active, pinned, sending, receiving, garbage): баланс и идущие переносы")]);
            rows.Add([$"`{ClusterConfig.VshardMetricsLua.ServiceError}`", s.T("rebalancer, recovery and gc errors", "ошибки rebalancer, recovery и gc")]);
            rows.Add([$"`{ClusterConfig.VshardMetricsLua.RouterBuckets}`", s.T("buckets a router can reach for writes, only for reads, or not at all", "бакеты, доступные роутеру на запись, только на чтение или недоступные")]);
        }
        s.Table([s.T("Metric", "Метрика"), s.T("Watch for", "Что отслеживать")], rows);
        if (cluster.Sharded)
            s.P("The metrics module exports nothing about vshard: the `tnt_vshard_*` gauges come from the bundle's own metrics callback, which reads `vshard.storage.info()` and `vshard.router.info()` on every scrape (configuration.md).",
                "Модуль metrics ничего не экспортирует о vshard: метрики `tnt_vshard_*` даёт собственный обратный вызов комплекта, который при каждом опросе читает `vshard.storage.info()` и `vshard.router.info()` (configuration.md).");
        if (cluster.OnKubernetes)
            s.P($"With the Prometheus Operator, apply `{PrometheusOperatorRenderer.PodMonitorPath}` and `{PrometheusOperatorRenderer.PrometheusRulePath}` instead of the tarantool job and rule files of `monitoring/prometheus.yml`: the PodMonitor scrapes the same pods with the same labels, the PrometheusRule holds the same alerts. Give both the label your Prometheus selects them by (kube-prometheus-stack: `release`).",
                $"С Prometheus Operator примените `{PrometheusOperatorRenderer.PodMonitorPath}` и `{PrometheusOperatorRenderer.PrometheusRulePath}` вместо задания tarantool и файлов правил из `monitoring/prometheus.yml`: PodMonitor опрашивает те же поды с теми же метками, PrometheusRule содержит те же алерты. Добавьте обоим метку, по которой их выбирает ваш Prometheus (в kube-prometheus-stack — `release`).");
    }

    private void Alerts(SectionText s)
    {
        s.P("The alert rules live in `monitoring/alerts.yml` (tested by `monitoring/alerts.test.yml`). Each alert carries a runbook link into troubleshooting.md:",
            "Правила алертов лежат в `monitoring/alerts.yml` (их проверяет `monitoring/alerts.test.yml`). У каждого алерта есть ссылка на инструкцию в troubleshooting.md:");
        var runbooks = new AlertRunbooks(cluster).All();
        s.Table([s.T("Alert", "Алерт"), s.T("Meaning", "Значение"), s.T("Here", "Здесь"), s.T("Runbook", "Инструкция")],
            runbooks.Select(r => (IReadOnlyList<string>)[$"`{r.Name}`", r.Meaning, r.Relevant ? s.T("can fire", "может сработать") : s.T("not expected", "не ожидается"), $"[{r.Name}](troubleshooting.md#{r.Name.ToLowerInvariant()})"])
                .Concat(cluster.Sharded ? VshardRows(s) : []));
        s.P("Page on data risk (instance down, replication stopped, memory nearly full, no leader, disk space); the rest goes to the team channel during working hours.",
            "Будите дежурного при риске для данных (инстанс недоступен, репликация остановлена, память почти заполнена, нет лидера, мало места на диске); остальное — в канал команды в рабочее время.");
    }

    /// <summary>The vshard alerts share the troubleshooting guide's stuck-buckets section as their runbook.</summary>
    private IEnumerable<IReadOnlyList<string>> VshardRows(SectionText s)
    {
        var link = $"[{s.T("vshard buckets", "бакеты vshard")}](troubleshooting.md#{VshardRunbook.Slug(VshardRunbook.Heading(cluster.Language))})";
        var can = s.T("can fire", "может сработать");
        yield return [$"`{AlertNames.VshardBucketsStuck}`", s.T("Buckets stay in sending or receiving while no bucket becomes active: a transfer stopped, requests for those buckets fail.", "Бакеты остаются в sending или receiving, а ни один не становится активным: перенос остановился, запросы к этим бакетам не выполняются."), can, link];
        yield return [$"`{AlertNames.VshardGarbageStuck}`", s.T("Garbage buckets are not collected: a replica is unreachable or the collector fails.", "Бакеты garbage не собираются: недоступна реплика или сборщик падает с ошибкой."), can, link];
        yield return [$"`{AlertNames.VshardBucketsUnbalanced}`", s.T("A replicaset is far from the even share of buckets hours after a change: the rebalancer does not work.", "Набор реплик далёк от равной доли бакетов через часы после изменения: ребалансировщик не работает."), can, link];
        yield return [$"`{AlertNames.VshardRouterBucketsUnreachable}`", s.T("A router cannot reach the replicaset of some buckets, or has not discovered them.", "Роутер не может достучаться до набора реплик части бакетов или ещё не нашёл их."), can, link];
        yield return [$"`{AlertNames.VshardServiceError}`", s.T("The rebalancer, recovery or garbage-collector service of a storage keeps an error.", "Сервис ребалансировки, восстановления или сборки мусора хранилища держит ошибку."), can, link];
    }

    private void Dashboards(SectionText s)
    {
        s.P("Import the dashboards from `monitoring/grafana/*.json` into Grafana (Dashboards → Import) with the Prometheus data source. Read them top down:",
            "Импортируйте дашборды из `monitoring/grafana/*.json` в Grafana (Dashboards → Import) с источником данных Prometheus. Читайте их сверху вниз:");
        s.Bullets(
        [
            s.T("cluster overview: instances up, leaders, replication lag;", "обзор кластера: запущенные инстансы, лидеры, отставание репликации;"),
            s.T("memory: memtx arena against `memtx.memory`, Lua heap, resident memory against the container or unit limit — the trend tells when to scale (scaling.md);", "память: арена memtx относительно `memtx.memory`, куча Lua, резидентная память относительно лимита контейнера или юнита — по тренду видно, когда масштабироваться (scaling.md);"),
            s.T("load: requests per second by type, network, event loop time;", "нагрузка: запросы в секунду по типам, сеть, время цикла событий;"),
            cluster.Sharded ? s.T("vshard: active buckets per storage, buckets in flight (sending, receiving, garbage) while rebalancing, the routers' view of bucket availability, rebalancer/recovery/gc errors.", "vshard: активные бакеты по хранилищам, бакеты в пути (sending, receiving, garbage) во время ребалансировки, доступность бакетов с точки зрения роутеров, ошибки rebalancer/recovery/gc.") : s.T("disk: WAL write rate and free space.", "диск: скорость записи WAL и свободное место."),
        ]);
    }

    private void HealthChecks(SectionText s)
    {
        s.P("A healthy instance runs (`box.info.status` is `running`), follows every upstream with a lag under 1 s, and on 3.x has applied its configuration. The same check drives the rolling update:",
            "Здоровый инстанс запущен (`box.info.status` равен `running`), следует за всеми апстримами с отставанием меньше 1 с и на 3.x применил свою конфигурацию. Эта же проверка управляет поэтапным обновлением:");
        var leader = cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
        s.Bash($"{_ops.HealthCheck}\n{_ops.Lua(leader, Phases.Deployment.LuaSnippets.Health(cluster.Tooling, "1"))}");
        if (cluster.OnKubernetes)
            s.P("On Kubernetes the pods' readiness probe should reflect the same state, so a pod that is still loading its snapshot receives no traffic.",
                "В Kubernetes readiness-проба подов должна отражать то же состояние, чтобы под, который ещё загружает снапшот, не получал трафик.");
    }
}
