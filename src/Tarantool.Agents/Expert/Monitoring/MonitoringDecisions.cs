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
            decisions.Add(("Targets are the pods' stable DNS names on port 8081 (the orchestration phase's convention), so no Kubernetes service discovery is needed.",
                           "Цели — стабильные DNS-имена подов на порту 8081 (соглашение фазы оркестрации), поэтому service discovery Kubernetes не нужен."));
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
