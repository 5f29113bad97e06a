using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>A ClusterIP Service applications use to reach the cluster.</summary>
public sealed record ClientServicePlan
{
    [Description("Service name, e.g. orders-router.")]
    public required string Name { get; init; }

    [Description("Replicasets whose pods back the Service.")]
    public required IReadOnlyList<string> Replicasets { get; init; }

    [Description("When set, only this pod backs the Service (manual failover: the configured leader); empty otherwise.")]
    public required string PinnedPod { get; init; }

    [Description("Service port (iproto).")]
    public required int Port { get; init; }

    /// <summary>What a non-sharded cluster's Service says about writes: the one rule manifests, narratives and docs repeat.</summary>
    public const string LeaderDiscoveryReason =
        "All members serve reads; writes must reach the current leader, so connect with leader discovery: a connector or pool that reads box.info.ro on every member and sends writes to the one where it is false, and re-reads it after a read-only error (the leader moves on failover and switchover).";

    [Description("Why clients connect here and what the connector must do (e.g. discover the leader).")]
    public required string Reason { get; init; }
}
