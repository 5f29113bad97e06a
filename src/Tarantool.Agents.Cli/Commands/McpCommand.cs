using System.CommandLine;
using ModelContextProtocol.Server;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Mcp;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Server.Mcp;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>
/// <c>mcp</c>: the planner as an MCP server over stdio, for desktop assistants (Claude Desktop, VS Code, Cursor).
/// stdout carries only the protocol; logs and anything else go to stderr.
/// </summary>
internal static class McpCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var model = new ModelFlags();
        var outputRoot = new Option<string>("--output-root") { Description = "Folder that receives the bundles plan_cluster writes, one sub-folder per cluster (default ./out)." };
        var command = new Command("mcp", "Serve the tools (intake, plan_cluster, validate_config) and the bundles' files over MCP on stdio.");
        model.AddTo(command);
        command.Options.Add(outputRoot);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Settings are checked before the protocol starts: a bad setting is exit 2 with a message, as for plan.
            var assetRoot = AssetLocator.Locate();
            var modelOptions = model.Load(parse, assetRoot, environment.SettingOverrides);
            var workflow = WorkflowLoader.Load(assetRoot);
            var root = Path.GetFullPath(parse.GetValue(outputRoot) ?? "out");
            using var loggerFactory = RunServices.CreateLoggerFactory(ProductConfiguration.Build(assetRoot, environment.SettingOverrides), environment.Error);

            var resources = new SessionBundleResources();
            var planner = new LocalClusterPlanner(root, workflow.Phases.Count, modelOptions.MaxAttempts, async token =>
            {
                var profile = await RunServices.ResolveProfileAsync(modelOptions, loggerFactory, token);
                return RunServices.CreatePlanner(environment, workflow, modelOptions, profile, loggerFactory);
            }, resources);
            var toolbox = new McpToolbox([new IntakeTool(), new PlanClusterTool(planner, $"Writes the bundle to a folder under {root}."), new ValidateConfigTool()]);
            var options = new McpServerOptions();
            McpServerSetup.Configure(options, toolbox, resources);

            // The transport owns the real stdout; anything else that writes to Console.Out would corrupt the protocol.
            var transport = new StdioServerTransport(McpServerSetup.ServerName, loggerFactory);
            Console.SetOut(Console.Error);
            await using var server = McpServer.Create(transport, options, loggerFactory);
            try
            {
                await server.RunAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
