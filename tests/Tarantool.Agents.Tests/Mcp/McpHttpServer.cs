using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>
/// The real <c>tarantool-agents serve</c> process (Kestrel on a free loopback port, runs in a temporary data dir) with
/// the official C# SDK client on <c>/mcp</c> over streamable HTTP; one per test class.
/// </summary>
public sealed partial class McpHttpServer : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public McpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _temp.Path };
        foreach (var argument in new[] { cli, "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _temp.Combine("data") }) info.ArgumentList.Add(argument);
        info.Environment["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root;
        info.Environment["NO_COLOR"] = "1";
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ServingAt().Match(line) is { Success: true } match)
            {
                BaseAddress = new Uri(match.Groups[1].Value);
                break;
            }
        }

        if (BaseAddress is null) throw new InvalidOperationException($"serve did not start (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
        // Keep draining stdout so the server never blocks on a full pipe.
        _ = _process.StandardOutput.ReadToEndAsync();

        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "tarantool-agents-http",
        });
        // The client first probes with server/discover (protocol 2026-07-28), which this server answers; on a loaded
        // machine the probe's 5 s default can lapse, and the SDK's fallback then sends a mismatched version header.
        var options = new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan, InitializationTimeout = TimeSpan.FromMinutes(2) };
        Client = await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null) await Client.DisposeAsync();
        Http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _temp.Dispose();
    }

    [GeneratedRegex(@"^Serving at (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingAt();
}
