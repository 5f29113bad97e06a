namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Section <c>Server:ForwardedHeaders</c>: the load balancers or reverse proxies in front of the service. Requests
/// from one of them have their client address (<c>X-Forwarded-For</c>) and scheme (<c>X-Forwarded-Proto</c>) taken
/// from the headers, so per-address rate limits and the request log see the real caller and links in replies use
/// the scheme the client used. Off while both lists are empty (the default): the headers are then ignored, and they
/// are always ignored on requests from any other address, since anyone can send them.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c> (<c>Server:ForwardedHeaders:KnownProxies:0</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c> (<c>Server:ForwardedHeaders:KnownNetworks:0</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
