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

    /// <summary>
    /// True when no one gave the shard count and <see cref="ShardCount"/> is only the default: the capacity plan then
    /// chooses the count the data needs. False (the user's count, kept even when it is too small) unless the intake
    /// says otherwise; written to JSON only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool ShardCountIsDefault { get; init; }

    /// <summary>
    /// Instances in every storage replicaset, the leader included (Tarantool's "replicas" of a replicaset); null when
    /// no one said, and the plan derives it from the environment, the failover and the sites. Written to JSON only
    /// when set.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Replicas { get; init; }
    public string TarantoolVersion { get; init; } = Requests.TarantoolVersion.Default.ToString();
    public Edition Edition { get; init; } = Edition.Community;

    /// <summary>VMs or Kubernetes; unless set, the form the cloud implies (<see cref="DefaultDeployment"/>).</summary>
    public DeploymentForm Deployment
    {
        get => _deployment ?? DefaultDeployment(CloudProvider);
        init => _deployment = value;
    }

    private readonly DeploymentForm? _deployment;

    /// <summary>Recovery point objective: the most writes, in seconds, the user accepts to lose; null when not stated.</summary>
    public int? RpoSeconds { get; init; }

    /// <summary>Recovery time objective: how long, in seconds, the service may be down; null when not stated.</summary>
    public int? RtoSeconds { get; init; }

    public Workload Workload { get; init; } = new();
    public string Description { get; init; } = "";

    /// <summary>True when the instances run in Kubernetes pods rather than on hosts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool UsesKubernetes => Deployment == DeploymentForm.Kubernetes;

    /// <summary>
    /// The deployment form a cloud implies when the request does not say: Kubernetes for the kubernetes provider
    /// and for the managed clouds (their Kubernetes services: EKS, AKS, GKE), VMs for on-premises hosts.
    /// </summary>
    public static DeploymentForm DefaultDeployment(CloudProvider cloud) =>
        cloud == CloudProvider.OnPremises ? DeploymentForm.Vm : DeploymentForm.Kubernetes;

    /// <summary>True when the request targets Tarantool 3.x (declarative config.yaml) rather than 2.11 (box.cfg).</summary>
    public bool IsDeclarativeConfig => Requests.TarantoolVersion.Parse(TarantoolVersion).Major >= 3;

    /// <summary>Number of storage replicasets: the shard count when sharding, otherwise one.</summary>
    public int StorageReplicasets => EnableSharding ? ShardCount : 1;
}
