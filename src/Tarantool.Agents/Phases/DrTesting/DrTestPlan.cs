using System.ComponentModel;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>Phase 8: disaster-recovery drills that prove the backup plan's RTO and RPO, and when they run.</summary>
public sealed record DrTestPlan
{
    [Description("The recovery time objective being tested, in seconds; equals the backup plan's rtoSeconds.")]
    public required int RtoSeconds { get; init; }

    [Description("The recovery point objective being tested, in seconds; equals the backup plan's rpoSeconds.")]
    public required int RpoSeconds { get; init; }

    [Description("When the full set of drills runs, as a cron expression (UTC); at least quarterly in production.")]
    public required string ScheduleCron { get; init; }

    [Description("The cadence in words: monthly, quarterly, semi-annually.")]
    public required string Cadence { get; init; }

    [Description("Where and how the drills run, e.g. staging first, then production in an announced window.")]
    public required string DrillEnvironment { get; init; }

    [Description("The space the drills write timestamped markers into (created by the drills, never by the app).")]
    public required string MarkerSpace { get; init; }

    [Description("Milliseconds between marker writes during a drill: the resolution of the RTO/RPO measurement.")]
    public required int MarkerIntervalMilliseconds { get; init; }

    [Description("One scenario per failure the cluster must survive.")]
    public required IReadOnlyList<DrScenario> Scenarios { get; init; }
}
