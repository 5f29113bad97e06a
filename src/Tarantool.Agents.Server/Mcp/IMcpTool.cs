using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>One MCP tool: what <c>tools/list</c> shows and what <c>tools/call</c> runs.</summary>
internal interface IMcpTool
{
    /// <summary>The name, description and input schema.</summary>
    Tool Definition { get; }

    /// <summary>
    /// Runs the tool. Bad arguments throw <see cref="ToolArgumentException"/>, which <see cref="McpToolbox"/> turns
    /// into a result with <c>isError: true</c> naming the argument.
    /// </summary>
    ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default);
}
