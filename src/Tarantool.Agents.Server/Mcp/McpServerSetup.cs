using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>What the stdio server and <c>/mcp</c> share: identity, instructions, and the tool and resource handlers.</summary>
internal static class McpServerSetup
{
    public const string ServerName = "tarantool-agents";

    public const string Instructions =
        "Tarantool Agents designs Tarantool clusters. Use intake to see how a description (English or Russian) resolves into a " +
        "request, plan_cluster to produce the validated design-and-operations bundle (its main files are resources, e.g. " +
        "tarantool/config.yaml), and validate_config to check any Tarantool 3.x config.yaml. Field values use the CLI's " +
        "spellings (cluster types single-instance, replicated, cartridge, sharded, multi-region).";

    public static Implementation Identity() => new()
    {
        Name = ServerName,
        Title = "Tarantool Agents",
        Version = typeof(McpServerSetup).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
    };

    /// <summary>Fills <paramref name="options"/> with the handlers of <paramref name="toolbox"/> and <paramref name="resources"/>.</summary>
    public static void Configure(McpServerOptions options, McpToolbox toolbox, IBundleResources resources)
    {
        options.ServerInfo = Identity();
        options.ServerInstructions = Instructions;
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Tools = new ToolsCapability { ListChanged = false };
        options.Capabilities.Resources = new ResourcesCapability { ListChanged = true, Subscribe = false };
        options.Handlers.ListToolsHandler = toolbox.ListAsync;
        options.Handlers.CallToolHandler = toolbox.CallAsync;
        options.Handlers.ListResourcesHandler = (context, cancellationToken) => resources.ListAsync(cancellationToken);
        options.Handlers.ReadResourceHandler = (context, cancellationToken) => resources.ReadAsync(context.Params?.Uri ?? "", cancellationToken);
        options.Handlers.ListResourceTemplatesHandler = (context, cancellationToken) =>
            ValueTask.FromResult(new ListResourceTemplatesResult { ResourceTemplates = [.. resources.Templates] });
    }
}
