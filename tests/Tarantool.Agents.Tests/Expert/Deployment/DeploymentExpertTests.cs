using Tarantool.Agents.Expert.Deployment;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Expert.Deployment;

public sealed class DeploymentExpertTests
{
    private static readonly DeploymentExpert Expert = new();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Plan_of_every_cluster_shape_passes_its_validator(string name)
    {
        var fixture = ClusterFixtures.ByName(name);
        var context = fixture.Context();
        var plan = Expert.Design(context);

        var errors = DeploymentPhase.Spec.Validate(plan, context).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("notes", DeploymentForms.AnsibleSystemd)]
    [InlineData("orders", DeploymentForms.AnsibleSystemd)]
    [InlineData("ledger", DeploymentForms.Kubernetes)]
    public void Form_follows_the_cloud(string name, string form)
    {
        var plan = Expert.Design(ClusterFixtures.ByName(name).Context());

        Assert.Equal(form, plan.Form);
        Assert.Equal(DeploymentForms.BackupMechanism(form), plan.BackupSchedule.Mechanism);
        Assert.Equal(DeploymentForms.DockerCompose, plan.LocalDevelopment);
    }

    [Theory]
    [InlineData("notes", SwitchoverMethods.None)]
    [InlineData("orders", SwitchoverMethods.Promote)]
    [InlineData("payments", SwitchoverMethods.ConfigLeader)]
    [InlineData("catalog", SwitchoverMethods.FailoverPromote)]
    [InlineData("ledger", SwitchoverMethods.Promote)]
    [InlineData("legacy", SwitchoverMethods.ReadOnlyWindow)]
    public void Switchover_fits_tooling_and_failover(string name, string method)
    {
        var plan = Expert.Design(ClusterFixtures.ByName(name).Context());

        Assert.Equal(method, plan.RollingUpdate[0].SwitchoverMethod);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Rolling_update_restarts_leaders_last_and_routers_after_storages(string name)
    {
        var fixture = ClusterFixtures.ByName(name);
        var plan = Expert.Design(fixture.Context());

        foreach (var step in plan.RollingUpdate.Where(s => s.Leader.Length > 0))
            Assert.Equal(step.Leader, step.Order[^1]);
        var order = plan.RollingUpdate.Select(s => s.Replicaset).ToList();
        var lastStorage = order.FindLastIndex(r => !r.StartsWith("router", StringComparison.Ordinal) && r != "stateboard");
        var firstRouter = order.FindIndex(r => r.StartsWith("router", StringComparison.Ordinal));
        if (firstRouter >= 0) Assert.True(lastStorage < firstRouter);
    }

    [Fact]
    public void Multi_region_switchover_goes_to_a_candidate_never_a_voter()
    {
        var fixture = ClusterFixtures.MultiRegion();
        var plan = Expert.Design(fixture.Context());

        foreach (var step in plan.RollingUpdate.Where(s => s.SwitchoverTo.Length > 0))
        {
            var node = fixture.Topology.Replicasets.SelectMany(r => r.Instances).First(i => i.Name == step.SwitchoverTo);
            Assert.Equal("candidate", node.ElectionMode);
            Assert.Equal(step.SwitchoverTo, step.Order[^2]);
        }
    }

    [Theory]
    [InlineData("orders", "*-*-* 02:00:00 UTC")]
    [InlineData("payments", "*-*-* 01:30:00 UTC")]
    [InlineData("legacy", "Sun *-*-* 01:00:00 UTC")]
    public void Backup_schedule_is_the_backup_plans_cron_with_its_retention(string name, string onCalendar)
    {
        var fixture = ClusterFixtures.ByName(name);
        var plan = Expert.Design(fixture.Context());

        Assert.Equal(fixture.Backup.FullBackupCron, plan.BackupSchedule.FullBackupCron);
        Assert.Equal(onCalendar, plan.BackupSchedule.FullBackupOnCalendar);
        Assert.Equal(fixture.Request.BackupRetentionDays, plan.BackupSchedule.RetentionDays);
        Assert.Equal(fixture.Backup.ContinuousWalArchival ? 60 : 0, plan.BackupSchedule.WalArchiveIntervalSeconds);
    }

    [Fact]
    public void Backups_are_taken_on_replicas()
    {
        var fixture = ClusterFixtures.ShardedManual();
        var plan = Expert.Design(fixture.Context());

        Assert.Equal(["storage-001-3", "storage-002-3", "storage-003-3"], plan.BackupSchedule.BackupInstances);
    }

    [Fact]
    public void Start_timeout_grows_with_the_snapshot()
    {
        var small = Expert.Design(ClusterFixtures.SingleDev().Context());
        var large = Expert.Design(ClusterFixtures.ReplicatedProduction().Context());

        Assert.Equal(300, small.StartTimeoutSeconds);
        Assert.True(large.StartTimeoutSeconds > small.StartTimeoutSeconds);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Narrative_has_the_required_sections_in_order_and_language(Language language)
    {
        var fixture = ClusterFixtures.ShardedManual();
        var answer = Expert.Answer(fixture.Context(language));

        var headings = answer.Narrative.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(DeploymentPhase.Sections.Select(s => s.Heading(language)), headings);
        Assert.StartsWith("# ", answer.Narrative);
        Assert.Equal(language, LanguageDetector.Detect(answer.Narrative));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Answer_and_files_are_deterministic(string name)
    {
        var fixture = ClusterFixtures.ByName(name);
        var first = Expert.Answer(fixture.Context(Language.Ru));
        var second = Expert.Answer(fixture.Context(Language.Ru));

        Assert.Equal(first.Narrative, second.Narrative);
        var files1 = DeploymentPhase.Spec.Render(first.Output, fixture.Context(Language.Ru));
        var files2 = DeploymentPhase.Spec.Render(second.Output, fixture.Context(Language.Ru));
        Assert.Equal(files1.Select(f => (f.Path, f.Content, f.Executable)), files2.Select(f => (f.Path, f.Content, f.Executable)));
    }

    public static TheoryData<string> Fixtures() => ClusterFixtures.Names();
}
