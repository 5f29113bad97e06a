using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ShardingSettings(
    [property: Description("True when the cluster is sharded with vshard.")] bool Enabled,
    [property: Description("sharding.bucket_count (global only); equals the capacity plan's; 0 when not sharded.")] int BucketCount,
    [property: Description("sharding.rebalancer_mode: auto, manual, off; empty when not sharded or not supported by the target version.")] string RebalancerMode,
    [property: Description("The storage replicaset carrying the rebalancer role; empty for automatic choice.")] string RebalancerReplicaset,
    [property: Description("The user routers and the rebalancer log in as (iproto.advertise.sharding.login).")] string StorageUser);
