namespace Tarantool.Agents.Requests;

/// <summary>The shape of the cluster; serialized in the seed's kebab-case spelling ("single-instance").</summary>
public enum ClusterType
{
    SingleInstance,
    Replicated,
    Cartridge,
    Sharded,
    MultiRegion,
}
