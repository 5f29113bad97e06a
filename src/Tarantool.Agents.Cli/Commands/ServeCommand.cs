using System.CommandLine;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tarantool.Agents.Server;
using Tarantool.Agents.Server.Security;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>serve</c>: the embedded expert over HTTP, speaking the OpenAI chat-completions protocol.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, e.g. {DefaultUrl} (';'-separated for several).", DefaultValueFactory = _ => DefaultUrl };
        var allowAnonymous = new Option<bool>("--allow-anonymous")
        {
            Description = "Serve without API keys (Server:ApiKeys) on a non-loopback address, e.g. behind a gateway that authenticates callers.",
        };
        var command = new Command("serve", "Serve the embedded expert as an OpenAI-compatible endpoint (GET /v1/models, POST /v1/chat/completions).");
        command.Options.Add(urls);
        command.Options.Add(allowAnonymous);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var list = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var url in list)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UserInputException($"--urls: '{url}' is not an absolute http(s) URL such as {DefaultUrl}.");
            }

            var overrides = new Dictionary<string, string?>(environment.SettingOverrides);
            if (parse.GetValue(allowAnonymous)) overrides["Server:AllowAnonymous"] = "true";
            var configuration = ProductConfiguration.Build(AssetLocator.Locate(), overrides);

            // Service logs (one line per request) go to stderr, like the CLI's own logs; stdout keeps the banner.
            await using var app = ExpertServer.Build(list, configuration: configuration, log: environment.Error);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw new UserInputException($"--urls: cannot listen on {string.Join(", ", list)}: {e.Message}");
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

            var keys = app.Services.GetRequiredService<IOptions<ApiSecurityOptions>>().Value.ApiKeys.Length;
            environment.Out.WriteLine($"Serving model 'tarantool-expert' at {string.Join(", ", app.Urls.Select(u => u + "/v1"))}. Press Ctrl+C to stop.");
            environment.Out.WriteLine(keys > 0
                ? $"API keys: {keys} configured; /v1 needs 'Authorization: Bearer KEY'."
                : "API keys: none configured; /v1 is open to anyone who can reach these addresses.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
