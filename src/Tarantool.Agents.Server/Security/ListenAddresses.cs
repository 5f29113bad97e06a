using System.Net;

namespace Tarantool.Agents.Server.Security;

/// <summary>Which listen URLs only this machine can reach.</summary>
internal static class ListenAddresses
{
    /// <summary>
    /// True for <c>localhost</c> and loopback IP literals (127.0.0.0/8, ::1). Wildcards (<c>0.0.0.0</c>, <c>[::]</c>,
    /// <c>*</c>, <c>+</c>) and host names are reachable from elsewhere, or may be, so they count as public.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static IReadOnlyList<string> Public(IEnumerable<string> urls) => [.. urls.Where(u => !IsLoopback(u))];
}
