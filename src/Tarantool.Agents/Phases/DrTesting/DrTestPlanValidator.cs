using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>
/// Semantic rules of a DR test plan: every failure the backup plan prepares for is drilled, the leader drill
/// matches the failover mode, thresholds never exceed the backup plan's objectives, every scenario can be run
/// and judged, and its steps act on the instances the way the deployment form runs them (systemd units or
/// StatefulSets, data where the shared <see cref="InstanceLayout"/> puts it).
/// </summary>
public sealed partial class DrTestPlanValidator : IPhaseValidator<DrTestPlan>
{
    /// <summary>Quarterly, allowing for 31-day months.</summary>
    public const long MaxProductionPeriodSeconds = 93L * 86400;

    private static readonly string[] ManualModes = ["manual", "off", "disabled"];

    public IEnumerable<ValidationIssue> Validate(DrTestPlan plan, PhaseContext context)
    {
        var issues = new List<ValidationIssue>();
        var backup = context.Find<BackupPlan>();
        var topology = context.Find<ClusterTopology>();

        CheckSchedule(plan, context.Request, issues);
        if (plan.MarkerIntervalMilliseconds is < 50 or > 5000)
            issues.Add(ValidationIssue.Error("dr.marker-interval-invalid",
                $"markerIntervalMilliseconds {plan.MarkerIntervalMilliseconds} must be between 50 and 5000: it is the resolution of every RTO/RPO measurement.", "$.markerIntervalMilliseconds"));
        if (!Identifier().IsMatch(plan.MarkerSpace))
            issues.Add(ValidationIssue.Error("dr.marker-space-invalid", $"markerSpace '{plan.MarkerSpace}' must be a plain identifier such as dr_markers.", "$.markerSpace"));
        if (plan.Scenarios.Count == 0)
            issues.Add(ValidationIssue.Error("dr.no-scenarios", "the plan has no scenario.", "$.scenarios"));

        for (var i = 0; i < plan.Scenarios.Count; i++)
            CheckScenario(plan, plan.Scenarios[i], i, backup, topology, issues);
        if (backup is not null) CheckAgainstBackup(plan, backup, issues);
        if (topology is not null)
        {
            CheckCoverage(plan, topology, backup, issues);
            CheckLayout(plan, context.Request, topology, issues);
        }
        return issues;
    }

    private static void CheckSchedule(DrTestPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (CronSchedule.Problem(plan.ScheduleCron) is { } problem)
        {
            issues.Add(ValidationIssue.Error("dr.cron-invalid", $"scheduleCron '{plan.ScheduleCron}' is not valid: {problem}.", "$.scheduleCron"));
            return;
        }
        var period = CronSchedule.MaxPeriodSeconds(plan.ScheduleCron)!.Value;
        if (request.Environment == DeploymentEnvironment.Production && period > MaxProductionPeriodSeconds)
            issues.Add(ValidationIssue.Error("dr.schedule-too-rare",
                $"drills run every {period / 86400} days; production needs them at least quarterly (e.g. '0 10 1 1,4,7,10 *').", "$.scheduleCron"));
        else if (period > 366L * 86400)
            issues.Add(ValidationIssue.Warning("dr.schedule-too-rare", "drills run less than once a year; untested recovery is unknown recovery.", "$.scheduleCron"));
    }

    private static void CheckScenario(DrTestPlan plan, DrScenario scenario, int index, BackupPlan? backup, ClusterTopology? topology, List<ValidationIssue> issues)
    {
        var path = $"$.scenarios[{index}]";
        if (!KebabCase().IsMatch(scenario.Id))
            issues.Add(ValidationIssue.Error("dr.scenario-id-invalid", $"scenario id '{scenario.Id}' must be kebab-case.", $"{path}.id"));
        if (plan.Scenarios.Take(index).Any(s => s.Id == scenario.Id))
            issues.Add(ValidationIssue.Error("dr.scenario-duplicate", $"scenario id '{scenario.Id}' is used twice.", $"{path}.id"));
        if (!DrScenarioIds.KnownFailures.Contains(scenario.Failure))
            issues.Add(ValidationIssue.Warning("dr.failure-unknown", $"failure '{scenario.Failure}' is not one of {string.Join(", ", DrScenarioIds.KnownFailures)}.", $"{path}.failure"));

        if (scenario.Preconditions.Count == 0 || scenario.Preconditions.Any(string.IsNullOrWhiteSpace))
            issues.Add(ValidationIssue.Error("dr.scenario-preconditions", $"scenario '{scenario.Id}' needs its preconditions.", $"{path}.preconditions"));
        if (scenario.Steps.Count < 2 || scenario.Steps.Any(string.IsNullOrWhiteSpace))
            issues.Add(ValidationIssue.Error("dr.scenario-steps", $"scenario '{scenario.Id}' needs at least two steps with real commands.", $"{path}.steps"));
        if (scenario.PassCriteria.Count == 0 || scenario.PassCriteria.Any(string.IsNullOrWhiteSpace))
            issues.Add(ValidationIssue.Error("dr.scenario-pass-criteria", $"scenario '{scenario.Id}' needs pass criteria.", $"{path}.passCriteria"));
        foreach (var (value, field) in new[] { (scenario.ExpectedOutcome, "expectedOutcome"), (scenario.RtoMeasurement, "rtoMeasurement"), (scenario.RpoMeasurement, "rpoMeasurement"), (scenario.Title, "title") })
            if (string.IsNullOrWhiteSpace(value))
                issues.Add(ValidationIssue.Error("dr.scenario-incomplete", $"scenario '{scenario.Id}' has no {field}.", $"{path}.{field}"));

        if (!ScriptPath().IsMatch(scenario.Script))
            issues.Add(ValidationIssue.Error("dr.script-path-invalid", $"script '{scenario.Script}' must be a dr/<name>.sh path.", $"{path}.script"));
        else if (plan.Scenarios.Take(index).Any(s => s.Script == scenario.Script))
            issues.Add(ValidationIssue.Error("dr.script-duplicate", $"script '{scenario.Script}' is used by two scenarios.", $"{path}.script"));

        if (scenario.RtoThresholdSeconds <= 0)
            issues.Add(ValidationIssue.Error("dr.rto-threshold-invalid", $"scenario '{scenario.Id}' needs a positive rtoThresholdSeconds.", $"{path}.rtoThresholdSeconds"));
        if (scenario.RpoThresholdSeconds < 0)
            issues.Add(ValidationIssue.Error("dr.rpo-threshold-invalid", $"scenario '{scenario.Id}' has a negative rpoThresholdSeconds.", $"{path}.rpoThresholdSeconds"));

        if (backup is not null)
        {
            var procedure = backup.Procedures.FirstOrDefault(p => p.Failure == scenario.Failure);
            var limit = procedure?.ExpectedRtoSeconds ?? backup.RtoSeconds;
            if (scenario.RtoThresholdSeconds > limit)
                issues.Add(ValidationIssue.Error("dr.rto-threshold-over-plan",
                    $"scenario '{scenario.Id}' passes up to {scenario.RtoThresholdSeconds} s, but the backup plan expects '{scenario.Failure}' to recover within {limit} s; lower the threshold.",
                    $"{path}.rtoThresholdSeconds"));
            if (scenario.RpoThresholdSeconds > backup.RpoSeconds)
                issues.Add(ValidationIssue.Error("dr.rpo-threshold-over-plan",
                    $"scenario '{scenario.Id}' tolerates {scenario.RpoThresholdSeconds} s of lost writes, more than the backup plan's RPO of {backup.RpoSeconds} s.",
                    $"{path}.rpoThresholdSeconds"));
            if (scenario.Id == DrScenarioIds.PointInTimeRestore && !backup.PointInTimeRecovery)
                issues.Add(ValidationIssue.Error("dr.pitr-not-available",
                    "the backup plan has no point-in-time recovery; drill logical corruption with 'backup-restore' instead.", $"{path}.id"));
        }

        if (topology is not null && !TargetExists(scenario.Target, topology))
            issues.Add(ValidationIssue.Error("dr.target-unknown",
                $"target '{scenario.Target}' of scenario '{scenario.Id}' is not an instance, replicaset or region of the topology.", $"{path}.target"));
    }

    private static void CheckAgainstBackup(DrTestPlan plan, BackupPlan backup, List<ValidationIssue> issues)
    {
        if (plan.RtoSeconds != backup.RtoSeconds || plan.RpoSeconds != backup.RpoSeconds)
            issues.Add(ValidationIssue.Error("dr.objectives-mismatch",
                $"the plan tests RTO {plan.RtoSeconds} s / RPO {plan.RpoSeconds} s but the backup plan promises RTO {backup.RtoSeconds} s / RPO {backup.RpoSeconds} s; copy them.", "$"));
        foreach (var procedure in backup.Procedures.Where(p => plan.Scenarios.All(s => s.Failure != p.Failure)))
            issues.Add(ValidationIssue.Error("dr.failure-not-drilled",
                $"the backup plan has a procedure for '{procedure.Failure}' but no scenario drills it.", "$.scenarios"));
    }

    private static void CheckCoverage(DrTestPlan plan, ClusterTopology topology, BackupPlan? backup, List<ValidationIssue> issues)
    {
        var required = new List<string>(RecoveryFailures.RequiredFor(topology));
        if (TopologyFacts.HasReplicas(topology)) required.Add(DrScenarioIds.NetworkPartitionFailure);
        foreach (var failure in required.Where(f => plan.Scenarios.All(s => s.Failure != f) && (backup is null || backup.Procedures.All(p => p.Failure != f))))
            issues.Add(ValidationIssue.Error("dr.failure-not-drilled", $"no scenario drills '{failure}', which this topology must survive.", "$.scenarios"));

        var multiSite = TopologyFacts.IsMultiSite(topology);
        var automatic = TopologyFacts.HasAutomaticFailover(topology);
        for (var i = 0; i < plan.Scenarios.Count; i++)
        {
            var scenario = plan.Scenarios[i];
            var path = $"$.scenarios[{i}]";
            if ((scenario.Failure == RecoveryFailures.LostSite || scenario.Id == DrScenarioIds.SiteLoss) && !multiSite)
                issues.Add(ValidationIssue.Error("dr.site-loss-single-region", "site loss can only be drilled on a multi-region cluster.", path));
            if (scenario.Failure == RecoveryFailures.LostLeader)
            {
                if (automatic && scenario.Id == DrScenarioIds.ManualSwitchover)
                    issues.Add(ValidationIssue.Error("dr.leader-drill-mismatch",
                        $"failover is '{topology.FailoverMode}' (automatic): drill 'leader-failover' (kill the leader, expect an election), not a manual switchover.", $"{path}.id"));
                if (ManualModes.Contains(topology.FailoverMode) && scenario.Id == DrScenarioIds.LeaderFailover)
                    issues.Add(ValidationIssue.Error("dr.leader-drill-mismatch",
                        $"failover is '{topology.FailoverMode}': nothing elects a new leader, so drill 'manual-switchover' (promote a replica by the runbook).", $"{path}.id"));
            }
        }
    }

    /// <summary>Cross-phase rules: drills kill and restart instances through their supervisor and name data
    /// directories as the shared layout does.</summary>
    private static void CheckLayout(DrTestPlan plan, ClusterRequest request, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var instances = topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var supervisor = InstanceLayout.InContainers(request)
            ? "their StatefulSets (kubectl delete pod)"
            : $"their systemd units ({InstanceLayout.Unit(request.ClusterName, "<instance>")}: systemctl kill/stop/start)";
        for (var i = 0; i < plan.Scenarios.Count; i++)
        {
            var scenario = plan.Scenarios[i];
            var path = $"$.scenarios[{i}].steps";
            if (scenario.Steps.Any(InstanceLayout.BypassesSupervisor))
                issues.Add(ValidationIssue.Error("dr.step-bypasses-supervisor",
                    $"scenario '{scenario.Id}' kills or starts instances with tt (tt kill/start/stop/restart), but instances are run by {supervisor}; drill through those, as production recovers.", path));
            foreach (var (found, expected) in scenario.Steps.SelectMany(s => InstanceLayout.MisplacedDataDirectories(s, request, request.ClusterName, instances)).Distinct())
                issues.Add(ValidationIssue.Error("dr.step-data-dir",
                    $"scenario '{scenario.Id}' uses {found}, but that instance keeps its data in {expected}.", path));
        }
    }

    private static bool TargetExists(string target, ClusterTopology topology) =>
        topology.Replicasets.Any(r => r.Name == target || r.Instances.Any(i => i.Name == target))
        || topology.Regions.Any(r => r.Name == target)
        || topology.Replicasets.SelectMany(r => r.Instances).Any(i => i.Region == target);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^dr/[a-z0-9][a-z0-9-]*\\.sh$")]
    private static partial Regex ScriptPath();
}
