using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// The stdio server's resources: the files of the bundles <c>plan_cluster</c> wrote in this session, as
/// <c>file://</c> URIs (the client runs on the same machine). Only files inside those bundle folders are readable.
/// </summary>
internal sealed class SessionBundleResources : IBundleResources
{
    private readonly object _gate = new();
    private readonly List<string> _roots = [];

    public IReadOnlyList<ResourceTemplate> Templates => [];

    /// <summary>Adds a bundle folder written in this session (again after a rerun: it stays listed once).</summary>
    public void Add(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        lock (_gate)
        {
            if (!_roots.Contains(full, StringComparer.Ordinal)) _roots.Add(full);
        }
    }

    /// <summary>The file URI of a bundle file, as listed and read.</summary>
    public static string UriOf(string root, string relativePath) =>
        new Uri(Path.Combine(Path.GetFullPath(root), relativePath.Replace('/', Path.DirectorySeparatorChar))).AbsoluteUri;

    public ValueTask<ListResourcesResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var resources = new List<Resource>();
        foreach (var root in Roots())
        {
            var bundle = Path.GetFileName(root);
            foreach (var path in BundleFiles.List(root))
            {
                var full = Path.Combine(root, path);
                resources.Add(new Resource
                {
                    Uri = UriOf(root, path),
                    Name = $"{bundle}/{path}",
                    Title = $"{path} ({bundle})",
                    MimeType = BundleFiles.MimeType(path),
                    Size = new FileInfo(full).Length,
                });
            }
        }

        return ValueTask.FromResult(new ListResourcesResult { Resources = resources });
    }

    public ValueTask<ReadResourceResult> ReadAsync(string uri, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
            throw new McpProtocolException($"'{RequestArguments.Shorten(uri)}' is not a file URI of a bundle written in this session.", McpErrorCode.InvalidParams);
        var path = Path.GetFullPath(parsed.LocalPath);
        foreach (var root in Roots())
        {
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (BundleFiles.Resolve(root, relative) is { } full)
                return ValueTask.FromResult(new ReadResourceResult { Contents = [BundleFiles.Read(uri, full)] });
        }

        throw new McpProtocolException(
            $"'{RequestArguments.Shorten(uri)}' is not a file of a bundle written in this session; list the resources for the files that are.",
            McpErrorCode.ResourceNotFound);
    }

    private List<string> Roots()
    {
        lock (_gate) return [.. _roots];
    }
}
