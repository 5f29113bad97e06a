using System.Diagnostics;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>
/// stdout of <c>tarantool-agents mcp</c> is the protocol and nothing else: an SDK client may skip a stray line, a
/// desktop assistant may drop the server for it. Read raw, line by line, over a whole plan.
/// </summary>
public sealed class McpStdoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_stdout_line_is_a_JSON_RPC_message_and_the_server_exits_cleanly_when_stdin_closes()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = _temp.Path,
        };
        foreach (var argument in new[] { cli, "mcp" }) info.ArgumentList.Add(argument);
        info.Environment["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root;
        // Logs at their most talkative must still stay on stderr.
        info.Environment["TARANTOOL_AGENTS_Logging__Level"] = "Information";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();

        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"intake","arguments":{"clusterType":"huge"}}}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"plan_cluster","arguments":{"clusterName":"raw","clusterType":"replicated","environment":"staging","description":"Catalog DB, 20 GB"},"_meta":{"progressToken":7}}}""",
        ];
        foreach (var request in requests) await process.StandardInput.WriteLineAsync(request);
        await process.StandardInput.FlushAsync();

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(McpScenarios.Patience);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.Contains("\"id\":3", StringComparison.Ordinal)) break;
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, process.ExitCode);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        }

        var responses = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(m => m.TryGetProperty("id", out _)).ToList();
        Assert.True(responses.Single(r => r.GetProperty("id").GetInt32() == 2).GetProperty("result").GetProperty("isError").GetBoolean());
        Assert.False(responses.Single(r => r.GetProperty("id").GetInt32() == 3).GetProperty("result").GetProperty("isError").GetBoolean(), await stderr);
        Assert.Contains(lines, l => l.Contains("notifications/progress", StringComparison.Ordinal));
        Assert.True(File.Exists(_temp.Combine("out", "raw-staging", "tarantool", "config.yaml")), "the default output root is ./out");
    }
}
