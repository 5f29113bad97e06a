using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tarantool.Agents.Tests.Server.Runs.Postgres;

/// <summary>
/// The served expert behind a loopback proxy that records every phase call (which instance asked, for which cluster,
/// for which phase) and answers slowly enough that a run can be killed between its phases. Each instance gets its own
/// endpoint, <c>/{instance}/v1</c>, so the record says who called.
/// </summary>
internal sealed partial class RecordingModel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServedExpert _expert;
    private readonly HttpClient _upstream;
    private readonly TimeSpan _delay;
    private readonly List<Call> _calls = [];

    private RecordingModel(WebApplication app, ServedExpert expert, TimeSpan delay)
    {
        _app = app;
        _expert = expert;
        _upstream = new HttpClient { BaseAddress = expert.BaseAddress };
        _delay = delay;
    }

    /// <summary>One phase prompt sent to the model.</summary>
    public sealed record Call(string Instance, string Cluster, string Phase);

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_calls) return [.. _calls];
        }
    }

    public string EndpointFor(string instance) => _app.Urls.First().TrimEnd('/') + "/" + instance + "/v1";

    public static async Task<RecordingModel> StartAsync(TimeSpan delay)
    {
        var expert = await ServedExpert.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new RecordingModel(app, expert, delay);
        app.Run(model.HandleAsync);
        await app.StartAsync();
        return model;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // "/{instance}/v1/..." -> instance, "/v1/...".
        var segments = (context.Request.Path.Value ?? "").Split('/', 2, StringSplitOptions.RemoveEmptyEntries);
        var instance = segments.Length > 0 ? segments[0] : "";
        var rest = "/" + (segments.Length > 1 ? segments[1] : "");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (rest.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            if (Describe(instance, body.ToArray()) is { } call)
            {
                lock (_calls) _calls.Add(call);
            }

            await Task.Delay(_delay, context.RequestAborted);
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), rest + context.Request.QueryString);
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

    /// <summary>The phase (from the prompt's phase marker) and the cluster (from its request block) of a chat call.</summary>
    private static Call? Describe(string instance, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var text = string.Join("\n", document.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content") switch
        {
            { ValueKind: JsonValueKind.String } content => content.GetString(),
            { ValueKind: JsonValueKind.Array } parts => string.Join("\n", parts.EnumerateArray().Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString())),
            _ => "",
        }));
        var phase = PhaseMarker().Match(text);
        var cluster = ClusterName().Match(text);
        return phase.Success && cluster.Success ? new Call(instance, cluster.Groups[1].Value, phase.Groups[1].Value) : null;
    }

    [GeneratedRegex("<phase id=\"\\d+\" key=\"([a-z0-9-]+)\"")]
    private static partial Regex PhaseMarker();

    [GeneratedRegex("\"clusterName\": \"([^\"]+)\"")]
    private static partial Regex ClusterName();

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _expert.DisposeAsync();
    }
}
