namespace Tarantool.Agents.Intake;

/// <summary>The seed's parameters, in the order they are reported.</summary>
internal enum RequestField
{
    ClusterName,
    ClusterType,
    Environment,
    CloudProvider,
    HaStrategy,
    BackupRetentionDays,
    EnableSharding,
    ReplicationMode,
    ShardCount,

    /// <summary>Instances per storage replicaset, the leader included; flag <c>--replicas</c>, request field <c>replicas</c>.</summary>
    Replicas,
    TarantoolVersion,
    Edition,
    Deployment,

    /// <summary>The RPO target; flag <c>--rpo</c>, request field <c>rpoSeconds</c>.</summary>
    Rpo,

    /// <summary>The RTO target; flag <c>--rto</c>, request field <c>rtoSeconds</c>.</summary>
    Rto,
}
