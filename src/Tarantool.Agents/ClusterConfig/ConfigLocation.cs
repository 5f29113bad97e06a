using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>One scope node of a cluster config: the global root, a group, a replicaset or an instance.</summary>
public sealed record ConfigLocation(ConfigScope Scope, string Group, string Replicaset, string Instance, YamlMappingNode Node)
{
    /// <summary>A readable path such as <c>groups.storages.replicasets.storage-001.instances.storage-001-1</c>.</summary>
    public string Path => Scope switch
    {
        ConfigScope.Global => "(global)",
        ConfigScope.Group => $"groups.{Group}",
        ConfigScope.Replicaset => $"groups.{Group}.replicasets.{Replicaset}",
        _ => $"groups.{Group}.replicasets.{Replicaset}.instances.{Instance}",
    };
}
