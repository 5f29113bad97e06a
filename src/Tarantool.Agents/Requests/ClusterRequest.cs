namespace Tarantool.Agents.Requests;

/// <summary>
/// The resolved request: the seed's parameters, the target version, the workload and the user's description.
/// Every phase receives it as $ARGUMENTS.
/// </summary>
public sealed record ClusterRequest
{
    public const int DefaultBackupRetentionDays = 30;
    public const int DefaultShardCount = 3;

    public required string ClusterName { get => Read(field, CarriedFields.ClusterName); init; }
    public required ClusterType ClusterType { get => Read(field, CarriedFields.ClusterType); init; }
    public required DeploymentEnvironment Environment { get => Read(field, CarriedFields.Environment); init; }
    public CloudProvider CloudProvider { get => Read(field, CarriedFields.CloudProvider); init; } = CloudProvider.OnPremises;
    public HaStrategy HaStrategy { get => Read(field, CarriedFields.HaStrategy); init; } = HaStrategy.ActiveFailover;
    public int BackupRetentionDays { get => Read(field, CarriedFields.BackupRetentionDays); init; } = DefaultBackupRetentionDays;
    public bool EnableSharding { get => Read(field, CarriedFields.EnableSharding); init; }
    public ReplicationMode ReplicationMode { get => Read(field, CarriedFields.ReplicationMode); init; } = ReplicationMode.MasterSlave;
    public int ShardCount { get => Read(field, CarriedFields.ShardCount); init; } = DefaultShardCount;

    /// <summary>
    /// True when no one gave the shard count and <see cref="ShardCount"/> is only the default: the capacity plan then
    /// chooses the count the data needs. False (the user's count, kept even when it is too small) unless the intake
    /// says otherwise; written to JSON only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool ShardCountIsDefault { get => Read(field, CarriedFields.ShardCount); init; }

    /// <summary>
    /// Instances in every storage replicaset, the leader included (Tarantool's "replicas" of a replicaset); null when
    /// no one said, and the plan derives it from the environment, the failover and the sites. Written to JSON only
    /// when set.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Replicas { get => Read(field, CarriedFields.Replicas); init; }
    public string TarantoolVersion { get => Read(field, CarriedFields.TarantoolVersion); init; } = Requests.TarantoolVersion.Default.ToString();
    public Edition Edition { get => Read(field, CarriedFields.Edition); init; } = Edition.Community;

    /// <summary>VMs or Kubernetes; unless set, the form the cloud implies (<see cref="DefaultDeployment"/>).</summary>
    public DeploymentForm Deployment
    {
        get => Read(_deployment, CarriedFields.Deployment) ?? DefaultDeployment(CloudProvider);
        init => _deployment = value;
    }

    private readonly DeploymentForm? _deployment;

    /// <summary>Recovery point objective: the most writes, in seconds, the user accepts to lose; null when not stated.</summary>
    public int? RpoSeconds { get => Read(field, CarriedFields.Rpo); init; }

    /// <summary>Recovery time objective: how long, in seconds, the service may be down; null when not stated.</summary>
    public int? RtoSeconds { get => Read(field, CarriedFields.Rto); init; }

    public Workload Workload { get => Read(field, CarriedFields.Workload); init; } = new();
    public string Description { get => Read(field, CarriedFields.Description); init; } = "";

    /// <summary>
    /// The fields this request holds. A phase prompt carries only the fields its phase declares, and the request a
    /// model (the embedded expert) reads back from it holds only those: reading any other field throws, so an answer
    /// can never depend on a field its prompt did not carry (and reuse a stale answer after that field changed).
    /// Every field unless narrowed by <see cref="Carrying"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CarriedFields Carried { get; private init; } = CarriedFields.All;

    /// <summary>This request holding only <paramref name="fields"/> (and only those it already holds).</summary>
    public ClusterRequest Carrying(CarriedFields fields) => this with { Carried = Carried & fields };

    /// <summary>True when this request holds every one of <paramref name="fields"/>.</summary>
    public bool Carries(CarriedFields fields) => (Carried & fields) == fields;

    private T Read<T>(T value, CarriedFields field) =>
        (Carried & field) != 0 ? value : throw new RequestFieldNotCarriedException(field);

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
