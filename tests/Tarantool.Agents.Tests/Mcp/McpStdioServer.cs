using ModelContextProtocol.Client;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>
/// The real <c>tarantool-agents mcp</c> process (the built CLI, as CrashSafetyTests starts it) with the official C# SDK
/// client over its stdin/stdout; one per test class, with its own output root.
/// </summary>
public sealed class McpStdioServer : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly List<string> _stderr = [];

    public string OutputRoot => _temp.Combine("bundles");

    public McpClient Client { get; private set; } = null!;

    /// <summary>What the server wrote on stderr (logs), to show when a test fails.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr) return string.Join('\n', _stderr);
        }
    }

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "tarantool-agents",
            Command = "dotnet",
            Arguments = [cli, "mcp", "--output-root", OutputRoot],
            WorkingDirectory = _temp.Path,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root,
                ["NO_COLOR"] = "1",
            },
            StandardErrorLines = line =>
            {
                lock (_stderr) _stderr.Add(line);
            },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // A cold process on a loaded machine may take longer than the discover probe's 5 s default to answer.
        var options = new McpClientOptions { DiscoverProbeTimeout = Timeout.InfiniteTimeSpan, InitializationTimeout = TimeSpan.FromMinutes(2) };
        Client = await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null) await Client.DisposeAsync();
        _temp.Dispose();
    }
}
