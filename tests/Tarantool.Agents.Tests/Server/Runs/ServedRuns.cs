using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Server;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// <c>serve</c>'s app with the runs service, built as the command builds it (the model configured as for plan, or a
/// test model inside the product's middleware), on a free loopback port, over a given data dir.
/// </summary>
internal sealed class ServedRuns : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedRuns(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public static async Task<ServedRuns> StartAsync(string dataDirectory, IChatClient? model = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, RichOutput: false)
        {
            ChatClientOverride = model is null ? null : _ => model,
            SettingOverrides = settings ?? new Dictionary<string, string?>(),
        };
        var configuration = ProductConfiguration.Build(AssetLocator.Locate(), environment.SettingOverrides);
        var hosting = await ServeCommand.CreateHostingAsync(
            environment, ProductConfiguration.ModelOptions(configuration), configuration, dataDirectory, NullLoggerFactory.Instance, CancellationToken.None);
        var app = ExpertServer.Build(["http://127.0.0.1:0"], NullLoggerFactory.Instance, hosting);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ServedRuns(app, dataDirectory);
    }

    public async Task<string> SubmitAsync(object body)
    {
        using var response = await Http.PostAsync("/v1/runs", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string id) => (await Http.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}"));

    /// <summary>Reads the run's event stream to its end (the run's final event).</summary>
    public async Task<List<SseEvent>> EventsAsync(string id, long? lastEventId = null, Func<SseEvent, Task>? onEvent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/runs/{id}/events");
        if (lastEventId is { } last) request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<SseEvent>();
        string? eventId = null, type = null, data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) eventId = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && type is not null)
            {
                var item = new SseEvent(long.Parse(eventId!, System.Globalization.CultureInfo.InvariantCulture), type, JsonDocument.Parse(data!).RootElement.Clone());
                events.Add(item);
                if (onEvent is not null) await onEvent(item);
                eventId = type = data = null;
            }
        }

        return events;
    }

    /// <summary>Waits until the run has finished and returns it.</summary>
    public async Task<JsonElement> FinishedAsync(string id)
    {
        await EventsAsync(id);
        return await GetAsync(id);
    }

    public static StringContent Json(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record SseEvent(long Id, string Type, JsonElement Data);
