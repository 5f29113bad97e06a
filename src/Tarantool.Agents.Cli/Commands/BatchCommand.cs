using System.CommandLine;
using Spectre.Console;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Planning;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>batch</c>: one bundle per request file; a failing request does not stop the others.</summary>
internal static class BatchCommand
{
    private sealed record Row(string File, string Cluster, string Status, string Phases, string Output);

    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("files") { Description = "Request files (YAML).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder that receives one bundle folder per request.", Required = true };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Most requests running at once (1–8, default 2).", DefaultValueFactory = _ => 2 };
        maxParallel.InRange(1, 8);
        var model = new ModelFlags();
        var command = new Command("batch", "Write one bundle per request file and print a summary.");
        command.Arguments.Add(files);
        command.Options.Add(output);
        command.Options.Add(maxParallel);
        model.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var assetRoot = AssetLocator.Locate();
            var modelOptions = model.Load(parse, assetRoot, environment.SettingOverrides);
            var workflow = Workflow.WorkflowLoader.Load(assetRoot);
            using var loggerFactory = RunServices.CreateLoggerFactory(ProductConfiguration.Build(assetRoot, environment.SettingOverrides), environment.Error);
            var profile = await RunServices.ResolveProfileAsync(modelOptions, loggerFactory, cancellationToken);
            var root = parse.GetValue(output)!;
            var paths = parse.GetValue(files)!;
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            using var gate = new SemaphoreSlim(parse.GetValue(maxParallel));

            var rows = await Task.WhenAll(paths.Select(async path =>
            {
                IntakeResult intake;
                try
                {
                    intake = RequestIntake.Resolve(RequestFile.Read(path));
                }
                catch (UserInputException e)
                {
                    return new Row(path, "-", "invalid", "-", e.Message);
                }

                if (!intake.IsValid) return new Row(path, intake.Request?.ClusterName ?? "-", "invalid", "-", string.Join(" ", intake.Errors));
                var name = OutputDirectory.DefaultName(intake.Request!);
                lock (claimed)
                {
                    if (!claimed.Add(name)) return new Row(path, intake.Request.ClusterName, "invalid", "-", $"another request file already writes {name}/");
                }

                await gate.WaitAsync(cancellationToken);
                try
                {
                    var planner = RunServices.CreatePlanner(environment, workflow, modelOptions, profile, loggerFactory);
                    var plan = new PlanRequest(intake.Request, intake.Language, intake.Sources, Path.Combine(root, name),
                        new WorkflowOptions { MaxAttempts = modelOptions.MaxAttempts });
                    BundleWritten? written = null;
                    await foreach (var item in planner.RunAsync(plan, cancellationToken))
                        if (item is BundleWritten done) written = done;
                    var ok = written!.Manifest.Phases.Count(p => p.Status == "succeeded");
                    return new Row(path, intake.Request.ClusterName, written.Manifest.Status, $"{ok}/{written.Manifest.Phases.Count}", Path.Combine(root, name));
                }
                catch (OutputDirectoryException e)
                {
                    return new Row(path, intake.Request.ClusterName, "invalid", "-", e.Message);
                }
                finally
                {
                    gate.Release();
                }
            }));

            Print(environment, rows);
            var succeeded = rows.Count(r => r.Status == "succeeded");
            environment.Out.WriteLine($"{succeeded} of {rows.Length} request(s) succeeded.");
            foreach (var row in rows.Where(r => r.Status == "invalid")) environment.Error.WriteLine($"error: {row.File}: {row.Output}");
            // A run that failed after it started outweighs bad input: its checkpoint waits for --resume.
            return succeeded == rows.Length ? ExitCodes.Success
                : rows.Any(r => r.Status is not ("succeeded" or "invalid")) ? ExitCodes.RunFailed
                : ExitCodes.BadInput;
        });
        return command;
    }

    private static void Print(CliEnvironment environment, IReadOnlyList<Row> rows)
    {
        if (!environment.RichOutput)
        {
            foreach (var row in rows) environment.Out.WriteLine($"{row.File}\t{row.Cluster}\t{row.Status}\t{row.Phases}\t{row.Output}");
            return;
        }

        var table = new Table().AddColumn("request").AddColumn("cluster").AddColumn("status").AddColumn("phases").AddColumn("bundle / reason");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.File), Markup.Escape(row.Cluster), row.Status == "succeeded" ? "[green]succeeded[/]" : $"[red]{Markup.Escape(row.Status)}[/]", row.Phases, Markup.Escape(row.Output));
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out) }).Write(table);
    }
}
