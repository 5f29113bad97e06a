using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// The resources of <c>/mcp</c>: files of finished runs as <c>bundle://{run}/{path}</c>. The listing shows the newest
/// runs' bundles; any run's file reads through the template. Paths outside a bundle are refused.
/// </summary>
internal sealed class ServiceBundleResources(IRunService runs) : IBundleResources
{
    /// <summary>Runs whose files the listing shows (newest first); older runs' files are still readable by URI.</summary>
    public const int ListedRuns = 5;

    private const string Scheme = "bundle://";

    public IReadOnlyList<ResourceTemplate> Templates { get; } =
    [
        new ResourceTemplate
        {
            UriTemplate = Scheme + "{run}/{+path}",
            Name = "bundle-file",
            Title = "A file of a run's bundle",
            Description = "A file of the bundle a run wrote, by run id and path inside the bundle, e.g. bundle://run_.../tarantool/config.yaml.",
        },
    ];

    public static string UriOf(string runId, string path) =>
        Scheme + runId + "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public async ValueTask<ListResourcesResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var page = await runs.ListAsync(ListedRuns, null, cancellationToken);
        var resources = new List<Resource>();
        foreach (var run in page.Data)
        {
            if (await runs.BundlePathAsync(run.Id, cancellationToken) is not { } bundle) continue;
            var name = run.Request.ValueKind == System.Text.Json.JsonValueKind.Object && run.Request.TryGetProperty("clusterName", out var cluster) ? cluster.GetString() : run.Id;
            foreach (var path in BundleFiles.List(bundle))
            {
                resources.Add(new Resource
                {
                    Uri = UriOf(run.Id, path),
                    Name = $"{name}/{path}",
                    Title = $"{path} ({name}, {run.Id})",
                    MimeType = BundleFiles.MimeType(path),
                    Size = new FileInfo(Path.Combine(bundle, path)).Length,
                });
            }
        }

        return new ListResourcesResult { Resources = resources };
    }

    public async ValueTask<ReadResourceResult> ReadAsync(string uri, CancellationToken cancellationToken = default)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
            throw new McpProtocolException($"'{RequestArguments.Shorten(uri)}' is not a bundle resource; use bundle://{{run}}/{{path}}.", McpErrorCode.InvalidParams);
        var rest = uri[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var runId = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : Uri.UnescapeDataString(rest[(slash + 1)..]);
        if (!RunIdShape(runId) || await runs.BundlePathAsync(runId, cancellationToken) is not { } bundle)
            throw new McpProtocolException($"There is no finished run '{RequestArguments.Shorten(runId)}' with a bundle.", McpErrorCode.ResourceNotFound);
        if (BundleFiles.Resolve(bundle, path) is not { } full)
            throw new McpProtocolException($"'{RequestArguments.Shorten(path)}' is not a file of the bundle of run {runId}.", McpErrorCode.ResourceNotFound);
        return new ReadResourceResult { Contents = [BundleFiles.Read(uri, full)] };
    }

    private static bool RunIdShape(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
