using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Tarantool.Agents.Server;

namespace Tarantool.Agents.Tests.Server.Security;

/// <summary>
/// The service on a free loopback port with the given <c>Server:*</c> settings, its log captured, for one test.
/// </summary>
internal sealed class SecuredServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StringWriter _log;

    private SecuredServer(WebApplication app, StringWriter log)
    {
        _app = app;
        _log = log;
    }

    public Uri BaseAddress => new(_app.Urls.First());

    public string Endpoint => BaseAddress.ToString().TrimEnd('/') + "/v1";

    /// <summary>Everything the service logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<SecuredServer> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var log = new StringWriter();
        var app = ExpertServer.Build(["http://127.0.0.1:0"], configuration: configuration, log: log);
        await app.StartAsync();
        return new SecuredServer(app, log);
    }

    /// <summary>Waits until the log holds <paramref name="text"/>: a request is logged once its response is complete.</summary>
    public async Task<string> LogContainingAsync(string text)
    {
        for (var i = 0; i < 100 && !Log.Contains(text, StringComparison.Ordinal); i++) await Task.Delay(50);
        return Log;
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The key id an operator computes: <c>printf %s KEY | sha256sum | cut -c1-12</c>.</summary>
    public static string KeyId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
