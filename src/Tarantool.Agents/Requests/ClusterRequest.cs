namespace Tarantool.Agents.Requests;

/// <summary>
/// The resolved request: the seed's parameters, the target version, the workload and the user's description.
/// Every phase receives it as $ARGUMENTS.
/// </summary>
public sealed record ClusterRequest
{
    public const int DefaultBackupRetentionDays = 30;
    public const int DefaultShardCount = 3;

    public required string ClusterName { get; init; }
    public required ClusterType ClusterType { get; init; }
    public required DeploymentEnvironment Environment { get; init; }
    public CloudProvider CloudProvider { get; init; } = CloudProvider.OnPremises;
    public HaStrategy HaStrategy { get; init; } = HaStrategy.ActiveFailover;
    public int BackupRetentionDays { get; init; } = DefaultBackupRetentionDays;
    public bool EnableSharding { get; init; }
    public ReplicationMode ReplicationMode { get; init; } = ReplicationMode.MasterSlave;
    public int ShardCount { get; init; } = DefaultShardCount;
    public string TarantoolVersion { get; init; } = Requests.TarantoolVersion.Default.ToString();
    public Workload Workload { get; init; } = new();
    public string Description { get; init; } = "";

    /// <summary>True when the request targets Tarantool 3.x (declarative config.yaml) rather than 2.11 (box.cfg).</summary>
    public bool IsDeclarativeConfig => Requests.TarantoolVersion.Parse(TarantoolVersion).Major >= 3;

    /// <summary>Number of storage replicasets: the shard count when sharding, otherwise one.</summary>
    public int StorageReplicasets => EnableSharding ? ShardCount : 1;
}
