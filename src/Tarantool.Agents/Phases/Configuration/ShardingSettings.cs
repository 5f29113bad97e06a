namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Enabled">True when the cluster is sharded with vshard.</param>
/// <param name="BucketCount"><c>sharding.bucket_count</c> (global only); equals the capacity plan's; 0 when not sharded.</param>
/// <param name="RebalancerMode"><c>sharding.rebalancer_mode</c>: auto, manual, off; empty when not sharded or not
/// supported by the target version.</param>
/// <param name="RebalancerReplicaset">The storage replicaset carrying the <c>rebalancer</c> role; empty for automatic choice.</param>
/// <param name="StorageUser">The user routers and the rebalancer log in as (<c>iproto.advertise.sharding.login</c>).</param>
public sealed record ShardingSettings(bool Enabled, int BucketCount, string RebalancerMode, string RebalancerReplicaset, string StorageUser);
