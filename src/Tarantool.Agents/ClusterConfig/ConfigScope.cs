namespace Tarantool.Agents.ClusterConfig;

/// <summary>The levels of a Tarantool 3 cluster config where an instance option may appear.</summary>
public enum ConfigScope
{
    Global,
    Group,
    Replicaset,
    Instance,
}
