using Tarantool.Agents.Expert.Monitoring;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Containers;

namespace Tarantool.Agents.Tests.Phases.Monitoring;

public sealed class MonitoringPlanValidatorTests
{
    private static readonly MonitoringPlanValidator Validator = new();

    private static (MonitoringPlan Plan, PhaseContext Context) Valid(PlatformScenario? scenario = null)
    {
        var context = (scenario ?? PlatformFixtures.ReplicatedProduction()).Context();
        return (new MonitoringExpert().Design(context), context);
    }

    private static void Reject(Func<MonitoringPlan, MonitoringPlan> breakIt, string code, PlatformScenario? scenario = null)
    {
        var (plan, context) = Valid(scenario);
        var issues = Validator.Validate(breakIt(plan), context).ToList();
        Assert.Contains(issues, i => i.Code == code && i.Severity == ValidationSeverity.Error);
    }

    private static MonitoringPlan WithRule(MonitoringPlan plan, string name, Func<AlertRule, AlertRule> change) =>
        plan with { Rules = [.. plan.Rules.Select(r => r.Name == name ? change(r) : r)] };

    [Fact]
    public void Expert_plan_is_valid()
    {
        var (plan, context) = Valid();
        Assert.Empty(Validator.Validate(plan, context));
    }

    [Fact]
    public void Rejects_an_instance_that_is_not_scraped() => Reject(p => p with { Targets = [.. p.Targets.Skip(1)] }, "monitoring.target-count");

    [Fact]
    public void Rejects_an_instance_scraped_twice() => Reject(p => p with { Targets = [.. p.Targets, p.Targets[0]] }, "monitoring.target-count");

    [Fact]
    public void Rejects_a_wrong_scrape_address() =>
        Reject(p => p with { Targets = [p.Targets[0] with { Address = "orders-node-1:8081" }, .. p.Targets.Skip(1)] }, "monitoring.target-address");

    [Fact]
    public void Rejects_an_unknown_target() =>
        Reject(p => p with { Targets = [.. p.Targets, p.Targets[0] with { Instance = "ghost-1", Address = "ghost:8081" }] }, "monitoring.target-unknown");

    [Fact]
    public void Rejects_a_missing_required_alert() =>
        Reject(p => p with { Rules = [.. p.Rules.Where(r => r.Name != AlertNames.BackupTooOld)] }, "monitoring.alert-missing");

    [Fact]
    public void Rejects_election_alerts_without_election_failover() =>
        Reject(p => p with { Rules = [.. p.Rules, p.Rules[0] with { Name = AlertNames.NoLeader, RunbookUrl = AlertNames.RunbookUrl(AlertNames.NoLeader) }] },
            "monitoring.alert-not-applicable", PlatformFixtures.Sharded(failover: "manual"));

    [Fact]
    public void Rejects_missing_election_alerts_with_election_failover() =>
        Reject(p => p with { Rules = [.. p.Rules.Where(r => r.Name != AlertNames.NoLeader)] }, "monitoring.alert-missing");

    [Fact]
    public void Rejects_vinyl_alerts_on_memtx() =>
        Reject(p => p with { Rules = [.. p.Rules, p.Rules[0] with { Name = AlertNames.VinylRegulatorStalled, RunbookUrl = AlertNames.RunbookUrl(AlertNames.VinylRegulatorStalled) }] }, "monitoring.alert-not-applicable");

    [Fact]
    public void Rejects_an_alert_outside_the_shared_names() =>
        Reject(p => p with { Rules = [.. p.Rules, p.Rules[0] with { Name = "TarantoolSomethingElse" }] }, "monitoring.alert-not-applicable");

    [Fact]
    public void Rejects_a_wrong_runbook_link() =>
        Reject(p => WithRule(p, AlertNames.InstanceDown, r => r with { RunbookUrl = "https://wiki/instance-down" }), "monitoring.runbook");

    [Fact]
    public void Rejects_an_unjustified_threshold() =>
        Reject(p => WithRule(p, AlertNames.ReplicationLagHigh, r => r with { ThresholdReason = "" }), "monitoring.threshold-reason");

    [Fact]
    public void Rejects_an_expression_that_ignores_its_threshold() =>
        Reject(p => WithRule(p, AlertNames.ReplicationLagHigh, r => r with { Threshold = 3 }), "monitoring.threshold-not-in-expression");

    [Fact]
    public void Rejects_a_metric_the_metrics_module_does_not_export() =>
        Reject(p => WithRule(p, AlertNames.LuaMemoryHigh, r => r with { Expression = $"tarantool_lua_memory_bytes > {PromNumber.Format(r.Threshold)}" }), "monitoring.unknown-metric");

    [Fact]
    public void Rejects_a_backup_age_threshold_below_the_schedule() =>
        Reject(p => WithRule(p, AlertNames.BackupTooOld, r => r with { Threshold = 3600, Expression = r.Expression.Replace("32400", "3600") }), "monitoring.backup-threshold-low");

    [Fact]
    public void Rejects_a_backup_age_threshold_that_tolerates_two_missed_runs() =>
        Reject(p => WithRule(p, AlertNames.BackupTooOld, r => r with { Threshold = 90000, Expression = r.Expression.Replace("32400", "90000") }), "monitoring.backup-threshold-high");

    [Fact]
    public void Rejects_a_wrong_backup_interval() =>
        Reject(p => p with { BackupFreshness = p.BackupFreshness with { BackupIntervalSeconds = 86400 } }, "monitoring.backup-interval");

    [Fact]
    public void Rejects_a_backup_absence_alert_that_only_watches_age() =>
        Reject(p => WithRule(p, AlertNames.BackupMissing, r => r with { Expression = $"time() - max by (replicaset) ({MetricCatalog.BackupLastSuccess}) > {PromNumber.Format(r.Threshold)}" }), "monitoring.backup-absent");

    [Fact]
    public void Requires_the_backup_absence_and_tiered_memory_alerts() =>
        Reject(p => p with { Rules = [.. p.Rules.Where(r => r.Name is not (AlertNames.BackupMissing or AlertNames.MemtxArenaFull))] }, "monitoring.alert-missing");

    [Fact]
    public void Rejects_an_unknown_severity() =>
        Reject(p => WithRule(p, AlertNames.InstanceDown, r => r with { Severity = "page" }), "monitoring.severity");

    [Fact]
    public void Rejects_a_dashboard_panel_with_an_unknown_metric() =>
        Reject(p => p with { Dashboards = [p.Dashboards[0] with { Panels = [.. p.Dashboards[0].Panels, new DashboardPanel("x", "tnt_made_up_metric", "short", "")] }] }, "monitoring.dashboard-unknown-metric");

    [Fact]
    public void Rejects_a_plan_without_alertmanager() => Reject(p => p with { AlertmanagerTargets = [] }, "monitoring.no-alertmanager");

    [Fact]
    public void Rejects_node_exporter_disk_metrics_on_kubernetes() => Reject(p => p with { DiskMetricsSource = "node-exporter" }, "monitoring.disk-source");

    [Fact]
    public void Rejects_missing_node_exporter_hosts_on_premises() =>
        Reject(p => p with { NodeExporterTargets = [.. p.NodeExporterTargets.Skip(1)] }, "monitoring.node-exporter-targets", PlatformFixtures.ReplicatedProduction(CloudProvider.OnPremises));

    [Fact]
    public void The_disk_alert_on_hosts_watches_the_mount_of_the_shared_data_root()
    {
        var scenario = PlatformFixtures.ReplicatedProduction(CloudProvider.OnPremises);
        var (plan, _) = Valid(scenario);
        var rule = plan.Rules.Single(r => r.Name == AlertNames.DiskSpaceLow);
        Assert.Contains($"mountpoint=\"{InstanceLayout.VmDataRoot("orders")}\"", rule.Expression);
        Reject(p => WithRule(p, AlertNames.DiskSpaceLow, r => r with { Expression = r.Expression.Replace(InstanceLayout.VmDataRoot("orders"), "/var/lib/tarantool", StringComparison.Ordinal) }),
            "monitoring.disk-location", scenario);
    }

    [Fact]
    public void The_disk_alert_on_kubernetes_watches_the_data_volume_claims() =>
        Reject(p => WithRule(p, AlertNames.DiskSpaceLow, r => r with { Expression = r.Expression.Replace("data-.*", "storage-.*", StringComparison.Ordinal) }), "monitoring.disk-location");

    [Fact]
    public void Warns_when_backup_freshness_is_read_where_the_backup_jobs_do_not_publish_it()
    {
        var (plan, context) = Valid();
        var moved = plan with { BackupFreshness = plan.BackupFreshness with { Location = "pushgateway.other:9091" } };
        Assert.Contains(Validator.Validate(moved, context), i => i.Code == "monitoring.pushgateway-location" && i.Severity == ValidationSeverity.Warning);
    }
}
