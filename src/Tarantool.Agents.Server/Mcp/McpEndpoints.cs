using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// MCP over streamable HTTP at <c>/mcp</c> on <c>serve</c>: intake, validate_config, plan_cluster (a run of the
/// service) and get_run, with the runs' bundle files as <c>bundle://{run}/{path}</c> resources.
/// </summary>
public static class McpEndpoints
{
    /// <summary>The path MCP clients connect to.</summary>
    public const string Path = "/mcp";

    /// <summary>
    /// Registers the MCP server. Stateless: every request stands alone (progress travels on the request's own
    /// response stream), so several instances behind a load balancer need no session affinity.
    /// </summary>
    public static WebApplicationBuilder AddPlannerMcp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(services =>
        {
            var runs = services.GetRequiredService<IRunService>();
            var accessor = services.GetRequiredService<IHttpContextAccessor>();
            string BaseUrl() => accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "";
            return new McpToolbox(
            [
                new IntakeTool(),
                new PlanClusterTool(new RunClusterPlanner(runs, BaseUrl), "Runs on the service as a run (the result gives its id and links; get_run shows it later)."),
                new ValidateConfigTool(),
                new GetRunTool(runs, BaseUrl),
            ]);
        });
        builder.Services.AddSingleton<IBundleResources>(services => new ServiceBundleResources(services.GetRequiredService<IRunService>()));
        builder.Services
            .AddMcpServer(options =>
            {
                options.ServerInfo = McpServerSetup.Identity();
                options.ServerInstructions = McpServerSetup.Instructions + " Over HTTP, plan_cluster starts a run of the service; get_run shows a run and its files are bundle://{run}/{path} resources.";
            })
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithListToolsHandler((context, cancellationToken) => Toolbox(context).ListAsync(context, cancellationToken))
            .WithCallToolHandler((context, cancellationToken) => Toolbox(context).CallAsync(context, cancellationToken))
            .WithListResourcesHandler((context, cancellationToken) => Resources(context).ListAsync(cancellationToken))
            .WithReadResourceHandler((context, cancellationToken) => Resources(context).ReadAsync(context.Params?.Uri ?? "", cancellationToken))
            .WithListResourceTemplatesHandler((context, cancellationToken) =>
                ValueTask.FromResult(new ModelContextProtocol.Protocol.ListResourceTemplatesResult { ResourceTemplates = [.. Resources(context).Templates] }));
        return builder;
    }

    /// <summary>
    /// Maps <c>/mcp</c>. It is an ordinary endpoint of the app, so whatever guards <c>/v1</c> (API keys, rate limits,
    /// request logging) applies to it when that middleware covers it too.
    /// </summary>
    public static IEndpointConventionBuilder MapPlannerMcp(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.MapMcp(Path);
    }

    private static McpToolbox Toolbox(MessageContext context) => context.Services!.GetRequiredService<McpToolbox>();

    private static IBundleResources Resources(MessageContext context) => context.Services!.GetRequiredService<IBundleResources>();
}
