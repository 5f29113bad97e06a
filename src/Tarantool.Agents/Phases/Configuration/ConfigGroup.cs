using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ConfigGroup(
    [property: Description("Group name: storages, routers or db.")] string Name,
    [property: Description("vshard roles of the group (storage, router); empty when not sharded.")] IReadOnlyList<string> ShardingRoles,
    [property: Description("Names of the replicasets in the group, as in the topology.")] IReadOnlyList<string> Replicasets,
    [property: Description("replication.failover set on the group, or empty to inherit the global value."), OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.GroupFailover))] string Failover);
