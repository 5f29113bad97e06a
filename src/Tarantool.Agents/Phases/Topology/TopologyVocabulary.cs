using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>The words of the topology contract: failover modes, roles, instance modes and naming rules.</summary>
internal static partial class TopologyVocabulary
{
    public static readonly string[] DeclarativeFailover = ["off", "manual", "election", "supervised"];
    public static readonly string[] CartridgeFailover = ["stateful", "eventual", "disabled"];
    public static readonly string[] ElectionModes = ["candidate", "voter", "off", "manual"];
    public static readonly string[] FencingModes = ["off", "soft", "strict"];
    public static readonly string[] StateProviders = ["stateboard", "etcd2"];

    /// <summary>Every failover mode: the declarative ones and Cartridge's; which apply depends on the cluster type.</summary>
    public static readonly string[] FailoverModes = [.. DeclarativeFailover, .. CartridgeFailover];

    /// <summary>A state provider, or empty when Cartridge stateful failover is not used.</summary>
    public static readonly string[] StateProviderValues = ["", .. StateProviders];

    /// <summary><c>database.mode</c>: rw/ro only with failover off, auto otherwise.</summary>
    public static readonly string[] InstanceModes = ["rw", "ro", "auto"];

    /// <summary>An instance's election mode, or empty when failover is not election.</summary>
    public static readonly string[] InstanceElectionModes = ["", .. ElectionModes];

    public const string StorageRole = "storage";
    public const string RouterRole = "router";
    public const string RebalancerRole = "rebalancer";
    public const string StateboardRole = "stateboard";
    public const string StateboardName = "stateboard";

    /// <summary>Tarantool 3.x names: lowercase letters, digits and '-', starting with a letter, at most 63 characters.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    public static partial Regex ValidName();

    /// <summary>Replicaset names every later phase relies on: db-001, storage-NNN, router-NNN, stateboard.</summary>
    [GeneratedRegex("^(db-001|storage-[0-9]{3}|router-[0-9]{3}|stateboard)$")]
    public static partial Regex ConventionalReplicaset();

    /// <summary>A config.context / secret name: an identifier, not a password.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,127}$")]
    public static partial Regex SecretName();

    public static bool IsStorage(Replicaset replicaset) =>
        replicaset.Roles.Any(r => r is StorageRole or "vshard-storage") || (!IsRouter(replicaset) && !IsStateboard(replicaset));

    public static bool IsRouter(Replicaset replicaset) => replicaset.Roles.Any(r => r is RouterRole or "vshard-router");

    public static bool IsStateboard(Replicaset replicaset) =>
        replicaset.Roles.Contains(StateboardRole) || replicaset.Name == StateboardName;
}
