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
    TarantoolVersion,
}
