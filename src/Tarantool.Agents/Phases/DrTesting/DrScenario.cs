using System.ComponentModel;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>One drill: the failure injected, how recovery is measured and what passes.</summary>
public sealed record DrScenario
{
    [Description("Kebab-case id: instance-failure, leader-failover (automatic failover), manual-switchover (passive failover), network-partition, point-in-time-restore, backup-restore (no PITR), replicaset-restore, site-loss, router-failure.")]
    public required string Id { get; init; }

    [Description("A short human title of the drill.")]

    public required string Title { get; init; }

    [Description("The failure exercised, in the backup plan's vocabulary (lost-replica, lost-leader, lost-replicaset, logical-corruption, lost-site, lost-router) or network-partition / instance-crash.")]
    public required string Failure { get; init; }

    [Description("What the fault hits: an instance name, a replicaset name, or a region name for site loss.")]
    public required string Target { get; init; }

    [Description("What must hold before starting (healthy replication, recent backup, announced window...).")]
    public required IReadOnlyList<string> Preconditions { get; init; }

    [Description("Ordered steps with real commands.")]
    public required IReadOnlyList<string> Steps { get; init; }

    [Description("What the cluster does when it works as designed.")]
    public required string ExpectedOutcome { get; init; }

    [Description("How recovery time is measured (e.g. longest gap between acknowledged marker writes).")]
    public required string RtoMeasurement { get; init; }

    [Description("How data loss is measured (e.g. acknowledged markers missing after recovery).")]
    public required string RpoMeasurement { get; init; }

    [Description("The drill fails above this many seconds; at most the backup plan's RTO for the failure.")]
    public required int RtoThresholdSeconds { get; init; }

    [Description("The drill fails above this many seconds of lost writes; at most the backup plan's RPO.")]
    public required int RpoThresholdSeconds { get; init; }

    [Description("Everything that must be true for a PASS.")]
    public required IReadOnlyList<string> PassCriteria { get; init; }

    [Description("The drill script under dr/ that runs the scenario, e.g. dr/drill-leader-failover.sh.")]
    public required string Script { get; init; }
}
