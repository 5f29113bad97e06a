using Tarantool.Agents.Models;
using Tarantool.Agents.Server.Chat;
using Tarantool.Agents.Server.Runs.Sqlite;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>
/// What <c>serve</c> prints once it listens: where its data is, whether callers need a key, then every endpoint it
/// serves with its full URL, so an operator can paste them into a client. The line starting <c>Serving at</c> carries
/// the listening address (scripts and tests read the port from it) and comes after the store and key lines.
/// </summary>
internal static class ServeBanner
{
    /// <param name="urls">The addresses Kestrel listens on (ports resolved).</param>
    /// <param name="postgres">The PostgreSQL store's description (never its password), or null for SQLite in the data dir.</param>
    public static void Write(TextWriter output, IReadOnlyList<string> urls, string dataDirectory, string? postgres, int keys)
    {
        output.WriteLine($"Data dir: {dataDirectory}");
        output.WriteLine(postgres is null
            ? $"Run store: SQLite, {Path.Combine(dataDirectory, SqliteRunStore.DatabaseFile)}"
            : $"Run store: {postgres}");
        output.WriteLine(keys > 0
            ? $"API keys: {keys} configured; /v1 and /mcp need 'Authorization: Bearer KEY'."
            : "API keys: none configured; /v1 and /mcp are open to anyone who can reach these addresses.");
        output.WriteLine($"Serving at {string.Join(", ", urls)} (Ctrl+C stops):");
        var root = urls.Count > 0 ? urls[0].TrimEnd('/') : "";
        output.WriteLine($"  web page  {root}/");
        output.WriteLine($"  runs API  {root}/v1/runs");
        output.WriteLine($"  chat      {root}/v1/chat/completions, models '{PlannerChat.ModelId}' (the planner) and '{ModelProviders.ExpertModelId}' (the phase model)");
        output.WriteLine($"  MCP       {root}/mcp (streamable HTTP)");
    }
}
