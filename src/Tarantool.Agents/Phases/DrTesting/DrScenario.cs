namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>One drill: the failure injected, how recovery is measured and what passes.</summary>
public sealed record DrScenario
{
    /// <summary>Kebab-case id: <c>instance-failure</c>, <c>leader-failover</c> (automatic failover),
    /// <c>manual-switchover</c> (passive failover), <c>network-partition</c>, <c>point-in-time-restore</c>,
    /// <c>backup-restore</c> (no PITR), <c>replicaset-restore</c>, <c>site-loss</c>, <c>router-failure</c>.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The failure exercised, in the backup plan's vocabulary (<c>lost-replica</c>, <c>lost-leader</c>,
    /// <c>lost-replicaset</c>, <c>logical-corruption</c>, <c>lost-site</c>, <c>lost-router</c>) or
    /// <c>network-partition</c> / <c>instance-crash</c>.</summary>
    public required string Failure { get; init; }

    /// <summary>What the fault hits: an instance name, a replicaset name, or a region name for site loss.</summary>
    public required string Target { get; init; }

    /// <summary>What must hold before starting (healthy replication, recent backup, announced window...).</summary>
    public required IReadOnlyList<string> Preconditions { get; init; }

    /// <summary>Ordered steps with real commands.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>What the cluster does when it works as designed.</summary>
    public required string ExpectedOutcome { get; init; }

    /// <summary>How recovery time is measured (e.g. longest gap between acknowledged marker writes).</summary>
    public required string RtoMeasurement { get; init; }

    /// <summary>How data loss is measured (e.g. acknowledged markers missing after recovery).</summary>
    public required string RpoMeasurement { get; init; }

    /// <summary>The drill fails above this many seconds; at most the backup plan's RTO for the failure.</summary>
    public required int RtoThresholdSeconds { get; init; }

    /// <summary>The drill fails above this many seconds of lost writes; at most the backup plan's RPO.</summary>
    public required int RpoThresholdSeconds { get; init; }

    /// <summary>Everything that must be true for a PASS.</summary>
    public required IReadOnlyList<string> PassCriteria { get; init; }

    /// <summary>The drill script under <c>dr/</c> that runs the scenario, e.g. <c>dr/drill-leader-failover.sh</c>.</summary>
    public required string Script { get; init; }
}
