using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>
/// When iproto traffic (clients, replication, vshard) is encrypted. The <c>ssl</c> transport and the <c>ssl_*</c>
/// URI parameters exist only in Tarantool Enterprise Edition: Community Edition refuses such a config at start-up
/// ("This configuration parameter is available only in Tarantool Enterprise Edition"), so a Community design protects
/// the network instead (private networks, security groups, NetworkPolicy) and says how to move to Enterprise TLS.
/// </summary>
public static class IprotoTlsPolicy
{
    /// <summary>True when the request's edition can use iproto TLS at all.</summary>
    public static bool Available(ClusterRequest request) => request.Edition == Edition.Enterprise;

    /// <summary>The design's default: TLS for production traffic on Enterprise Edition.</summary>
    public static bool Wanted(ClusterRequest request) =>
        Available(request) && request.Environment == DeploymentEnvironment.Production;
}
