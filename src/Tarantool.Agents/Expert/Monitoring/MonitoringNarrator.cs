using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Monitoring;

namespace Tarantool.Agents.Expert.Monitoring;

/// <summary>Writes the phase 7 narrative: what is exported, scraped and alerted on, with every threshold's reason.</summary>
public static class MonitoringNarrator
{
    public static string Write(MonitoringPlan plan, PhaseContext context)
    {
        var n = new NarrativeBuilder(context.Language);
        var request = context.Request;
        n.Title($"Monitoring and observability: {request.ClusterName}", $"Мониторинг и наблюдаемость: {request.ClusterName}");

        n.Section(MonitoringPhase.Summary);
        n.Paragraph(
            $"Prometheus scrapes {plan.Targets.Count} Tarantool instances every {plan.ScrapeIntervalSeconds} s and evaluates {plan.Rules.Count} alerts; " +
            $"every alert links to its runbook in docs/troubleshooting.md and has a threshold derived from this cluster's plans. Grafana gets {plan.Dashboards.Count} dashboard(s).",
            $"Prometheus опрашивает {plan.Targets.Count} экземпляров Tarantool каждые {plan.ScrapeIntervalSeconds} с и вычисляет {plan.Rules.Count} алертов; " +
            $"у каждого алерта есть ссылка на инструкцию в docs/troubleshooting.md и порог, выведенный из планов этого кластера. Для Grafana подготовлено дашбордов: {plan.Dashboards.Count}.");
        var decisions = MonitoringDecisions.For(plan, context);
        n.Bullets(decisions.Select(d => d.En).SequenceEqual(plan.Decisions) ? decisions.Select(d => n.T(d.En, d.Ru)) : plan.Decisions);

        n.Section(MonitoringPhase.MetricsExport);
        n.Paragraph(
            $"Each instance serves its metrics in Prometheus format at {plan.MetricsPath} on its metrics port. The alerts read only metrics the tarantool/metrics module really exports " +
            "(tnt_info_*, tnt_replication_*, tnt_slab_*, tnt_election_*, tnt_vinyl_*, tnt_config_status), plus up, the disk metrics of the named exporter and the backup job's freshness gauge. " +
            "Slab ratios are percentages (0–100), lags are seconds, memory is bytes.",
            $"Каждый экземпляр отдаёт метрики в формате Prometheus по пути {plan.MetricsPath} на своём порту метрик. Алерты используют только метрики, которые действительно экспортирует модуль tarantool/metrics " +
            "(tnt_info_*, tnt_replication_*, tnt_slab_*, tnt_election_*, tnt_vinyl_*, tnt_config_status), а также up, дисковые метрики указанного экспортёра и метку свежести резервной копии. " +
            "Доли slab — проценты (0–100), задержки — секунды, память — байты.");
        n.Paragraph(
            $"Backup freshness: {plan.BackupFreshness.MetricName} via {plan.BackupFreshness.Exporter} ({plan.BackupFreshness.Location}); backups run every {Figures.Integer(plan.BackupFreshness.BackupIntervalSeconds)} s.",
            $"Свежесть резервных копий: {plan.BackupFreshness.MetricName} через {plan.BackupFreshness.Exporter} ({plan.BackupFreshness.Location}); копии снимаются каждые {Figures.Integer(plan.BackupFreshness.BackupIntervalSeconds)} с.");

        n.Section(MonitoringPhase.Scrape);
        if (Phases.Containers.PlatformNaming.IsKubernetes(request))
            n.Paragraph(
                "monitoring/prometheus.yml discovers the pods with kubernetes_sd_configs (role pod, attach_metadata node) and relabels namespace, pod, instance_name, replicaset, role, zone and region from discovery; a kubelet job adds the volume stats. rule_files point at alerts.yml next to it, so run Prometheus and promtool from monitoring/. The targets below are what discovery must find.",
                "monitoring/prometheus.yml находит поды через kubernetes_sd_configs (роль pod, attach_metadata node) и переносит namespace, pod, instance_name, replicaset, role, zone и region из discovery; задание kubelet добавляет статистику томов. rule_files ссылается на alerts.yml рядом, поэтому Prometheus и promtool запускаются из каталога monitoring/. Ниже — сколько целей discovery должен найти.");
        else
            n.Paragraph(
                "monitoring/prometheus.yml lists every instance once as a static target with its topology labels; rule_files point at alerts.yml next to it, so run Prometheus and promtool from monitoring/.",
                "В monitoring/prometheus.yml каждый экземпляр указан один раз как статическая цель с метками топологии; rule_files ссылается на alerts.yml рядом, поэтому Prometheus и promtool запускаются из каталога monitoring/.");
        // The targets themselves (instance, replicaset, role, address, zone) are in the typed output and prometheus.yml;
        // a table of them here repeated the topology and pushed a large cluster's answer past a 32k model's window.
        n.Paragraph(
            $"{plan.Targets.Count} targets: every instance of the topology once, with its replicaset, role and zone (the targets list of outputs/07-monitoring.json).",
            $"Целей: {plan.Targets.Count} — каждый экземпляр топологии один раз, с набором реплик, ролью и зоной (список targets в outputs/07-monitoring.json).");
        if (plan.NodeExporterTargets.Count > 0)
            n.Paragraph($"node_exporter: {string.Join(", ", plan.NodeExporterTargets)}.", $"node_exporter: {string.Join(", ", plan.NodeExporterTargets)}.");
        n.Code("bash", "cd monitoring\npromtool check config prometheus.yml\npromtool check rules alerts.yml\npromtool test rules alerts.test.yml");

        n.Section(MonitoringPhase.Alerts);
        n.Table(
            [n.T("Alert", "Алерт"), n.T("Threshold", "Порог"), n.T("For", "Длительность"), n.T("Severity", "Важность"), n.T("Runbook", "Инструкция")],
            plan.Rules.Select(r => (IReadOnlyList<string>)[r.Name, PromNumber.Format(r.Threshold), PromNumber.Duration(Math.Max(r.ForSeconds, 0)), r.Severity, r.RunbookUrl]));
        // Each rule's expression and the reasoning behind its threshold and duration live once, in alerts.yml (the
        // threshold_reason annotation) and the typed output: repeating them here made this answer longer than a
        // hosted model may write in one call.
        n.Paragraph(
            "monitoring/alerts.yml holds each rule's expression, and its threshold_reason annotation says why the threshold and the duration are what they are (recovery time, RPO, capacity figures); the runbook column links the troubleshooting guide's procedure for each alert.",
            "В monitoring/alerts.yml — выражение каждого правила, а аннотация threshold_reason объясняет, почему порог и длительность именно такие (время восстановления, RPO, цифры плана мощностей); столбец «Инструкция» ведёт к процедуре руководства по устранению неполадок для каждого алерта.");

        n.Section(MonitoringPhase.Dashboards);
        foreach (var dashboard in plan.Dashboards)
        {
            n.Paragraph(
                $"monitoring/grafana/{dashboard.Uid}.json (\"{dashboard.Title}\") imports through Grafana's Import dialog or loads by provisioning ({GrafanaProvisioningRenderer.FilePath}); every panel reads the datasource variable (the default Prometheus unless you pick another), and a replicaset variable filters every panel.",
                $"monitoring/grafana/{dashboard.Uid}.json («{dashboard.Title}») импортируется через диалог Import в Grafana или загружается провизионингом ({GrafanaProvisioningRenderer.FilePath}); все панели читают переменную datasource (Prometheus по умолчанию, если не выбран другой), а переменная replicaset фильтрует все панели.");
            n.Bullets(dashboard.Panels.Select(p => $"{p.Title} ({p.Unit})"));
        }
        return n.ToString();
    }
}
