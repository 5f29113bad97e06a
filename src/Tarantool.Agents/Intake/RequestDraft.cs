using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>What one source (command line, flags in the description, or its prose) says about each parameter.</summary>
internal sealed record RequestDraft
{
    public static readonly RequestDraft Empty = new();

    public Candidate<string>? ClusterName { get; init; }
    public Candidate<ClusterType>? ClusterType { get; init; }
    public Candidate<DeploymentEnvironment>? Environment { get; init; }
    public Candidate<CloudProvider>? CloudProvider { get; init; }
    public Candidate<HaStrategy>? HaStrategy { get; init; }
    public Candidate<int>? BackupRetentionDays { get; init; }
    public Candidate<bool>? EnableSharding { get; init; }
    public Candidate<ReplicationMode>? ReplicationMode { get; init; }
    public Candidate<int>? ShardCount { get; init; }
    public Candidate<int>? Replicas { get; init; }
    public Candidate<string>? TarantoolVersion { get; init; }
    public Candidate<Edition>? Edition { get; init; }
    public Candidate<DeploymentForm>? Deployment { get; init; }
    public Candidate<int>? RpoSeconds { get; init; }
    public Candidate<int>? RtoSeconds { get; init; }
}
