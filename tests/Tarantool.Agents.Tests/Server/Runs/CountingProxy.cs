using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// A reverse proxy on loopback in front of the served expert that counts chat calls per phase key (read from the
/// prompt's phase marker) and delays each one, so that a separate <c>serve</c> process is still mid-run when a test
/// kills it, and the test can tell which phases were asked again.
/// </summary>
internal sealed partial class CountingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly TimeSpan _delay;

    private CountingProxy(WebApplication app, HttpClient upstream, TimeSpan delay)
    {
        _app = app;
        _upstream = upstream;
        _delay = delay;
    }

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public string Endpoint => _app.Urls.First().TrimEnd('/') + "/v1";

    public static async Task<CountingProxy> StartAsync(Uri upstream, TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CountingProxy(app, new HttpClient { BaseAddress = upstream }, delay);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            var phase = Marker().Match(Encoding.UTF8.GetString(body.ToArray())) is { Success: true } m ? m.Groups[1].Value : "?";
            Calls.AddOrUpdate(phase, 1, (_, n) => n + 1);
            await Task.Delay(_delay, context.RequestAborted);
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/json");
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // In the JSON body the marker's quotes are escaped: <phase id=\"1\" key=\"capacity-planning\" ...
    [GeneratedRegex(@"<phase\b[^>]*?\bkey=\\""([a-z-]+)\\""")]
    private static partial Regex Marker();
}
