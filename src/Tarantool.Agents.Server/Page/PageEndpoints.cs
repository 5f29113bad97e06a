using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// The web page on <c>serve</c>: <c>GET /</c> with its script and style sheet. The page talks to the runs API
/// (<c>/v1/runs</c>) from the browser, like any other client.
/// </summary>
public static class PageEndpoints
{
    /// <summary>
    /// Scripts and styles only from this server, no inline script, nothing embedded elsewhere: even a bug that let
    /// model text reach the DOM as markup could not run code or load anything from outside.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Maps <c>GET /</c>, <c>GET /page/app.js</c> and <c>GET /page/app.css</c>.</summary>
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
        return routes;
    }

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
