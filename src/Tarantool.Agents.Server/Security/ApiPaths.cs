using Microsoft.AspNetCore.Http;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// The paths behind keys and rate limits: the API (<c>/v1</c>) and MCP (<c>/mcp</c>). Decided by path rather than by
/// endpoint metadata so that every endpoint added under them is protected without opting in; <c>/healthz</c> and
/// the page shell (<c>GET /</c>) stay open for load balancers and browsers.
/// </summary>
internal static class ApiPaths
{
    public static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase);
}
