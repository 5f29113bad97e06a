using System.Globalization;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>
/// States, for the DR-testing prompt, what <see cref="DrTestPlanValidator"/> demands: the backup plan's objectives,
/// a drill for every failure the backup plan and the topology must survive, the scenario ids that fit the failover
/// mode, the shape of every scenario and how often the drills run.
/// </summary>
internal static class DrTestPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var backup = context.Find<BackupPlan>();
        var topology = context.Find<ClusterTopology>();
        var lines = new List<string>
        {
            "markerIntervalMilliseconds is between 50 and 5000; markerSpace is a plain identifier such as dr_markers.",
            $"scheduleCron is a valid cron expression that runs the drills at least every {(request.Environment == DeploymentEnvironment.Production ? (DrTestPlanValidator.MaxProductionPeriodSeconds / 86400).ToString(CultureInfo.InvariantCulture) + " days (production)" : "366 days")}.",
            $"Every scenario has a unique kebab-case id, a failure (one of {string.Join(", ", DrScenarioIds.KnownFailures)}), a target that is an instance, replicaset or region of the topology, preconditions, at least two steps with real commands, pass criteria, a script dr/<name>.sh of its own, a positive rtoThresholdSeconds and a non-negative rpoThresholdSeconds.",
        };
        if (backup is not null)
        {
            lines.Add($"rtoSeconds is {backup.RtoSeconds} and rpoSeconds {backup.RpoSeconds}, the backup plan's; no scenario's thresholds exceed them.");
            var failures = backup.Procedures.Select(p => p.Failure).ToList();
            if (topology is not null)
            {
                failures.AddRange(RecoveryFailures.RequiredFor(topology));
                if (TopologyFacts.HasReplicas(topology)) failures.Add(DrScenarioIds.NetworkPartitionFailure);
            }
            lines.Add($"A scenario drills each of these failures: {string.Join(", ", failures.Distinct())}.");
            if (!backup.PointInTimeRecovery)
                lines.Add($"The backup plan has no point-in-time recovery: drill logical corruption with \"{DrScenarioIds.BackupRestore}\", not \"{DrScenarioIds.PointInTimeRestore}\".");
        }
        if (topology is not null)
        {
            lines.Add(TopologyFacts.HasAutomaticFailover(topology)
                ? $"Failover is automatic (\"{topology.FailoverMode}\"): a lost-leader drill is \"{DrScenarioIds.LeaderFailover}\", not \"{DrScenarioIds.ManualSwitchover}\"."
                : $"Failover is \"{topology.FailoverMode}\": a lost-leader drill is \"{DrScenarioIds.ManualSwitchover}\", not \"{DrScenarioIds.LeaderFailover}\".");
            if (!TopologyFacts.IsMultiSite(topology))
                lines.Add("The cluster has one site: no site-loss scenario.");
            var first = topology.Replicasets.SelectMany(r => r.Instances).FirstOrDefault();
            if (first is not null)
                lines.Add($"Steps use the instances' data directories ({Containers.InstanceLayout.DataDirectory(request, request.ClusterName, first.Name)} for {first.Name}, and so on) and stop or start instances through their supervisor, never by running tarantool directly.");
        }
        return lines;
    }
}
