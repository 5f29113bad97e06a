using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Every seed parameter after precedence and defaults. The three required ones stay null when no source gave a
/// usable value; <see cref="Rejected"/> lists fields whose given value was refused (already reported).
/// </summary>
internal sealed record ResolvedParameters(
    Sourced<string>? ClusterName,
    Sourced<ClusterType>? ClusterType,
    Sourced<DeploymentEnvironment>? Environment,
    Sourced<CloudProvider> CloudProvider,
    Sourced<HaStrategy> HaStrategy,
    Sourced<int> BackupRetentionDays,
    Sourced<bool> EnableSharding,
    Sourced<ReplicationMode> ReplicationMode,
    Sourced<int> ShardCount,
    Sourced<int>? Replicas,
    Sourced<string> TarantoolVersion,
    Sourced<Edition> Edition,
    Sourced<DeploymentForm> Deployment,
    Sourced<int>? RpoSeconds,
    Sourced<int>? RtoSeconds,
    IReadOnlySet<RequestField> Rejected);
