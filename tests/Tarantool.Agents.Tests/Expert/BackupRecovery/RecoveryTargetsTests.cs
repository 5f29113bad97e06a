using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.BackupRecovery;

namespace Tarantool.Agents.Tests.Expert.BackupRecovery;

/// <summary>The request's RPO and RTO targets drive the backup plan; a target the plan misses is said plainly, with the
/// figure reached and what would meet it, and the validator insists on it.</summary>
public sealed class RecoveryTargetsTests
{
    private static readonly BackupRecoveryExpert Expert = new();

    private static PhaseContext With(string scenario, Func<ClusterRequest, ClusterRequest> change, Language language = Language.En)
    {
        var (request, capacity, topology) = BackupFixtures.Scenario(scenario);
        return new PhaseContext(change(request), language, new Dictionary<string, object> { [nameof(CapacityPlan)] = capacity, [nameof(ClusterTopology)] = topology });
    }

    private static IReadOnlyList<ValidationIssue> Validate(BackupPlan plan, PhaseContext context) => [.. new BackupPlanValidator().Validate(plan, context)];

    [Fact]
    public void An_rpo_target_shorter_than_the_default_shortens_wal_shipping_and_is_met()
    {
        var context = With("replicated-prod", r => r with { RpoSeconds = 20 });
        var plan = Expert.Design(context);

        Assert.Equal(20, plan.WalArchiveIntervalSeconds);
        Assert.Equal(20, plan.RpoSeconds);
        Assert.Empty(plan.Warnings);
        Assert.DoesNotContain(Validate(plan, context), i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void A_development_cluster_with_an_rpo_target_ships_wal()
    {
        var plan = Expert.Design(With("single-dev", r => r with { RpoSeconds = 120 }));

        Assert.True(plan.ContinuousWalArchival);
        Assert.Equal(120, plan.RpoSeconds);
    }

    [Fact]
    public void A_zero_rpo_target_is_missed_with_the_figure_reached_and_synchronous_replication_as_the_remedy()
    {
        var context = With("replicated-prod", r => r with { RpoSeconds = 0 });
        var plan = Expert.Design(context);

        Assert.Equal(BackupScheduleDesigner.MinimumArchiveIntervalSeconds, plan.RpoSeconds);
        var warning = Assert.Single(plan.Warnings, w => w.Code == BackupPlanValidator.RpoTargetCode);
        Assert.Contains("reaches 10 s", warning.Message);
        Assert.Contains("synchronous replication", warning.Message);
        Assert.Contains("is_sync", warning.Message);

        var issues = Validate(plan, context);
        Assert.Contains(issues, i => i.Code == BackupPlanValidator.RpoTargetCode && i.Severity == ValidationSeverity.Warning);
        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error);
        Assert.Contains(Validate(plan with { Warnings = [] }, context), i => i.Code == "backup.target-warning-missing" && i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void An_rto_target_the_restore_cannot_meet_names_the_worst_failure_and_what_would_meet_it()
    {
        var context = With("sharded-prod", r => r with { RtoSeconds = 1800 });
        var plan = Expert.Design(context);

        Assert.True(plan.RtoSeconds > 1800);
        var warning = Assert.Single(plan.Warnings, w => w.Code == BackupPlanValidator.RtoTargetCode);
        var worst = plan.Procedures.MaxBy(p => p.ExpectedRtoSeconds)!;
        Assert.Contains(worst.Failure, warning.Message);
        Assert.Matches("shards|failover", warning.Message);
        Assert.Contains(Validate(plan, context), i => i.Code == BackupPlanValidator.RtoTargetCode && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void A_generous_rto_target_is_met_without_a_warning()
    {
        var plan = Expert.Design(With("replicated-prod", r => r with { RtoSeconds = 7 * 86400 }));

        Assert.DoesNotContain(plan.Warnings, w => w.Code == BackupPlanValidator.RtoTargetCode);
    }

    [Fact]
    public void A_russian_request_gets_the_missed_targets_in_russian_and_in_the_narrative()
    {
        var context = With("replicated-prod", r => r with { RpoSeconds = 0, RtoSeconds = 60 }, Language.Ru);
        var answer = Expert.Answer(context);
        var plan = (BackupPlan)answer.Output;

        Assert.Equal(2, plan.Warnings.Count);
        Assert.All(plan.Warnings, w => Assert.Equal(Language.Ru, LanguageDetector.Detect(w.Message)));
        Assert.All(plan.Warnings, w => Assert.Contains(w.Message, answer.Narrative));
        Assert.Contains("не достигается", plan.Warnings[0].Message);
    }
}
