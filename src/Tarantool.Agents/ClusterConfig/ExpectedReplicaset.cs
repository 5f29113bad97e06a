namespace Tarantool.Agents.ClusterConfig;

/// <summary>A replicaset the topology says must be in the config.</summary>
/// <param name="Router">True for vshard router replicasets (they hold no data and use the router memtx size).</param>
public sealed record ExpectedReplicaset(string Name, bool Router, IReadOnlyList<ExpectedInstance> Instances);
