using System.ComponentModel;
using System.Text.Json.Serialization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Phase 2: the instances, replicasets, sites and failover of the cluster.</summary>
public sealed record ClusterTopology
{
    [Description("The request's cluster type, unchanged.")]
    public required ClusterType ClusterType { get; init; }

    [OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.FailoverModes))]

    [Description("How leaders are chosen: off, manual, election, supervised (3.x), or stateful/eventual/disabled for Cartridge.")]
    public required string FailoverMode { get; init; }

    [OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.StateProviderValues))]

    [Description("Where Cartridge stateful failover keeps its state (stateboard, etcd2); empty otherwise.")]
    public required string FailoverStateProvider { get; init; }

    // Written even when null: the property is required, so a stored topology must read back.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Raft settings when failoverMode is election; null otherwise.")]
    public required ElectionSettings? Election { get; init; }

    [Description("Sites; one entry named after the environment for a single-site cluster.")]
    public required IReadOnlyList<Region> Regions { get; init; }

    [Description("Every replicaset, storages first, then routers, then others.")]
    public required IReadOnlyList<Replicaset> Replicasets { get; init; }

    [Description("Users and their roles and privileges; passwords are never here, only the name of their secret.")]
    public required IReadOnlyList<ClusterUser> Users { get; init; }

    [Description("iproto TLS for client and replication traffic (production).")]
    public required bool IprotoTls { get; init; }

    [Description("Largest round-trip time between sites that the design tolerates, in ms (0 for one site).")]
    public required int CrossRegionLatencyBudgetMs { get; init; }

    [Description("What \"multi-master\" or other interpretation choices were made, stated plainly.")]
    public required IReadOnlyList<string> Decisions { get; init; }

    [Description("A Mermaid diagram (flowchart) of the topology, without fences.")]
    public required string MermaidDiagram { get; init; }
}

[Description("Raft election settings for failoverMode election.")]
public sealed record ElectionSettings(
    [property: Description("replication.election_mode of the replicasets' members by default."), OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.ElectionModes))] string Mode,
    [property: Description("replication.election_timeout in seconds; not below the replication timeout.")] double TimeoutSeconds,
    [property: Description("replication.election_fencing_mode."), OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.FencingModes))] string FencingMode,
    [property: Description("replication.synchro_quorum: a majority of voters (N/2+1).")] int SynchroQuorum);

[Description("A site (region) and its availability zones.")]
public sealed record Region(
    [property: Description("Region name; instances refer to it.")] string Name,
    [property: Description("Availability zones (or racks) of the site; at least one.")] IReadOnlyList<string> Zones,
    [property: Description("True where leaders normally run; at least one region is primary.")] bool Primary);

public sealed record Replicaset(
    [property: Description("Unique name: db-001 (not sharded), storage-NNN, router-NNN or stateboard.")] string Name,
    [property: Description("vshard/Cartridge roles: storage, router, rebalancer, stateboard, or application roles; empty for a plain replicaset.")] IReadOnlyList<string> Roles,
    [property: Description("The configured leader (an instance name) for manual failover; null otherwise."), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Leader,
    [property: Description("The members; no two share a host.")] IReadOnlyList<InstanceNode> Instances);

public sealed record InstanceNode(
    [property: Description("Unique instance name: the replicaset name, '-' and a number from 1 (storage-001-1); stateboard for the stateboard.")] string Name,
    [property: Description("Host (VM or node) the instance runs on; members of one replicaset never share it.")] string Host,
    [property: Description("iproto port, 1–65535, unique on its host.")] int Port,
    [property: Description("Prometheus metrics HTTP port, 1–65535, unique on its host.")] int MetricsPort,
    [property: Description("Name of a region listed in regions.")] string Region,
    [property: Description("A zone that region lists.")] string Zone,
    [property: Description("database.mode: rw or ro only with failover off, auto otherwise."), OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.InstanceModes))] string Mode,
    [property: Description("replication.election_mode under election failover; empty (or off) otherwise."), OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.InstanceElectionModes))] string ElectionMode);

public sealed record ClusterUser(
    [property: Description("User name, unique; a Tarantool identifier.")] string Name,
    [property: Description("Roles granted (replication, sharding...); least privilege, never super.")] IReadOnlyList<string> Roles,
    [property: Description("Name of the secret (config.context entry, environment variable or file) holding the password; never the password itself.")] string PasswordSecret,
    [property: Description("Why the user exists.")] string Purpose);
