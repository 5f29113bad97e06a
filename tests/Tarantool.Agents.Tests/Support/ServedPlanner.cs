using System.Text.RegularExpressions;
using Tarantool.Agents.Cli;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// <c>tarantool-agents serve</c> as a user starts it (in-process, real Kestrel on a free loopback port, a fresh data
/// dir, the offline expert), for tests that talk to it over HTTP.
/// </summary>
internal sealed partial class ServedPlanner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _serving;
    private readonly TempDirectory _data;

    private ServedPlanner(CancellationTokenSource stop, Task<int> serving, TempDirectory data, Uri baseAddress)
    {
        (_stop, _serving, _data, BaseAddress) = (stop, serving, data, baseAddress);
    }

    public Uri BaseAddress { get; }

    /// <summary>The OpenAI-style base URL: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string Endpoint => BaseAddress.ToString().TrimEnd('/') + "/v1";

    public static async Task<ServedPlanner> StartAsync()
    {
        var data = new TempDirectory();
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var environment = new CliEnvironment(synchronized, TextWriter.Synchronized(new StringWriter()), new StringReader(""), RichOutput: false);
        var stop = new CancellationTokenSource();
        var serving = CliApp.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Combine("data")], environment, stop.Token);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            string text;
            lock (synchronized) text = output.ToString();
            if (ServingAt().Match(text) is { Success: true } match)
                return new ServedPlanner(stop, serving, data, new Uri(match.Groups["url"].Value));
            if (serving.IsCompleted)
                throw new InvalidOperationException($"serve ended with {await serving}: {text}");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        throw new TimeoutException("serve did not start within two minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _stop.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex(@"Serving at (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingAt();
}
