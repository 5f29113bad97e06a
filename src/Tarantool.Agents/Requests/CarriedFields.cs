namespace Tarantool.Agents.Requests;

/// <summary>
/// The fields of a <see cref="ClusterRequest"/> a phase prompt may carry. A phase declares the ones its answer depends
/// on (<c>request:</c> in <c>prompts/NN-key.yaml</c>); its prompt carries only those, so a change to any other field
/// leaves the prompt, and therefore the phase's reusable answer, unchanged.
/// </summary>
[Flags]
public enum CarriedFields
{
    None = 0,
    ClusterName = 1 << 0,
    ClusterType = 1 << 1,
    Environment = 1 << 2,
    CloudProvider = 1 << 3,
    HaStrategy = 1 << 4,
    BackupRetentionDays = 1 << 5,
    EnableSharding = 1 << 6,
    ReplicationMode = 1 << 7,

    /// <summary>The shard count and whether it is only the default (<see cref="ClusterRequest.ShardCountIsDefault"/>).</summary>
    ShardCount = 1 << 8,
    TarantoolVersion = 1 << 9,
    Edition = 1 << 10,
    Deployment = 1 << 11,
    Rpo = 1 << 12,
    Rto = 1 << 13,

    /// <summary>Every workload figure (<see cref="ClusterRequest.Workload"/>).</summary>
    Workload = 1 << 14,

    /// <summary>The user's own text.</summary>
    Description = 1 << 15,

    /// <summary>The instances per replicaset the user asked for (<see cref="ClusterRequest.Replicas"/>).</summary>
    Replicas = 1 << 16,

    All = (1 << 17) - 1,
}
