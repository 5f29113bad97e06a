using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// The web page on <c>serve</c>: <c>GET /</c> with its script and style sheet. The page talks to the runs API
/// (<c>/v1/runs</c>) from the browser, like any other client.
/// </summary>
public static partial class PageEndpoints
{
    /// <summary>
    /// Scripts and styles only from this server, no inline script, nothing embedded elsewhere: even a bug that let
    /// model text reach the DOM as markup could not run code or load anything from outside.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A narrative fragment is inserted into the page, never meant to be opened on its own: opened directly, it is
    /// sandboxed and may load nothing.
    /// </summary>
    internal const string FragmentSecurityPolicy = "sandbox; default-src 'none'";

    /// <summary>
    /// Maps <c>GET /</c>, <c>GET /page/app.js</c>, <c>GET /page/app.css</c> and
    /// <c>GET /v1/runs/{id}/narratives/{key}.html</c>; the last needs the runs service (<c>AddRuns</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext http) =>
        {
            Protect(http.Response);
            http.Response.Headers.Vary = "Accept-Language";
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Content(PageDocument.Render(PageLanguage.From(http.Request)), "text/html; charset=utf-8");
        });
        routes.MapGet("/page/app.js", (HttpContext http) => Asset(http, "app.js", "text/javascript; charset=utf-8"));
        routes.MapGet("/page/app.css", (HttpContext http) => Asset(http, "app.css", "text/css; charset=utf-8"));
        routes.MapGet("/v1/runs/{id}/narratives/{key}.html", NarrativeAsync);
        return routes;
    }

    /// <summary>A phase's narrative (<c>phases/NN-key.md</c> of the run's bundle) as a safe HTML fragment.</summary>
    private static async Task<IResult> NarrativeAsync(string id, string key, HttpContext http, IRunService runs, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(id, cancellationToken) is not { } run) return RunErrors.UnknownRun(id);
        if (!PhaseKey().IsMatch(key)) return RunErrors.NotFound("A narrative is named by its phase key, such as 'capacity-planning'.", "key");
        if (await runs.BundlePathAsync(id, cancellationToken) is not { } bundle)
        {
            return RunStatus.IsFinal(run.Status)
                ? RunErrors.NotFound($"The run '{id}' was {run.Status} before it wrote a bundle.")
                : RunErrors.Conflict($"The run '{id}' is {run.Status}; its narratives are ready when it finishes.", "run_not_finished");
        }

        var folder = Path.Combine(bundle, "phases");
        var file = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)
                .FirstOrDefault(name => NarrativeFile().Match(name!) is { Success: true } m && m.Groups["key"].Value == key)
            : null;
        if (file is null) return RunErrors.NotFound($"The run '{id}' has no narrative for the phase '{key}'.", "key");

        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, file), cancellationToken);
        var html = NarrativeHtml.Render(markdown, "phases/" + file, $"/v1/runs/{Uri.EscapeDataString(id)}/files/");
        http.Response.Headers.ContentSecurityPolicy = FragmentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex PhaseKey();

    [GeneratedRegex(@"^\d{2}-(?<key>[a-z0-9-]+)\.md$")]
    private static partial Regex NarrativeFile();

    internal static void Protect(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static IResult Asset(HttpContext http, string name, string contentType)
    {
        Protect(http.Response);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(PageAssets.Text(name), contentType);
    }
}
