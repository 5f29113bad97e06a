using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tarantool.Agents.Server;
using Tarantool.Agents.Server.Runs;
using Tarantool.Agents.Server.Runs.Postgres;
using Tarantool.Agents.Server.Security;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>
/// <c>serve</c>: the embedded expert over HTTP (the OpenAI chat-completions protocol) and the runs API, whose runs
/// live in the data dir and use the model configured as for <c>plan</c>.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Where runs live unless --data-dir says otherwise: the user's local data folder.</summary>
    public static string DefaultDataDirectory()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local)) local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(local, "tarantool-agents");
    }

    /// <summary>What the runs service needs: the data dir and a planner over the model, built as <c>plan</c> builds its own.</summary>
    internal static async Task<RunHosting> CreateHostingAsync(
        CliEnvironment environment, ModelOptions model, IConfiguration settings, string directory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var profile = await RunServices.ResolveProfileAsync(model, loggerFactory, cancellationToken);
        var workflow = WorkflowLoader.Load(AssetLocator.Locate());
        return new RunHosting(
            directory,
            workflow,
            () => RunServices.CreatePlanner(environment, workflow, model, profile, loggerFactory),
            model.MaxAttempts,
            settings);
    }

    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, e.g. {DefaultUrl} (';'-separated for several).", DefaultValueFactory = _ => DefaultUrl };
        var allowAnonymous = new Option<bool>("--allow-anonymous")
        {
            Description = "Serve without API keys (Server:ApiKeys) on a non-loopback address, e.g. behind a gateway that authenticates callers.",
        };
        var dataDir = new Option<string>("--data-dir") { Description = $"Folder for runs (runs.db and one folder per run; default {DefaultDataDirectory()})." };
        var model = new ModelFlags();
        var command = new Command("serve", "Serve the runs API (/v1/runs) and the embedded expert as an OpenAI-compatible endpoint (/v1/models, /v1/chat/completions).");
        command.Options.Add(urls);
        command.Options.Add(dataDir);
        command.Options.Add(allowAnonymous);
        model.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var list = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var url in list)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UserInputException($"--urls: '{url}' is not an absolute http(s) URL such as {DefaultUrl}.");
            }

            var directory = Path.GetFullPath(parse.GetValue(dataDir) is { Length: > 0 } given ? given : DefaultDataDirectory());
            if (File.Exists(directory)) throw new UserInputException($"--data-dir: '{directory}' is a file, not a folder.");
            var assetRoot = AssetLocator.Locate();
            var modelOptions = model.Load(parse, assetRoot, environment.SettingOverrides);
            var overrides = new Dictionary<string, string?>(environment.SettingOverrides);
            if (parse.GetValue(allowAnonymous)) overrides["Server:AllowAnonymous"] = "true";
            var settings = ProductConfiguration.Build(assetRoot, overrides);
            using var loggerFactory = RunServices.CreateLoggerFactory(settings, environment.Error);
            var runs = await CreateHostingAsync(environment, modelOptions, settings, directory, loggerFactory, cancellationToken);

            // Service logs (one line per request) go to stderr, like the CLI's own logs; stdout keeps the banner.
            await using var app = ExpertServer.Build(list, loggerFactory, runs, log: environment.Error);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw new UserInputException($"--urls: cannot listen on {string.Join(", ", list)}: {e.Message}");
            }
            catch (RunStoreException e)
            {
                throw new UserInputException(e.Message);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                throw new UserInputException(string.Join(Environment.NewLine + "error: ", e.Failures));
            }
            catch (InvalidOperationException e) when (e.Message.Contains("configuration value", StringComparison.Ordinal))
            {
                // The binder's own message names the setting and the type it expected.
                throw new UserInputException(e.Message);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(i => i is Microsoft.Extensions.Options.OptionsValidationException))
            {
                throw new UserInputException(string.Join(Environment.NewLine, e.InnerExceptions.Cast<Microsoft.Extensions.Options.OptionsValidationException>().SelectMany(i => i.Failures)));
            }

            var keys = app.Services.GetRequiredService<IOptions<ApiSecurityOptions>>().Value.ApiKeys.Length;
            var store = app.Services.GetRequiredService<IOptions<RunStoreOptions>>().Value;
            ServeBanner.Write(environment.Out, [.. app.Urls], directory, store.UsesPostgreSql ? store.Describe(directory) : null, keys);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            // Running runs are cancelled and go back to the queue with their checkpoints; the next start resumes them.
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
