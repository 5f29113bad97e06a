using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tarantool.Agents.Server.Security;

/// <summary>Turns <see cref="ForwardedHeadersSettings"/> into ASP.NET Core's forwarded-headers options, and checks them.</summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Trusts exactly the configured proxies (ASP.NET Core's default trusts loopback, which a proxy on the same host
    /// would be, but a test or a sidecar need not be), and walks a chain of them from the nearest one: the client is
    /// the first address, from the right, that is not a trusted proxy.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = null;
        if (!settings.Enabled)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in settings.KnownProxies) if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
        foreach (var network in settings.KnownNetworks) if (System.Net.IPNetwork.TryParse(network, out var parsed)) options.KnownIPNetworks.Add(parsed);
    }

    /// <summary>Every entry that is not an address or a CIDR network, named by its setting.</summary>
    public static IEnumerable<string> Errors(ForwardedHeadersSettings settings)
    {
        const string section = "Server:ForwardedHeaders";
        for (var i = 0; i < settings.KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(settings.KnownProxies[i] ?? "", out _))
                yield return $"{section}:KnownProxies:{i} '{settings.KnownProxies[i]}' is not an IP address (e.g. 10.0.0.5 or fd00::5).";
        }

        for (var i = 0; i < settings.KnownNetworks.Length; i++)
        {
            if (!System.Net.IPNetwork.TryParse(settings.KnownNetworks[i] ?? "", out _))
                yield return $"{section}:KnownNetworks:{i} '{settings.KnownNetworks[i]}' is not a network in CIDR notation (e.g. 10.0.0.0/24).";
        }
    }
}
