using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Expert.Topology;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

/// <summary>Requests, contexts and upstream outputs for the design phases' tests.</summary>
internal static class DesignRequests
{
    public static ClusterRequest Request(
        ClusterType type = ClusterType.Sharded,
        DeploymentEnvironment environment = DeploymentEnvironment.Production,
        HaStrategy ha = HaStrategy.ActiveFailover,
        bool? sharding = null,
        int shards = 3,
        ReplicationMode replication = ReplicationMode.MasterSlave,
        CloudProvider cloud = CloudProvider.OnPremises,
        string version = "3.7",
        Workload? workload = null) => new()
    {
        ClusterName = "orders",
        ClusterType = type,
        Environment = environment,
        HaStrategy = ha,
        EnableSharding = sharding ?? type is ClusterType.Sharded,
        ShardCount = shards,
        ReplicationMode = replication,
        CloudProvider = cloud,
        TarantoolVersion = version,
        Workload = workload ?? new Workload(),
    };

    public static PhaseContext Context(ClusterRequest request, Language language = Language.En, params object[] inputs) =>
        new(request, language, inputs.ToDictionary(i => i.GetType().Name, i => i));

    public static CapacityPlan Plan(ClusterRequest request) => new CapacityPlanningExpert().Design(Context(request));

    public static ClusterTopology TopologyOf(ClusterRequest request, CapacityPlan? plan = null) =>
        new TopologyExpert().Design(Context(request, Language.En, plan ?? Plan(request)));

    /// <summary>Every combination of cluster type, environment, HA strategy, replication mode, version and sites.</summary>
    public static IEnumerable<ClusterRequest> Matrix()
    {
        foreach (var type in Enum.GetValues<ClusterType>())
        foreach (var environment in Enum.GetValues<DeploymentEnvironment>())
        foreach (var ha in Enum.GetValues<HaStrategy>())
        foreach (var mode in Enum.GetValues<ReplicationMode>())
        foreach (var version in new[] { "3.7", "2.11" })
        foreach (var regions in new int?[] { null, 2 })
            yield return Request(type, environment, ha, replication: mode, version: version, workload: new Workload { Regions = regions },
                cloud: (CloudProvider)((int)type % 5));
    }
}
