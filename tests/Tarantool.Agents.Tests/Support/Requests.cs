using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Support;

internal static class Requests
{
    public static ClusterRequest Orders() => new()
    {
        ClusterName = "orders",
        ClusterType = ClusterType.Sharded,
        Environment = DeploymentEnvironment.Production,
        EnableSharding = true,
        ShardCount = 4,
        Description = "Orders DB, 300 GB, 40k read RPS",
    };
}
