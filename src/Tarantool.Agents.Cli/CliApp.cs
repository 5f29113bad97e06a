using System.CommandLine;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli;

/// <summary>The command line: parses, runs a command, and turns every kind of bad input into exit code 2.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Tarantool Agents: describe a Tarantool cluster in English or Russian, get a validated design-and-operations bundle.")
        {
            PlanCommand.Create(environment),
            IntakeCommand.Create(environment),
            PromptsCommand.Create(environment),
            BatchCommand.Create(environment),
            ServeCommand.Create(environment),
            McpCommand.Create(environment),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) environment.Error.WriteLine($"error: {error.Message}");
            environment.Error.WriteLine($"Run 'tarantool-agents {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))} --help' for usage.".Replace("  ", " "));
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e) when (e is UserInputException or OutputDirectoryException or WorkflowDefinitionException or DirectoryNotFoundException)
        {
            environment.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && parse.CommandResult.Command.Name == "serve")
        {
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine("Cancelled. Completed phases are checkpointed; run again with --resume to continue.");
            return ExitCodes.RunFailed;
        }
        catch (Exception e)
        {
            // Never a stack trace for the user: say what failed and keep the checkpoint for --resume.
            environment.Error.WriteLine($"error: the run failed: {e.GetType().Name}: {e.Message}");
            environment.Error.WriteLine("Completed phases are checkpointed; run again with --resume to continue.");
            return ExitCodes.RunFailed;
        }
    }
}
