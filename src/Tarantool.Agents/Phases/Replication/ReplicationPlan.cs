using System.ComponentModel;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Replication;

/// <summary>Phase 5: how data flows between the members of every replicaset, how lag is judged, and what to do
/// when replication breaks.</summary>
public sealed record ReplicationPlan
{
    [OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.FailoverModes))]
    [Description("The failover mode of data replicasets, as in the topology.")]
    public required string Failover { get; init; }

    [Description("replication.timeout in seconds (heartbeat period).")]
    public required double ReplicationTimeoutSeconds { get; init; }

    [Description("The recovery point objective the lag thresholds are derived from, in seconds.")]
    public required int RpoSeconds { get; init; }

    [Description("Where the RPO came from: backup-plan or environment-default.")]
    public required string RpoSource { get; init; }

    [Description("Replication lag (seconds) above which a warning is raised; below the critical threshold.")]
    public required double LagWarningSeconds { get; init; }

    [Description("Replication lag (seconds) above which the situation is critical; at most the RPO.")]
    public required double LagCriticalSeconds { get; init; }

    [Description("How long the verification waits for a marker written on a leader to reach every replica.")]
    public required double MarkerTimeoutSeconds { get; init; }

    [Description("Whether replication.skip_conflict is enabled (it silently drops conflicting rows).")]
    public required bool SkipConflict { get; init; }

    [Description("One entry per replicaset of the topology.")]
    public required IReadOnlyList<ReplicasetReplication> Replicasets { get; init; }

    [Description("Ordered steps (real commands) to add a new replica to a replicaset.")]
    public required IReadOnlyList<string> JoinProcedure { get; init; }

    [Description("Ordered steps (real commands) to rebuild a broken replica from scratch.")]
    public required IReadOnlyList<string> RebuildProcedure { get; init; }

    [Description("Known replication failures with detection and remedy.")]
    public required IReadOnlyList<ReplicationFailure> Failures { get; init; }

    [Description("Decisions and their reasons, stated plainly.")]
    public required IReadOnlyList<string> Decisions { get; init; }
}
