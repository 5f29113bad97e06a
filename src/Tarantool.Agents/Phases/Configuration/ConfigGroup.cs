namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Name">Group name: <c>storages</c>, <c>routers</c> or <c>db</c>.</param>
/// <param name="ShardingRoles">vshard roles of the group (<c>storage</c>, <c>router</c>); empty when not sharded.</param>
/// <param name="Replicasets">Names of the replicasets in the group, as in the topology.</param>
/// <param name="Failover"><c>replication.failover</c> set on the group, or empty to inherit the global value.</param>
public sealed record ConfigGroup(string Name, IReadOnlyList<string> ShardingRoles, IReadOnlyList<string> Replicasets, string Failover);
