using System.CommandLine;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>intake</c>: shows how a description and flags resolve into a request, without running anything.</summary>
internal static class IntakeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var request = new RequestOptions();
        var model = new ModelFlags();
        var json = new Option<bool>("--json") { Description = "Print the resolved request as JSON (always printed, errors and warnings included)." };
        var command = new Command("intake", "Resolve the request parameters from flags and the description.");
        request.AddTo(command);
        // With a real provider the model reads the description too and is reconciled with the rules (offline, the
        // default, only the rules read it).
        model.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = request.Read(parse, environment.In);
            var assetRoot = AssetLocator.Locate();
            var options = model.Load(parse, assetRoot, environment.SettingOverrides);
            IntakeResult result;
            if (options.Provider == ModelProviders.Offline)
            {
                result = RequestIntake.Resolve(input);
            }
            else
            {
                using var loggerFactory = RunServices.CreateLoggerFactory(ProductConfiguration.Build(assetRoot, environment.SettingOverrides), environment.Error);
                var profile = await RunServices.ResolveProfileAsync(options, loggerFactory, cancellationToken);
                result = await RunServices.ResolveIntakeAsync(environment, input, options, profile, loggerFactory, cancellationToken);
            }

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
