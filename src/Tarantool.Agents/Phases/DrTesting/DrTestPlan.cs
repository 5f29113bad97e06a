namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>Phase 8: disaster-recovery drills that prove the backup plan's RTO and RPO, and when they run.</summary>
public sealed record DrTestPlan
{
    /// <summary>The recovery time objective being tested, in seconds; equals the backup plan's rtoSeconds.</summary>
    public required int RtoSeconds { get; init; }

    /// <summary>The recovery point objective being tested, in seconds; equals the backup plan's rpoSeconds.</summary>
    public required int RpoSeconds { get; init; }

    /// <summary>When the full set of drills runs, as a cron expression (UTC); at least quarterly in production.</summary>
    public required string ScheduleCron { get; init; }

    /// <summary>The cadence in words: <c>monthly</c>, <c>quarterly</c>, <c>semi-annually</c>.</summary>
    public required string Cadence { get; init; }

    /// <summary>Where and how the drills run, e.g. staging first, then production in an announced window.</summary>
    public required string DrillEnvironment { get; init; }

    /// <summary>The space the drills write timestamped markers into (created by the drills, never by the app).</summary>
    public required string MarkerSpace { get; init; }

    /// <summary>Milliseconds between marker writes during a drill: the resolution of the RTO/RPO measurement.</summary>
    public required int MarkerIntervalMilliseconds { get; init; }

    /// <summary>One scenario per failure the cluster must survive.</summary>
    public required IReadOnlyList<DrScenario> Scenarios { get; init; }
}
