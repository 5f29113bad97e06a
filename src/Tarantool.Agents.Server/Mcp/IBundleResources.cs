using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>The files of bundles as MCP resources: listed, read, and (for the service) addressed by a template.</summary>
internal interface IBundleResources
{
    IReadOnlyList<ResourceTemplate> Templates { get; }

    ValueTask<ListResourcesResult> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The file behind <paramref name="uri"/>. A URI that names no file of a known bundle (another scheme, a path
    /// outside the bundle, a link leading out of it, a missing file) is refused with a protocol error.
    /// </summary>
    ValueTask<ReadResourceResult> ReadAsync(string uri, CancellationToken cancellationToken = default);
}
