using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Defaults that depend on the cluster type. They apply only when no source gave the field, and carry the
/// source of the cluster type they follow from.
/// </summary>
internal static class ImpliedDefaults
{
    /// <summary>Cartridge does not run on Tarantool 3.x; its last supported line is 2.11.</summary>
    public static readonly TarantoolVersion CartridgeVersion = new(2, 11);

    /// <summary>A sharded cluster is sharded: "--cluster-type sharded" alone turns sharding on.</summary>
    public static Sourced<bool> EnableSharding(Sourced<ClusterType>? clusterType) =>
        clusterType?.Value == ClusterType.Sharded
            ? new Sourced<bool>(true, clusterType.Source)
            : new Sourced<bool>(false, ValueSource.Default);

    /// <summary>The form the cloud implies (<see cref="ClusterRequest.DefaultDeployment"/>); always a default, since
    /// the cloud only suggests it.</summary>
    public static Sourced<DeploymentForm> Deployment(Sourced<CloudProvider> cloud) =>
        new(ClusterRequest.DefaultDeployment(cloud.Value), ValueSource.Default);

    public static Sourced<string> TarantoolVersion(Sourced<ClusterType>? clusterType) =>
        new(clusterType?.Value == ClusterType.Cartridge ? CartridgeVersion.ToString() : Requests.TarantoolVersion.Default.ToString(),
            ValueSource.Default);
}
