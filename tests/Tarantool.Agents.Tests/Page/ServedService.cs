using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Server;

namespace Tarantool.Agents.Tests.Page;

/// <summary>
/// <c>serve</c> as the CLI builds it (runs API with its SQLite store in a temporary data dir, the page, the embedded
/// expert as the model), on a free loopback port for one test.
/// </summary>
internal sealed class ServedService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ServedService(WebApplication app, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress => new(_app.Urls.First());

    /// <param name="configure">Adds to the app before it starts (e.g. middleware standing in for a deployment's proxy).</param>
    /// <param name="model">The model the runs ask, inside the product's middleware (a failing or slow one); the
    /// configured model (the embedded expert) when null.</param>
    public static async Task<ServedService> StartAsync(Action<WebApplication>? configure = null, IChatClient? model = null)
    {
        var dataDirectory = ExternalTool.TempDirectory("page-serve");
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, RichOutput: false)
        {
            ChatClientOverride = model is null ? null : _ => model,
        };
        var settings = ProductConfiguration.Build(AssetLocator.Locate(), environment.SettingOverrides);
        var runs = await ServeCommand.CreateHostingAsync(
            environment, ProductConfiguration.ModelOptions(settings), settings, dataDirectory, NullLoggerFactory.Instance, CancellationToken.None);
        var app = ExpertServer.Build(["http://127.0.0.1:0"], NullLoggerFactory.Instance, runs);
        configure?.Invoke(app);
        await app.StartAsync();
        return new ServedService(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping run; the temp folder is cleaned by the system.
        }
    }
}
