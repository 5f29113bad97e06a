using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Decides the <see cref="TarantoolTooling"/> of a request.</summary>
public static class ClusterTooling
{
    /// <summary>Cartridge wins over the version: Cartridge has no 3.x line, so its commands are the Cartridge ones.</summary>
    public static TarantoolTooling Of(ClusterRequest request) =>
        request.ClusterType == ClusterType.Cartridge ? TarantoolTooling.Cartridge
        : request.IsDeclarativeConfig ? TarantoolTooling.DeclarativeConfig
        : TarantoolTooling.BoxCfg;
}
