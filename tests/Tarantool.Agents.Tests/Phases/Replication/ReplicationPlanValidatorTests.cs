using Tarantool.Agents.Expert.Replication;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Phases.Replication;

public sealed class ReplicationPlanValidatorTests
{
    private static IReadOnlyList<ValidationIssue> Errors(ReplicationPlan plan, PhaseContext context) =>
        [.. new ReplicationPlanValidator().Validate(plan, context).Where(i => i.Severity == ValidationSeverity.Error)];

    [Fact]
    public void Expert_plans_of_every_fixture_are_valid()
    {
        foreach (var (name, request) in ClusterFixtures.Named())
        {
            var context = ClusterFixtures.Context(request);
            var errors = Errors(new ReplicationExpert().Design(context), context);
            Assert.True(errors.Count == 0, name + ": " + string.Join("\n", errors));
        }
    }

    public static TheoryData<string, Func<ReplicationPlan, ReplicationPlan>> Violations => new()
    {
        { "replication.replicaset-coverage", p => p with { Replicasets = [.. p.Replicasets.Skip(1)] } },
        { "replication.replicaset-coverage", p => p with { Replicasets = [.. p.Replicasets, p.Replicasets[0] with { Name = "storage-009" }] } },
        { "replication.instance-coverage", p => p with { Replicasets = [p.Replicasets[0] with { Instances = [.. p.Replicasets[0].Instances.Skip(1)] }, .. p.Replicasets.Skip(1)] } },
        { "replication.topology", p => p with { Replicasets = [p.Replicasets[0] with { Topology = "chain" }, .. p.Replicasets.Skip(1)] } },
        { "replication.upstreams", p => p with { Replicasets = [p.Replicasets[0] with { Instances = [p.Replicasets[0].Instances[0] with { Upstreams = [] }, .. p.Replicasets[0].Instances.Skip(1)] }, .. p.Replicasets.Skip(1)] } },
        { "replication.writer-unknown", p => p with { Replicasets = [p.Replicasets[0] with { Writers = ["nobody"] }, .. p.Replicasets.Skip(1)] } },
        { "replication.failover-mismatch", p => p with { Failover = "manual" } },
        { "replication.thresholds-order", p => p with { LagWarningSeconds = p.LagCriticalSeconds } },
        { "replication.thresholds-order", p => p with { LagWarningSeconds = 0 } },
        { "replication.threshold-below-timeout", p => p with { LagWarningSeconds = 0.2 } },
        { "replication.threshold-above-rpo", p => p with { LagCriticalSeconds = p.RpoSeconds + 30, MarkerTimeoutSeconds = p.RpoSeconds + 30 } },
        { "replication.rpo-mismatch", p => p with { RpoSeconds = 300 } },
        { "replication.marker-timeout", p => p with { MarkerTimeoutSeconds = 1 } },
        { "replication.mode", p => p with { Replicasets = [p.Replicasets[0] with { Mode = "asynchronous", SynchroQuorum = 0 }, .. p.Replicasets.Skip(1)] } },
        { "replication.synchro-quorum", p => p with { Replicasets = [p.Replicasets[0] with { SynchroQuorum = 3 }, .. p.Replicasets.Skip(1)] } },
        { "replication.multiple-writers", p => p with { Replicasets = [p.Replicasets[0] with { Writers = ["storage-001-1", "storage-001-2"] }, .. p.Replicasets.Skip(1)] } },
        { "replication.failure-missing", p => p with { Failures = [.. p.Failures.Where(f => f.Key != "missing-xlog")] } },
        { "replication.failure-incomplete", p => p with { Failures = [.. p.Failures.Select(f => f with { Caveat = "" })] } },
        { "replication.skip-conflict", p => p with { SkipConflict = true } },
        { "replication.conflict-caveat", p => p with { SkipConflict = true } },
        { "replication.join-procedure", p => p with { JoinProcedure = ["start it"] } },
        { "replication.rebuild-procedure", p => p with { RebuildProcedure = [] } },
        { "replication.decisions", p => p with { Decisions = [] } },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_rule_rejects_its_negative_fixture(string code, Func<ReplicationPlan, ReplicationPlan> mutate)
    {
        var context = ClusterFixtures.Context(ClusterFixtures.Sharded());
        var plan = new ReplicationExpert().Design(context);
        Assert.Contains(Errors(mutate(plan), context), i => i.Code == code);
    }

    [Fact]
    public void Master_master_plans_must_carry_the_conflict_caveat()
    {
        var context = ClusterFixtures.Context(ClusterFixtures.ReplicatedMasterMaster());
        var plan = new ReplicationExpert().Design(context);
        Assert.True(plan.Replicasets.Single().MultiMaster);
        Assert.Contains("skip_conflict", plan.Failures.Single(f => f.Key == "replication-conflict").Caveat);
        Assert.Contains(Errors(plan with { Failures = [.. plan.Failures.Where(f => f.Key != "replication-conflict")] }, context), i => i.Code == "replication.conflict-caveat");
        Assert.Contains(Errors(plan with { Failures = [.. plan.Failures.Select(f => f.Key == "replication-conflict" ? f with { Caveat = "be careful" } : f)] }, context), i => i.Code == "replication.conflict-caveat");
        Assert.Contains(Errors(plan with { Replicasets = [plan.Replicasets[0] with { Writers = ["db-001-1"] }] }, context), i => i.Code == "replication.multi-master-writers");
    }

    [Fact]
    public void Without_a_backup_plan_the_rpo_comes_from_the_environment()
    {
        var context = ClusterFixtures.Context(ClusterFixtures.Request(ClusterType.Replicated, env: DeploymentEnvironment.Staging), withBackup: false);
        var plan = new ReplicationExpert().Design(context);
        Assert.Equal(("environment-default", 900), (plan.RpoSource, plan.RpoSeconds));
        Assert.Empty(Errors(plan, context));
    }
}
