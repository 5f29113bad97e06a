namespace Tarantool.Agents.Phases.Containers;

/// <summary>A ClusterIP Service applications use to reach the cluster.</summary>
public sealed record ClientServicePlan
{
    /// <summary>Service name, e.g. <c>orders-router</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Replicasets whose pods back the Service.</summary>
    public required IReadOnlyList<string> Replicasets { get; init; }

    /// <summary>When set, only this pod backs the Service (manual failover: the configured leader); empty otherwise.</summary>
    public required string PinnedPod { get; init; }

    /// <summary>Service port (iproto).</summary>
    public required int Port { get; init; }

    /// <summary>What a non-sharded cluster's Service says about writes: the one rule manifests, narratives and docs repeat.</summary>
    public const string LeaderDiscoveryReason =
        "All members serve reads; writes must reach the current leader, so connect with leader discovery: a connector or pool that reads box.info.ro on every member and sends writes to the one where it is false, and re-reads it after a read-only error (the leader moves on failover and switchover).";

    /// <summary>Why clients connect here and what the connector must do (e.g. discover the leader).</summary>
    public required string Reason { get; init; }
}
