using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.DrTesting;

namespace Tarantool.Agents.Tests.Phases.DrTesting;

/// <summary>Each rule of the DR validator, shown failing on a plan that is otherwise correct.</summary>
public sealed class DrTestPlanValidatorTests
{
    private static readonly DrTestPlanValidator Validator = new();

    private static List<string> Errors(DrTestPlan plan, string fixture) =>
        [.. Validator.Validate(plan, DrFixtures.Context(fixture)).Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Code)];

    private static DrTestPlan Change(DrTestPlan plan, string id, Func<DrScenario, DrScenario> change) =>
        plan with { Scenarios = [.. plan.Scenarios.Select(s => s.Id == id ? change(s) : s)] };

    private static DrTestPlan Without(DrTestPlan plan, string id) => plan with { Scenarios = [.. plan.Scenarios.Where(s => s.Id != id)] };

    [Theory]
    [InlineData("replicated-prod", "instance-failure")]
    [InlineData("replicated-prod", "leader-failover")]
    [InlineData("replicated-prod", "network-partition")]
    [InlineData("replicated-prod", "replicaset-restore")]
    [InlineData("replicated-prod", "point-in-time-restore")]
    [InlineData("multi-region-prod", "site-loss")]
    [InlineData("sharded-prod", "router-failure")]
    public void Every_required_failure_needs_a_scenario(string fixture, string id)
    {
        Assert.Contains("dr.failure-not-drilled", Errors(Without(DrFixtures.Plan(fixture), id), fixture));
    }

    [Fact]
    public void Site_loss_only_on_multi_region()
    {
        var plan = DrFixtures.Plan("replicated-prod");
        var site = DrFixtures.Plan("multi-region-prod").Scenarios.Single(s => s.Id == "site-loss") with { Target = "production" };

        Assert.Contains("dr.site-loss-single-region", Errors(plan with { Scenarios = [.. plan.Scenarios, site] }, "replicated-prod"));
    }

    [Fact]
    public void Leader_drill_must_match_the_failover_mode()
    {
        Assert.Contains("dr.leader-drill-mismatch",
            Errors(Change(DrFixtures.Plan("replicated-prod"), "leader-failover", s => s with { Id = "manual-switchover", Script = "dr/drill-manual-switchover.sh" }), "replicated-prod"));
        Assert.Contains("dr.leader-drill-mismatch",
            Errors(Change(DrFixtures.Plan("passive-staging"), "manual-switchover", s => s with { Id = "leader-failover", Script = "dr/drill-leader-failover.sh" }), "passive-staging"));
    }

    [Fact]
    public void Thresholds_must_stay_within_the_backup_plan()
    {
        var plan = DrFixtures.Plan("replicated-prod");

        Assert.Contains("dr.rto-threshold-over-plan", Errors(Change(plan, "leader-failover", s => s with { RtoThresholdSeconds = 100_000 }), "replicated-prod"));
        Assert.Contains("dr.rpo-threshold-over-plan", Errors(Change(plan, "replicaset-restore", s => s with { RpoThresholdSeconds = 100_000 }), "replicated-prod"));
        Assert.Contains("dr.rto-threshold-invalid", Errors(Change(plan, "leader-failover", s => s with { RtoThresholdSeconds = 0 }), "replicated-prod"));
        Assert.Contains("dr.rpo-threshold-invalid", Errors(Change(plan, "leader-failover", s => s with { RpoThresholdSeconds = -1 }), "replicated-prod"));
    }

    [Fact]
    public void Objectives_must_equal_the_backup_plan()
    {
        Assert.Contains("dr.objectives-mismatch", Errors(DrFixtures.Plan("replicated-prod") with { RtoSeconds = 1 }, "replicated-prod"));
    }

    [Fact]
    public void Scenarios_need_steps_preconditions_pass_criteria_and_descriptions()
    {
        var plan = DrFixtures.Plan("replicated-prod");

        Assert.Contains("dr.scenario-steps", Errors(Change(plan, "leader-failover", s => s with { Steps = [] }), "replicated-prod"));
        Assert.Contains("dr.scenario-pass-criteria", Errors(Change(plan, "leader-failover", s => s with { PassCriteria = [] }), "replicated-prod"));
        Assert.Contains("dr.scenario-preconditions", Errors(Change(plan, "leader-failover", s => s with { Preconditions = [] }), "replicated-prod"));
        Assert.Contains("dr.scenario-incomplete", Errors(Change(plan, "leader-failover", s => s with { RpoMeasurement = " " }), "replicated-prod"));
    }

    [Fact]
    public void Ids_scripts_and_targets_must_be_well_formed()
    {
        var plan = DrFixtures.Plan("replicated-prod");

        Assert.Contains("dr.scenario-id-invalid", Errors(Change(plan, "instance-failure", s => s with { Id = "Instance Failure" }), "replicated-prod"));
        Assert.Contains("dr.scenario-duplicate", Errors(plan with { Scenarios = [.. plan.Scenarios, plan.Scenarios[0] with { Script = "dr/other.sh" }] }, "replicated-prod"));
        Assert.Contains("dr.script-path-invalid", Errors(Change(plan, "instance-failure", s => s with { Script = "scripts/x.sh" }), "replicated-prod"));
        Assert.Contains("dr.script-duplicate", Errors(Change(plan, "instance-failure", s => s with { Script = "dr/drill-leader-failover.sh" }), "replicated-prod"));
        Assert.Contains("dr.target-unknown", Errors(Change(plan, "instance-failure", s => s with { Target = "db-009-1" }), "replicated-prod"));
    }

    [Fact]
    public void Pitr_drill_needs_pitr_in_the_backup_plan()
    {
        var plan = DrFixtures.Plan("single-dev");
        var pitr = plan.Scenarios.Single(s => s.Id == "backup-restore") with { Id = "point-in-time-restore", RpoThresholdSeconds = 0 };

        Assert.Contains("dr.pitr-not-available", Errors(plan with { Scenarios = [.. plan.Scenarios.Where(s => s.Id != "backup-restore"), pitr] }, "single-dev"));
    }

    [Fact]
    public void Schedule_must_be_valid_and_at_least_quarterly_in_production()
    {
        var plan = DrFixtures.Plan("replicated-prod");

        Assert.Contains("dr.cron-invalid", Errors(plan with { ScheduleCron = "quarterly" }, "replicated-prod"));
        Assert.Contains("dr.schedule-too-rare", Errors(plan with { ScheduleCron = "0 10 1 1 *" }, "replicated-prod"));
        Assert.DoesNotContain("dr.schedule-too-rare", Errors(plan with { ScheduleCron = "0 9 15 * *" }, "replicated-prod"));
    }

    [Fact]
    public void Marker_settings_must_be_usable()
    {
        var plan = DrFixtures.Plan("replicated-prod");

        Assert.Contains("dr.marker-interval-invalid", Errors(plan with { MarkerIntervalMilliseconds = 10 }, "replicated-prod"));
        Assert.Contains("dr.marker-space-invalid", Errors(plan with { MarkerSpace = "dr markers; drop" }, "replicated-prod"));
        Assert.Contains("dr.no-scenarios", Errors(plan with { Scenarios = [] }, "replicated-prod"));
    }

    [Fact]
    public void Unknown_failures_are_warned_not_rejected()
    {
        var plan = DrFixtures.Plan("replicated-prod");
        var extra = plan.Scenarios[0] with { Id = "disk-full", Failure = "disk-full", Script = "dr/drill-disk-full.sh" };
        var issues = Validator.Validate(plan with { Scenarios = [.. plan.Scenarios, extra] }, DrFixtures.Context("replicated-prod")).ToList();

        Assert.Contains(issues, i => i.Code == "dr.failure-unknown" && i.Severity == ValidationSeverity.Warning);
        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error);
    }

    [Theory]
    [InlineData("passive-staging", "Restart it: `tt start catalog:db-001-2`.")]
    [InlineData("passive-staging", "Kill it: `tt kill -f catalog:db-001-2`.")]
    [InlineData("k8s-prod", "Kill it: `tt kill -f events:db-001-2`.")]
    public void Drills_act_through_the_supervisor_of_the_deployment_form(string fixture, string step)
    {
        var plan = DrFixtures.Plan(fixture);
        Assert.Contains("dr.step-bypasses-supervisor", Errors(Change(plan, plan.Scenarios[0].Id, s => s with { Steps = [.. s.Steps, step] }), fixture));
    }

    [Theory]
    [InlineData("passive-staging", "/var/lib/tarantool/catalog/db-001-2")]
    [InlineData("k8s-prod", "/opt/tarantool/events/var/lib/db-001-2")]
    public void Drills_name_the_data_directory_of_the_deployment_form(string fixture, string dataDir)
    {
        var plan = DrFixtures.Plan(fixture);
        Assert.Contains("dr.step-data-dir", Errors(Change(plan, plan.Scenarios[0].Id, s => s with { Steps = [.. s.Steps, $"Wipe {dataDir}/*.snap."] }), fixture));
    }

    [Theory]
    [InlineData("passive-staging")]
    [InlineData("replicated-prod")]
    [InlineData("k8s-prod")]
    public void Expert_drills_follow_the_deployment_form(string fixture)
    {
        var errors = Errors(DrFixtures.Plan(fixture), fixture);
        Assert.DoesNotContain("dr.step-bypasses-supervisor", errors);
        Assert.DoesNotContain("dr.step-data-dir", errors);
    }
}
