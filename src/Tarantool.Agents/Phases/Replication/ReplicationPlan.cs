namespace Tarantool.Agents.Phases.Replication;

/// <summary>Phase 5: how data flows between the members of every replicaset, how lag is judged, and what to do
/// when replication breaks.</summary>
public sealed record ReplicationPlan
{
    /// <summary>The failover mode of data replicasets, as in the topology.</summary>
    public required string Failover { get; init; }

    /// <summary><c>replication.timeout</c> in seconds (heartbeat period).</summary>
    public required double ReplicationTimeoutSeconds { get; init; }

    /// <summary>The recovery point objective the lag thresholds are derived from, in seconds.</summary>
    public required int RpoSeconds { get; init; }

    /// <summary>Where the RPO came from: <c>backup-plan</c> or <c>environment-default</c>.</summary>
    public required string RpoSource { get; init; }

    /// <summary>Replication lag (seconds) above which a warning is raised; below the critical threshold.</summary>
    public required double LagWarningSeconds { get; init; }

    /// <summary>Replication lag (seconds) above which the situation is critical; at most the RPO.</summary>
    public required double LagCriticalSeconds { get; init; }

    /// <summary>How long the verification waits for a marker written on a leader to reach every replica.</summary>
    public required double MarkerTimeoutSeconds { get; init; }

    /// <summary>Whether <c>replication.skip_conflict</c> is enabled (it silently drops conflicting rows).</summary>
    public required bool SkipConflict { get; init; }

    /// <summary>One entry per replicaset of the topology.</summary>
    public required IReadOnlyList<ReplicasetReplication> Replicasets { get; init; }

    /// <summary>Ordered steps (real commands) to add a new replica to a replicaset.</summary>
    public required IReadOnlyList<string> JoinProcedure { get; init; }

    /// <summary>Ordered steps (real commands) to rebuild a broken replica from scratch.</summary>
    public required IReadOnlyList<string> RebuildProcedure { get; init; }

    /// <summary>Known replication failures with detection and remedy.</summary>
    public required IReadOnlyList<ReplicationFailure> Failures { get; init; }

    /// <summary>Decisions and their reasons, stated plainly.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }
}
