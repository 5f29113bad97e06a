using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A reverse proxy on loopback between a client and the served expert that makes a share of the calls fail the way
/// real providers do: 429 with Retry-After or retry-after-ms, 500/503, dropped connections, garbled and truncated
/// bodies. The schedule is deterministic, so a run is repeatable.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    public enum Fault { None, TooManyRequests, TooManyRequestsMs, ServerError, Unavailable, Dropped, Garbled, Truncated }

    private static readonly Fault[] Faults = [Fault.TooManyRequests, Fault.TooManyRequestsMs, Fault.ServerError, Fault.Unavailable, Fault.Dropped, Fault.Garbled, Fault.Truncated];

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly int _offset;
    private int _faults;
    private readonly double _failureRate;
    private readonly List<Fault> _log = [];

    private FaultProxy(WebApplication app, HttpClient upstream, double failureRate, int seed)
    {
        _app = app;
        _upstream = upstream;
        _failureRate = failureRate;
        _offset = seed;
    }

    public string Endpoint => _app.Urls.First().TrimEnd('/') + "/v1";

    /// <summary>What each proxied chat call got, in order.</summary>
    public IReadOnlyList<Fault> Log
    {
        get
        {
            lock (_log) return [.. _log];
        }
    }

    public static async Task<FaultProxy> StartAsync(Uri upstream, double failureRate, int seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultProxy(app, new HttpClient { BaseAddress = upstream }, failureRate, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    private Fault Next(string path)
    {
        if (!path.EndsWith("/chat/completions", StringComparison.Ordinal)) return Fault.None;
        lock (_log)
        {
            // Deterministic: the calls that fail are spread evenly at the given rate, and each kind of fault takes its
            // turn (starting at a seeded offset), so every run sees them all.
            var index = _log.Count;
            var failing = (int)Math.Floor((index + 1) * _failureRate) > (int)Math.Floor(index * _failureRate);
            var fault = failing ? Faults[(_offset + _faults++) % Faults.Length] : Fault.None;
            _log.Add(fault);
            return fault;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var fault = Next(context.Request.Path.Value ?? "");
        switch (fault)
        {
            case Fault.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "requests" } });
                return;
            case Fault.TooManyRequestsMs:
                context.Response.StatusCode = 429;
                context.Response.Headers["retry-after-ms"] = "15";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "tokens" } });
                return;
            case Fault.ServerError or Fault.Unavailable:
                context.Response.StatusCode = fault == Fault.ServerError ? 500 : 503;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
                return;
            case Fault.Dropped:
                context.Abort();
                return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(context.Request.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/json");
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        body = fault switch
        {
            Fault.Garbled => "{\"id\": \"x\", \"choices\": [ <html>Bad gateway</html>"u8.ToArray(),
            Fault.Truncated => body[..(body.Length / 2)],
            _ => body,
        };
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
