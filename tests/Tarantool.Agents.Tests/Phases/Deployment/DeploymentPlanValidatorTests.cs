using Tarantool.Agents.Expert.Deployment;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Phases.Deployment;

public sealed class DeploymentPlanValidatorTests
{
    private static (DeploymentPlan Plan, PhaseContext Context) Valid(string fixture = "payments")
    {
        var context = ClusterFixtures.ByName(fixture).Context();
        return (new DeploymentExpert().Design(context), context);
    }

    private static IReadOnlyList<string> Errors(DeploymentPlan plan, PhaseContext context) =>
        [.. DeploymentPhase.Spec.Validate(plan, context).Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Code)];

    [Fact]
    public void Missing_instance_is_rejected()
    {
        var (plan, context) = Valid();
        Assert.Contains("deploy.inventory-missing", Errors(plan with { Inventory = plan.Inventory.Skip(1).ToList() }, context));
    }

    [Fact]
    public void Duplicate_instance_is_rejected()
    {
        var (plan, context) = Valid();
        Assert.Contains("deploy.inventory-duplicate", Errors(plan with { Inventory = [.. plan.Inventory, plan.Inventory[0]] }, context));
    }

    [Fact]
    public void Unknown_instance_is_rejected()
    {
        var (plan, context) = Valid();
        var ghost = plan.Inventory[0] with { Name = "storage-009-1" };
        Assert.Contains("deploy.inventory-unknown", Errors(plan with { Inventory = [.. plan.Inventory, ghost] }, context));
    }

    [Fact]
    public void Instance_on_the_wrong_host_is_rejected()
    {
        var (plan, context) = Valid();
        var moved = plan.Inventory.Select((i, n) => n == 0 ? i with { Host = "payments-node-9" } : i).ToList();
        Assert.Contains("deploy.inventory-mismatch", Errors(plan with { Inventory = moved }, context));
    }

    [Fact]
    public void Group_with_dashes_and_missing_replicaset_group_are_rejected()
    {
        var (plan, context) = Valid();
        var groups = plan.Groups.Select(g => g.Name == "storage_001" ? g with { Name = "storage-001" } : g).ToList();
        var errors = Errors(plan with { Groups = groups }, context);
        Assert.Contains("deploy.group-name", errors);
        Assert.Contains("deploy.group-child", errors);

        var withoutGroup = plan.Groups.Where(g => g.Name != "storage_002").ToList();
        Assert.Contains("deploy.group-missing", Errors(plan with { Groups = withoutGroup }, context));
    }

    [Fact]
    public void Leader_restarted_before_its_replicas_is_rejected()
    {
        var (plan, context) = Valid();
        var step = plan.RollingUpdate[0];
        var leaderFirst = step with { Order = [step.Leader, .. step.Order.Where(n => n != step.Leader)] };
        Assert.Contains("rolling.leader-not-last", Errors(plan with { RollingUpdate = [leaderFirst, .. plan.RollingUpdate.Skip(1)] }, context));
    }

    [Fact]
    public void Wrong_leader_is_rejected()
    {
        var (plan, context) = Valid();
        var step = plan.RollingUpdate[0];
        var wrong = step with { Leader = step.Order[0], Order = [.. step.Order.Skip(1), step.Order[0]] };
        Assert.Contains("rolling.leader", Errors(plan with { RollingUpdate = [wrong, .. plan.RollingUpdate.Skip(1)] }, context));
    }

    [Fact]
    public void Switchover_to_a_voter_is_rejected()
    {
        var (plan, context) = Valid("ledger");
        var step = plan.RollingUpdate[0];
        var voter = step with { SwitchoverTo = "storage-001-3" };
        Assert.Contains("rolling.switchover-voter", Errors(plan with { RollingUpdate = [voter, .. plan.RollingUpdate.Skip(1)] }, context));
    }

    [Fact]
    public void Switchover_method_that_does_not_fit_the_failover_is_rejected()
    {
        var (plan, context) = Valid();
        var step = plan.RollingUpdate[0] with { SwitchoverMethod = SwitchoverMethods.Promote };
        Assert.Contains("rolling.switchover-method", Errors(plan with { RollingUpdate = [step, .. plan.RollingUpdate.Skip(1)] }, context));
    }

    [Fact]
    public void Missing_replicaset_in_the_rolling_update_is_rejected()
    {
        var (plan, context) = Valid();
        Assert.Contains("rolling.missing-replicaset", Errors(plan with { RollingUpdate = plan.RollingUpdate.Skip(1).ToList() }, context));
    }

    [Fact]
    public void Backup_cron_retention_and_calendar_must_follow_the_backup_plan()
    {
        var (plan, context) = Valid();
        var errors = Errors(plan with
        {
            BackupSchedule = plan.BackupSchedule with { FullBackupCron = "0 5 * * *", RetentionDays = 3, FullBackupOnCalendar = "daily", WalArchiveIntervalSeconds = 0 },
        }, context);
        Assert.Contains("backup.cron", errors);
        Assert.Contains("backup.retention", errors);
        Assert.Contains("backup.oncalendar", errors);
        Assert.Contains("backup.wal-interval", errors);
    }

    [Fact]
    public void A_cron_systemd_cannot_express_is_rejected_for_timers()
    {
        var fixture = ClusterFixtures.ByName("orders");
        var backup = fixture.Backup with { FullBackupCron = "0 2 1 * 1" };
        var context = fixture.Context(Requests.Language.En, fixture.Topology, backup);
        var plan = new DeploymentExpert().Design(context);
        Assert.Contains("backup.cron-unsupported", Errors(plan, context));
    }

    [Fact]
    public void Every_data_replicaset_needs_one_backup_instance()
    {
        var (plan, context) = Valid();
        var errors = Errors(plan with { BackupSchedule = plan.BackupSchedule with { BackupInstances = ["storage-001-3", "router-001-1"] } }, context);
        Assert.Contains("backup.instances", errors);
    }

    [Fact]
    public void Backing_up_the_leader_is_a_warning()
    {
        var (plan, context) = Valid();
        var issues = DeploymentPhase.Spec.Validate(plan with { BackupSchedule = plan.BackupSchedule with { BackupInstances = ["storage-001-1", "storage-002-3", "storage-003-3"] } }, context);
        Assert.Contains(issues, i => i.Code == "backup.from-leader" && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void Form_and_mechanism_must_fit_the_cloud()
    {
        var (plan, context) = Valid("ledger");
        var errors = Errors(plan with { Form = DeploymentForms.AnsibleSystemd, BackupSchedule = plan.BackupSchedule with { Mechanism = DeploymentForms.SystemdTimer } }, context);
        Assert.Contains("deploy.form", errors);
        Assert.Contains("backup.mechanism", errors);
    }

    [Fact]
    public void Pipeline_must_lint_before_it_deploys()
    {
        var (plan, context) = Valid();
        Assert.Contains("pipeline.order", Errors(plan with { Pipeline = [.. plan.Pipeline.Reverse()] }, context));
        Assert.Contains("pipeline.lint", Errors(plan with { Pipeline = plan.Pipeline.Where(s => s.Name != "lint").ToList() }, context));
    }

    [Fact]
    public void Secret_literals_are_rejected()
    {
        var (plan, context) = Valid();
        var leaky = plan.Pipeline.Select(s => s.Name == "deploy" ? s with { Commands = [.. s.Commands, "export TT_APP_PASSWORD=hunter2"] } : s).ToList();
        Assert.Contains("deploy.secret-literal", Errors(plan with { Pipeline = leaky }, context));
        var literalSource = plan.Secrets.Select((s, i) => i == 0 ? s with { Source = "hunter2" } : s).ToList();
        Assert.Contains("deploy.secret-reference", Errors(plan with { Secrets = literalSource }, context));
    }

    [Fact]
    public void Version_and_app_name_must_match_the_request()
    {
        var (plan, context) = Valid();
        var errors = Errors(plan with { TarantoolVersion = "2.11", AppName = "orders" }, context);
        Assert.Contains("deploy.version", errors);
        Assert.Contains("deploy.app-name", errors);
    }

    [Fact]
    public void Install_dir_other_than_the_shared_layout_is_rejected()
    {
        var (plan, context) = Valid();
        Assert.Contains("deploy.install-dir-layout", Errors(plan with { InstallDir = "/srv/tarantool" }, context));
        Assert.DoesNotContain("deploy.install-dir-layout", Errors(plan, context));
    }
}
