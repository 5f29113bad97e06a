using Tarantool.Agents.Cli.Commands;

namespace Tarantool.Agents.Tests.Cli;

/// <summary><c>serve</c>'s start-up banner: what an operator needs to point clients at it, and nothing secret.</summary>
public sealed class ServeBannerTests
{
    [Fact]
    public void The_banner_names_the_data_dir_the_store_the_keys_and_every_endpoint_at_the_listening_address()
    {
        using var output = new StringWriter();
        ServeBanner.Write(output, ["http://127.0.0.1:5123"], "/srv/agents", postgres: null, keys: 0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Contains("Data dir: /srv/agents", lines);
        Assert.Contains("Run store: SQLite, /srv/agents/runs.db", lines);
        Assert.Contains(lines, l => l.StartsWith("API keys: none configured", StringComparison.Ordinal));
        Assert.Contains("Serving at http://127.0.0.1:5123 (Ctrl+C stops):", lines);
        Assert.Contains("web page  http://127.0.0.1:5123/", lines);
        Assert.Contains("runs API  http://127.0.0.1:5123/v1/runs", lines);
        Assert.Contains("chat      http://127.0.0.1:5123/v1/chat/completions, models 'tarantool-agents' (the planner) and 'tarantool-expert' (the phase model)", lines);
        Assert.Contains("MCP       http://127.0.0.1:5123/mcp (streamable HTTP)", lines);
        // The address line comes after the store and key lines: whoever reads the port has the rest already.
        Assert.Equal(3, Array.FindIndex(lines, l => l.StartsWith("Serving at", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_shared_store_is_named_by_its_description_and_keys_are_counted_never_shown()
    {
        using var output = new StringWriter();
        ServeBanner.Write(output, ["http://10.0.0.5:8080", "http://127.0.0.1:8080"], "/shared/agents",
            postgres: "the PostgreSQL database 'agents' on db:5432 as 'agents'; bundles and checkpoints in /shared/agents, which every instance must share", keys: 2);
        var text = output.ToString();

        Assert.Contains("Run store: the PostgreSQL database 'agents' on db:5432 as 'agents'", text);
        Assert.Contains("API keys: 2 configured; /v1 and /mcp need 'Authorization: Bearer KEY'.", text);
        Assert.Contains("Serving at http://10.0.0.5:8080, http://127.0.0.1:8080 (Ctrl+C stops):", text);
        Assert.Contains("runs API  http://10.0.0.5:8080/v1/runs", text);
    }
}
