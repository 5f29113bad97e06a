using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Monitoring;

/// <summary>The decisions of a monitoring plan in English (typed output) and Russian (narratives).</summary>
public static class MonitoringDecisions
{
    public static IReadOnlyList<(string En, string Ru)> For(MonitoringPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var exportVia = request.ClusterType == ClusterType.Cartridge ? ("(Cartridge: the metrics role on the HTTP port).", "(Cartridge: роль metrics на HTTP-порту).")
            : request.IsDeclarativeConfig ? ("(roles.metrics-export).", "(roles.metrics-export).")
            : ("(the metrics module's HTTP handler).", "(HTTP-обработчик модуля metrics).");
        var pushed = plan.BackupFreshness.Exporter == "pushgateway";
        var decisions = new List<(string, string)>
        {
            ("Every target carries instance_name, replicaset, role, region and zone labels so alerts and dashboards group by replicaset; the metrics module's own alias label is left untouched.",
             "У каждой цели есть метки instance_name, replicaset, role, region и zone, чтобы алерты и дашборды группировались по наборам реплик; собственная метка alias модуля metrics не затрагивается."),
            ($"The configuration phase must expose Prometheus-format metrics at {plan.MetricsPath} on each instance's metrics port {exportVia.Item1}",
             $"Фаза конфигурации должна отдавать метрики в формате Prometheus по пути {plan.MetricsPath} на порту метрик каждого экземпляра {exportVia.Item2}"),
            ($"The backup phase must publish {plan.BackupFreshness.MetricName}{{replicaset=\"...\"}} = Unix time after each successful backup, " +
             (pushed ? $"pushed to the Pushgateway at {plan.BackupFreshness.Location}." : $"written atomically to a .prom file in {plan.BackupFreshness.Location} for node_exporter's textfile collector."),
             $"Фаза резервного копирования должна публиковать {plan.BackupFreshness.MetricName}{{replicaset=\"...\"}} = время Unix после каждой успешной копии, " +
             (pushed ? $"отправляя его в Pushgateway {plan.BackupFreshness.Location}." : $"атомарно записывая файл .prom в {plan.BackupFreshness.Location} для textfile collector у node_exporter.")),
            plan.DiskMetricsSource == "kubelet"
                ? ("Disk space on Kubernetes comes from kubelet_volume_stats_* of the data-<pod> claims, scraped by the cluster's kubelet job.",
                   "Свободное место в Kubernetes берётся из kubelet_volume_stats_* томов data-<pod>, которые собирает задание kubelet кластера.")
                : ($"Disk space comes from node_exporter on every host, watching the {AlertExpressions.DataMountpoint(request.ClusterName)} mount: the instances' data directories {AlertExpressions.DataMountpoint(request.ClusterName)}/<instance> (the tt environment's var/lib), where the data disk is mounted.",
                   $"Свободное место берётся из node_exporter на каждом сервере, по точке монтирования {AlertExpressions.DataMountpoint(request.ClusterName)}: там каталоги данных экземпляров {AlertExpressions.DataMountpoint(request.ClusterName)}/<экземпляр> (var/lib окружения tt), туда монтируется диск данных."),
        };
        if (PlatformNaming.IsKubernetes(request))
            decisions.Add(("Prometheus finds the pods by Kubernetes service discovery (pod role in the cluster's namespace, its app.kubernetes.io labels, the metrics container port) and takes every label from discovery: namespace, pod, instance_name (the pod name), replicaset and role (pod labels), zone and region (the node's topology labels); a kubelet job keeps only kubelet_volume_stats_* for the disk alert. The targets listed here are what discovery must find.",
                           "Prometheus находит поды через service discovery Kubernetes (роль pod в пространстве имён кластера, его метки app.kubernetes.io, порт контейнера metrics) и берёт все метки из discovery: namespace, pod, instance_name (имя пода), replicaset и role (метки пода), zone и region (метки топологии узла); задание kubelet оставляет только kubelet_volume_stats_* для дискового алерта. Перечисленные здесь цели — то, что discovery должен найти."));
        if (PlatformNaming.IsKubernetes(request))
            decisions.Add(($"Where the Prometheus Operator runs Prometheus, {PrometheusOperatorRenderer.PodMonitorPath} and {PrometheusOperatorRenderer.PrometheusRulePath} replace prometheus.yml's tarantool job and rule_files: the PodMonitor selects and relabels the pods as that job does (job=\"tarantool\" included) and the PrometheusRule holds the same rule groups as alerts.yml.",
                           $"Если Prometheus управляется Prometheus Operator, {PrometheusOperatorRenderer.PodMonitorPath} и {PrometheusOperatorRenderer.PrometheusRulePath} заменяют задание tarantool и rule_files из prometheus.yml: PodMonitor выбирает поды и переносит метки так же, как это задание (включая job=\"tarantool\"), а PrometheusRule содержит те же группы правил, что и alerts.yml."));
        var limits = AlertExpressions.MemoryLimits(context);
        decisions.Add((PlatformNaming.IsKubernetes(request)
                ? $"Memory alerts compare the process RSS (tnt_memory) with each pod's memory limit ({string.Join(", ", limits.Select(l => $"{l.Role} {Figures.Bytes(l.LimitBytes)}"))}), the figure the containers phase derives from the capacity plan: a warning at 85%, a page at 95%, before the OOM killer acts."
                : $"Memory alerts compare the process RSS (tnt_memory) with MemoryMax= of the systemd unit ({Figures.Bytes(limits.Max(l => l.LimitBytes))}), the figure the containers phase derives from the capacity plan: a warning at 85%, a page at 95%, before the OOM killer acts.",
            PlatformNaming.IsKubernetes(request)
                ? $"Алерты памяти сравнивают RSS процесса (tnt_memory) с лимитом памяти пода ({string.Join(", ", limits.Select(l => $"{l.Role} {Figures.Bytes(l.LimitBytes)}"))}) — тем значением, которое фаза контейнеров выводит из плана ёмкости: предупреждение при 85%, вызов при 95%, раньше, чем сработает OOM killer."
                : $"Алерты памяти сравнивают RSS процесса (tnt_memory) с MemoryMax= systemd-юнита ({Figures.Bytes(limits.Max(l => l.LimitBytes))}) — тем значением, которое фаза контейнеров выводит из плана ёмкости: предупреждение при 85%, вызов при 95%, раньше, чем сработает OOM killer."));
        if (MonitoringExpectations.IsSharded(topology))
            decisions.Add(($"vshard alerts read the gauges of the configuration phase's vshard metrics callback ({string.Join(", ", ClusterConfig.VshardMetricsLua.Metrics)}), taken from vshard.storage.info() and vshard.router.info(): no metrics module exports vshard state. Their runbook is the troubleshooting guide's stuck-buckets section.",
                           $"Алерты vshard читают метрики обратного вызова vshard из фазы конфигурации ({string.Join(", ", ClusterConfig.VshardMetricsLua.Metrics)}), взятые из vshard.storage.info() и vshard.router.info(): ни один модуль метрик не экспортирует состояние vshard. Их инструкция — раздел о застрявших бакетах в руководстве по устранению неполадок."));
        decisions.Add(("Planned restarts do not page: instance-down and replication-stopped wait for the capacity plan's recovery time plus 2 minutes; a lost leader pages through the election alerts, and memory alerts have a warning tier (80%) before the paging tier (90%).",
                       "Плановые перезапуски не будят дежурного: алерты о недоступном экземпляре и остановленной репликации ждут время восстановления из плана ёмкости плюс 2 минуты; потеря лидера видна по алертам выборов, а у алертов памяти есть уровень предупреждения (80%) до уровня вызова (90%)."));
        if (!MonitoringExpectations.HasElection(topology))
            decisions.Add(($"No election alerts: failover is '{topology.FailoverMode}', so tnt_election_state says nothing about leadership.",
                           $"Алертов выборов нет: режим переключения '{topology.FailoverMode}', и tnt_election_state ничего не говорит о лидерстве."));
        if (topology.Replicasets.Any(r => PlatformNaming.RoleOf(r.Roles) == "stateboard"))
            decisions.Add(("The Cartridge stateboard exports no metrics and is not scraped; its loss shows up as failover errors on the instances.",
                           "Stateboard Cartridge не экспортирует метрики и не опрашивается; его потеря проявится ошибками failover на экземплярах."));
        decisions.Add(("Transaction-conflict alerts watch vinyl only: memtx MVCC exposes no conflict counter in the metrics module.",
                       "Алерты конфликтов транзакций следят только за vinyl: для MVCC memtx модуль metrics не даёт счётчика конфликтов."));
        return decisions;
    }
}
