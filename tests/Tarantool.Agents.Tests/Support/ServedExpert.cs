using Microsoft.AspNetCore.Builder;
using Tarantool.Agents.Server;

namespace Tarantool.Agents.Tests.Support;

/// <summary>The expert served over real HTTP on a free loopback port for the duration of a test.</summary>
internal sealed class ServedExpert : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedExpert(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>The OpenAI-style base URL: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string Endpoint => BaseAddress.ToString().TrimEnd('/') + "/v1";

    public static async Task<ServedExpert> StartAsync()
    {
        var app = ExpertServer.Build(["http://127.0.0.1:0"]);
        await app.StartAsync();
        return new ServedExpert(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
