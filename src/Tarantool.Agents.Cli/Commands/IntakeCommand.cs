using System.CommandLine;
using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>intake</c>: shows how a description and flags resolve into a request, without running anything.</summary>
internal static class IntakeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var request = new RequestOptions();
        var json = new Option<bool>("--json") { Description = "Print the resolved request as JSON (always printed, errors and warnings included)." };
        var command = new Command("intake", "Resolve the request parameters from flags and the description.");
        request.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var result = RequestIntake.Resolve(request.Read(parse, environment.In));
            if (parse.GetValue(json))
            {
                environment.Out.WriteLine(result.ToJson());
            }
            else
            {
                environment.Out.WriteLine(result.ToJson());
                if (IntakeSummary.DeploymentLine(result) is { } deployment) environment.Error.WriteLine(deployment);
                foreach (var warning in IntakeSummary.WarningLines(result)) environment.Error.WriteLine(warning);
                foreach (var error in result.Errors) environment.Error.WriteLine(error);
            }

            return result.IsValid ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
