using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>What every step of the capacity plan reads: the request, its environment, the resolved workload.</summary>
internal sealed record PlanningInputs(ClusterRequest Request, EnvironmentProfile Profile, ResolvedWorkload Workload, Language Language, FormulaLog Log)
{
    /// <summary>Storage replicasets: the request's, or the count the data needs when the request left it to the plan
    /// (<see cref="ShardPlanner"/>).</summary>
    public int Shards { get; init; } = ClusterShape.StorageReplicasets(Request);

    public int Sites { get; } = ClusterShape.Sites(Request);

    public bool IsProduction => Request.Environment == DeploymentEnvironment.Production;

    public bool IsTrueMasterMaster => ClusterShape.IsTrueMasterMaster(Request);

    /// <summary>WAL rows per second every member of one storage replicaset writes (its shard's writes).</summary>
    public double WritesPerShard => Workload.WriteRps / (double)Shards;

    /// <summary>Bytes of one WAL row: the tuple plus its header.</summary>
    public int WalRowBytes => Workload.AverageRecordBytes + PlanningConstants.WalRowOverheadBytes;

    public string T(string english, string russian) => Language.Pick(english, russian);
}
