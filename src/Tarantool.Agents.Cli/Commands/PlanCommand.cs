using System.CommandLine;
using System.Text.Json;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Cli.Output;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Models;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>plan</c>: the main job — a description in, a validated bundle out.</summary>
internal static class PlanCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var request = new RequestOptions();
        var model = new ModelFlags();
        var output = new Option<string>("--output", "-o") { Description = "Bundle folder (default out/<cluster-name>-<environment>)." };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Most phases running at once (1–16, default 4).", DefaultValueFactory = _ => WorkflowOptions.DefaultMaxParallel };
        maxParallel.InRange(1, 16);
        var sequential = new Option<bool>("--sequential") { Description = "Run the phases one after another in order." };
        var resume = new Option<bool>("--resume") { Description = "Reuse completed phases of an interrupted run whose inputs are unchanged." };
        var json = new Option<bool>("--json") { Description = "Print bundle.json to stdout instead of progress." };
        var force = new Option<bool>("--force") { Description = "Overwrite files of an existing bundle that were edited by hand." };

        var command = new Command("plan", "Design a Tarantool cluster from a description and write the bundle.");
        request.AddTo(command);
        model.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(maxParallel);
        command.Options.Add(sequential);
        command.Options.Add(resume);
        command.Options.Add(json);
        command.Options.Add(force);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var assetRoot = AssetLocator.Locate();
            // A cold start is mostly loading: the prompts and the o200k vocabulary load on the other core while intake
            // reads the description (see docs/performance.md).
            TokenCounter.Warm();
            var loading = Task.Run(() => WorkflowLoader.Load(assetRoot), cancellationToken);
            var input = request.Read(parse, environment.In);
            var modelOptions = model.Load(parse, assetRoot, environment.SettingOverrides);
            using var loggerFactory = RunServices.CreateLoggerFactory(ProductConfiguration.Build(assetRoot, environment.SettingOverrides), environment.Error);
            // Offline, the rules' reading alone, before anything else; with a real provider the model reads the
            // description too, so its limits are resolved first.
            var offline = modelOptions.Provider == Models.ModelProviders.Offline;
            var profile = offline ? null : await RunServices.ResolveProfileAsync(modelOptions, loggerFactory, cancellationToken);
            var intake = offline
                ? RequestIntake.Resolve(input)
                : await RunServices.ResolveIntakeAsync(environment, input, modelOptions, profile!, loggerFactory, cancellationToken);
            if (!intake.IsValid) throw new UserInputException(string.Join(Environment.NewLine, intake.Errors));
            // Intake's notes go to stderr before the run, so that stdout stays bundle.json under --json.
            if (IntakeSummary.DeploymentLine(intake) is { } deployment) environment.Error.WriteLine(deployment);
            foreach (var warning in IntakeSummary.WarningLines(intake)) environment.Error.WriteLine(warning);
            var workflow = await loading;
            var plan = PlanRequest.From(
                intake,
                parse.GetValue(output) ?? Path.Combine("out", OutputDirectory.DefaultName(intake.Request!)),
                new WorkflowOptions
                {
                    MaxParallel = parse.GetValue(maxParallel),
                    Sequential = parse.GetValue(sequential),
                    Resume = parse.GetValue(resume),
                    MaxAttempts = modelOptions.MaxAttempts,
                }) with { Force = parse.GetValue(force) };

            profile ??= await RunServices.ResolveProfileAsync(modelOptions, loggerFactory, cancellationToken);
            var planner = RunServices.CreatePlanner(environment, workflow, modelOptions, profile, loggerFactory, intake.ModelEndpointFailure);
            var quiet = parse.GetValue(json);
            var progress = new ProgressPrinter(environment, workflow.Phases.Count);
            BundleWritten? written = null;
            await foreach (var item in planner.RunAsync(plan, cancellationToken))
            {
                if (item is BundleWritten done) written = done;
                else if (!quiet) progress.Show(item);
            }

            if (written is null) throw new InvalidOperationException("The run ended without writing its bundle.");
            if (quiet) environment.Out.WriteLine(JsonSerializer.Serialize(written.Manifest, JsonDefaults.Indented));
            else SummaryPrinter.Print(environment, written);
            ModelFailureLine.WriteIfAny(environment, modelOptions, written);
            // On stderr so that --json output stays one document.
            if (written.Removed.Count > 0)
                environment.Error.WriteLine($"Removed {written.Removed.Count} file(s) an earlier run wrote that this run no longer produces: {string.Join(", ", written.Removed)}");
            return written.Result.Succeeded ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return command;
    }
}
