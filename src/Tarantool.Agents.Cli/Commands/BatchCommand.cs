using System.CommandLine;
using Spectre.Console;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Cli.Output;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Planning;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>batch</c>: one bundle per request file; a failing request does not stop the others.</summary>
internal static class BatchCommand
{
    internal sealed record Row(string File, string Cluster, string Status, string Phases, string Output)
    {
        /// <summary>The bundle's top-level warnings, printed under the table so no risk is hidden by a green row.</summary>
        public IReadOnlyList<RunWarning> Warnings { get; init; } = [];
    }

    private static readonly string[] Headers = ["request", "cluster", "status", "phases", "bundle / reason"];

    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("files") { Description = "Request files (YAML).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder that receives one bundle folder per request.", Required = true };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Most requests running at once (1–8, default 2).", DefaultValueFactory = _ => 2 };
        maxParallel.InRange(1, 8);
        var force = new Option<bool>("--force") { Description = "Overwrite files of existing bundles that were edited by hand." };
        var model = new ModelFlags();
        var command = new Command("batch", "Write one bundle per request file and print a summary.");
        command.Arguments.Add(files);
        command.Options.Add(output);
        command.Options.Add(maxParallel);
        command.Options.Add(force);
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
            var overwrite = parse.GetValue(force);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            using var gate = new SemaphoreSlim(parse.GetValue(maxParallel));
            var progress = new BatchProgress(environment, paths.Length, workflow.Phases.Count);

            var rows = await Task.WhenAll(paths.Select(async (path, index) =>
            {
                IntakeResult intake;
                try
                {
                    intake = await RunServices.ResolveIntakeAsync(environment, RequestFile.Read(path), modelOptions, profile, loggerFactory, cancellationToken);
                }
                catch (UserInputException e)
                {
                    return progress.Finished(index, new Row(path, "-", "invalid", "-", e.Message));
                }

                if (intake.Request is not { } request || !intake.IsValid)
                    return progress.Finished(index, new Row(path, intake.Request?.ClusterName ?? "-", "invalid", "-", string.Join(" ", intake.Errors)));
                var name = OutputDirectory.DefaultName(request);
                lock (claimed)
                {
                    if (!claimed.Add(name)) return progress.Finished(index, new Row(path, request.ClusterName, "invalid", "-", $"another request file already writes {name}/"));
                }

                await gate.WaitAsync(cancellationToken);
                try
                {
                    progress.Started(index, path, name);
                    var planner = RunServices.CreatePlanner(environment, workflow, modelOptions, profile, loggerFactory, intake.ModelEndpointFailure);
                    var plan = PlanRequest.From(intake, Path.Combine(root, name),
                        new WorkflowOptions { MaxAttempts = modelOptions.MaxAttempts }) with { Force = overwrite };
                    BundleWritten? written = null;
                    await foreach (var item in planner.RunAsync(plan, cancellationToken))
                    {
                        if (item is BundleWritten done) written = done;
                        else progress.Phase(index, name, item);
                    }

                    var manifest = written!.Manifest;
                    if (written.Removed.Count > 0)
                        environment.Error.WriteLine($"{name}: removed {written.Removed.Count} file(s) an earlier run wrote that this run no longer produces: {string.Join(", ", written.Removed)}");
                    var ok = manifest.Phases.Count(p => p.Status == "succeeded");
                    return progress.Finished(index, new Row(path, request.ClusterName, manifest.Status, $"{ok}/{manifest.Phases.Count}", Path.Combine(root, name))
                    {
                        Warnings = manifest.Warnings,
                    });
                }
                catch (OutputDirectoryException e)
                {
                    return progress.Finished(index, new Row(path, request.ClusterName, "invalid", "-", e.Message));
                }
                finally
                {
                    gate.Release();
                }
            }));

            Print(environment, rows);
            var succeeded = rows.Count(r => r.Status == "succeeded");
            environment.Out.WriteLine($"{succeeded} of {rows.Length} request(s) succeeded, {rows.Sum(r => r.Warnings.Count)} warning(s).");
            foreach (var row in rows)
            foreach (var warning in row.Warnings)
                environment.Out.WriteLine($"  warning {row.Cluster} [{warning.Source}] {warning.Message}");
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
            // Plain output (a pipe, a log, NO_COLOR) still gets a header and aligned columns; the last column is free.
            string[][] cells = [Headers, .. rows.Select(r => new[] { r.File, r.Cluster, r.Status, r.Phases, r.Output })];
            var widths = Enumerable.Range(0, Headers.Length - 1).Select(c => cells.Max(line => line[c].Length)).ToArray();
            foreach (var line in cells)
                environment.Out.WriteLine(string.Join("  ", line.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)));
            return;
        }

        var table = new Table();
        foreach (var header in Headers) table.AddColumn(header);
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.File), Markup.Escape(row.Cluster), row.Status == "succeeded" ? "[green]succeeded[/]" : $"[red]{Markup.Escape(row.Status)}[/]", row.Phases, Markup.Escape(row.Output));
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out) }).Write(table);
    }
}
