using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.DrTesting;

/// <summary>
/// Phase 8 expert: turns the backup plan's objectives and procedures into drills with measured pass/fail
/// thresholds and a cadence that fits the environment.
/// </summary>
public sealed class DrTestingExpert : PhaseExpert<DrTestPlan>
{
    public const string MarkerSpace = "dr_markers";

    /// <summary>Two writes a second: finer than any failover threshold, cheap enough for the writer's tt calls.</summary>
    public const int MarkerIntervalMilliseconds = 500;

    public override DrTestPlan Design(PhaseContext context)
    {
        var request = context.Request;
        var backup = context.Get<BackupPlan>();
        var (cron, cadence, where) = Cadence(request.Environment);
        return new DrTestPlan
        {
            RtoSeconds = backup.RtoSeconds,
            RpoSeconds = backup.RpoSeconds,
            ScheduleCron = cron,
            Cadence = cadence,
            DrillEnvironment = where,
            MarkerSpace = MarkerSpace,
            MarkerIntervalMilliseconds = MarkerIntervalMilliseconds,
            Scenarios = new DrScenarioDesigner(request, context.Get<CapacityPlan>(), context.Get<ClusterTopology>(), backup).Design(),
        };
    }

    public override string Narrate(DrTestPlan output, PhaseContext context) => new DrTestPlanNarrator(output, context).Write();

    /// <summary>Production quarterly (staging rehearses each drill first), staging monthly, development twice a
    /// year; always at 10:00 UTC on a working day's morning, when people are there to watch.</summary>
    public static (string Cron, string Cadence, string Where) Cadence(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Production => ("0 10 1 1,4,7,10 *", "quarterly",
            "Each drill runs in staging first (same topology, same scripts); then in production in an announced window, one scenario at a time, with the on-call engineer watching. Destructive drills (partition, site loss) run in production only after they passed in staging."),
        DeploymentEnvironment.Staging => ("0 10 1 * *", "monthly",
            "Staging, during working hours, announced to the teams that use it; this is also the rehearsal for the production drills."),
        _ => ("0 10 1 1,7 *", "semi-annually", "Development, at any time; the drills mainly check that the scripts and the restore path still work."),
    };
}
