using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// The tools of one MCP server and the two handlers that expose them. Every failure of a known tool becomes a
/// result with <c>isError: true</c> and a message (never a stack trace); only an unknown tool name is a protocol error.
/// </summary>
internal sealed class McpToolbox
{
    private readonly Dictionary<string, IMcpTool> _tools;

    public McpToolbox(IEnumerable<IMcpTool> tools) => _tools = tools.ToDictionary(t => t.Definition.Name, StringComparer.Ordinal);

    public ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListToolsResult { Tools = [.. _tools.Values.Select(t => t.Definition)] });

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var name = context.Params?.Name ?? "";
        if (!_tools.TryGetValue(name, out var tool))
            throw new McpProtocolException($"Unknown tool '{RequestArguments.Shorten(name)}'; the tools are {string.Join(", ", _tools.Keys)}.", McpErrorCode.InvalidParams);
        try
        {
            return await tool.CallAsync(context, cancellationToken);
        }
        catch (ToolArgumentException e)
        {
            return ToolResults.Error(e.Message, new System.Text.Json.Nodes.JsonObject { ["field"] = e.Field });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not McpProtocolException)
        {
            // The client sees what failed, in one line; the details stay in the server's log.
            return ToolResults.Error($"{name} failed: {e.Message}");
        }
    }
}
