using System.Text.Json.Serialization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Phase 2: the instances, replicasets, sites and failover of the cluster.</summary>
public sealed record ClusterTopology
{
    public required ClusterType ClusterType { get; init; }

    /// <summary>How leaders are chosen: <c>off</c>, <c>manual</c>, <c>election</c>, <c>supervised</c> (3.x), or
    /// <c>stateful</c>/<c>eventual</c>/<c>disabled</c> for Cartridge.</summary>
    public required string FailoverMode { get; init; }

    /// <summary>Where Cartridge stateful failover keeps its state (<c>stateboard</c>, <c>etcd2</c>); empty otherwise.</summary>
    public required string FailoverStateProvider { get; init; }

    /// <summary>Raft settings when <see cref="FailoverMode"/> is election; null otherwise.</summary>
    // Written even when null: the property is required, so a stored topology must read back.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required ElectionSettings? Election { get; init; }

    /// <summary>Sites; one entry named after the environment for a single-site cluster.</summary>
    public required IReadOnlyList<Region> Regions { get; init; }

    /// <summary>Every replicaset, storages first, then routers, then others.</summary>
    public required IReadOnlyList<Replicaset> Replicasets { get; init; }

    /// <summary>Users and their roles and privileges; passwords are never here, only the name of their secret.</summary>
    public required IReadOnlyList<ClusterUser> Users { get; init; }

    /// <summary>iproto TLS for client and replication traffic (production).</summary>
    public required bool IprotoTls { get; init; }

    /// <summary>Largest round-trip time between sites that the design tolerates, in ms (0 for one site).</summary>
    public required int CrossRegionLatencyBudgetMs { get; init; }

    /// <summary>What "multi-master" or other interpretation choices were made, stated plainly.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }

    /// <summary>A Mermaid diagram (flowchart) of the topology, without fences.</summary>
    public required string MermaidDiagram { get; init; }
}

public sealed record ElectionSettings(
    string Mode,
    double TimeoutSeconds,
    string FencingMode,
    int SynchroQuorum);

/// <param name="Zones">Availability zones (or racks) of the site.</param>
public sealed record Region(string Name, IReadOnlyList<string> Zones, bool Primary);

/// <param name="Roles">vshard/Cartridge roles: <c>storage</c>, <c>router</c>, <c>rebalancer</c>, <c>stateboard</c>,
/// or application roles; empty for a plain replicaset.</param>
/// <param name="Leader">The configured leader for manual failover; null otherwise.</param>
public sealed record Replicaset(
    string Name,
    IReadOnlyList<string> Roles,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Leader,
    IReadOnlyList<InstanceNode> Instances);

/// <param name="Mode"><c>rw</c> or <c>ro</c> when failover is off; <c>auto</c> otherwise.</param>
/// <param name="ElectionMode"><c>candidate</c>, <c>voter</c>, <c>off</c> or empty when failover is not election.</param>
public sealed record InstanceNode(
    string Name,
    string Host,
    int Port,
    int MetricsPort,
    string Region,
    string Zone,
    string Mode,
    string ElectionMode);

/// <param name="PasswordSecret">Name of the secret (config.context entry / environment variable / file) holding the
/// password; never the password itself.</param>
public sealed record ClusterUser(string Name, IReadOnlyList<string> Roles, string PasswordSecret, string Purpose);
