using Tarantool.Agents.Expert.DrTesting;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.BackupRecovery;
using Tarantool.Agents.Tests.Phases.DrTesting;

namespace Tarantool.Agents.Tests.Expert.DrTesting;

public sealed class DrTestingExpertTests
{
    private static readonly DrTestingExpert Expert = new();

    public static TheoryData<string> Fixtures() => [.. BackupFixtures.Names];

    private static IReadOnlyList<string> Ids(string fixture) => [.. DrFixtures.Plan(fixture).Scenarios.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Plan_passes_its_own_validator(string fixture)
    {
        var context = DrFixtures.Context(fixture);
        var errors = DrTestingPhase.Spec.Validate(Expert.Design(context), context).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Scenarios_follow_the_cluster_shape()
    {
        Assert.Equal(["instance-failure", "replicaset-restore", "backup-restore"], Ids("single-dev"));
        Assert.Equal(["instance-failure", "leader-failover", "network-partition", "replicaset-restore", "point-in-time-restore"], Ids("replicated-prod"));
        Assert.Equal(["instance-failure", "manual-switchover", "network-partition", "replicaset-restore", "point-in-time-restore"], Ids("passive-staging"));
        Assert.Contains("router-failure", Ids("sharded-prod"));
        Assert.Contains("site-loss", Ids("multi-region-prod"));
        Assert.DoesNotContain("site-loss", Ids("sharded-prod"));
        Assert.Contains("leader-failover", Ids("cartridge-prod"));
    }

    [Fact]
    public void Single_instance_drills_a_crash_not_a_replica_loss()
    {
        var crash = DrFixtures.Plan("single-dev").Scenarios[0];

        Assert.Equal(DrScenarioIds.InstanceCrashFailure, crash.Failure);
        Assert.Equal("db-001-1", crash.Target);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Thresholds_never_exceed_the_backup_plan(string fixture)
    {
        var backup = DrFixtures.Backup(fixture);
        var plan = DrFixtures.Plan(fixture);

        Assert.Equal(backup.RtoSeconds, plan.RtoSeconds);
        Assert.Equal(backup.RpoSeconds, plan.RpoSeconds);
        foreach (var scenario in plan.Scenarios)
        {
            var limit = backup.Procedures.FirstOrDefault(p => p.Failure == scenario.Failure)?.ExpectedRtoSeconds ?? backup.RtoSeconds;
            Assert.InRange(scenario.RtoThresholdSeconds, 1, limit);
            Assert.InRange(scenario.RpoThresholdSeconds, 0, backup.RpoSeconds);
        }
    }

    [Fact]
    public void Synchronous_election_tolerates_no_loss_on_failover()
    {
        Assert.Equal(0, DrFixtures.Plan("replicated-prod").Scenarios.Single(s => s.Id == "leader-failover").RpoThresholdSeconds);
        Assert.Equal(5, DrFixtures.Plan("cartridge-prod").Scenarios.Single(s => s.Id == "leader-failover").RpoThresholdSeconds);
    }

    [Fact]
    public void Site_loss_hits_the_primary_region()
    {
        var site = DrFixtures.Plan("multi-region-prod").Scenarios.Single(s => s.Id == "site-loss");

        Assert.Equal("msk", site.Target);
        Assert.Equal(RecoveryFailures.LostSite, site.Failure);
        Assert.Contains(site.Steps, s => s.Contains("db-001-1, db-001-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_drills_kill_pods()
    {
        var failure = DrFixtures.Plan("k8s-prod").Scenarios.Single(s => s.Id == "instance-failure");

        Assert.Contains(failure.Steps, s => s.Contains("kubectl delete pod", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DeploymentEnvironment.Production, "quarterly")]
    [InlineData(DeploymentEnvironment.Staging, "monthly")]
    [InlineData(DeploymentEnvironment.Development, "semi-annually")]
    public void Cadence_follows_the_environment(DeploymentEnvironment environment, string cadence)
    {
        var (cron, words, _) = DrTestingExpert.Cadence(environment);

        Assert.Equal(cadence, words);
        Assert.True(CronSchedule.IsValid(cron));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Narrative_has_the_required_sections_in_both_languages(string fixture)
    {
        foreach (var language in new[] { Language.En, Language.Ru })
        {
            var narrative = Expert.Answer(DrFixtures.Context(fixture, language)).Narrative;

            Assert.StartsWith("# ", narrative);
            Assert.Equal(DrTestingPhase.Sections.Select(s => s.Heading(language)), LanguageCheck.Sections(narrative));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Russian_narrative_is_russian(string fixture)
    {
        var narrative = Expert.Answer(DrFixtures.Context(fixture, Language.Ru)).Narrative;

        Assert.True(LanguageCheck.CyrillicShare(narrative) > 0.6, $"Cyrillic share {LanguageCheck.CyrillicShare(narrative):0.00}");
    }

    [Fact]
    public void Answer_is_deterministic()
    {
        Assert.Equal(Expert.Answer(DrFixtures.Context("sharded-prod")).Narrative, Expert.Answer(DrFixtures.Context("sharded-prod")).Narrative);
    }
}
