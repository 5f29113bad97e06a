using System.CommandLine;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Server;

namespace Tarantool.Agents.Cli.Commands;

/// <summary><c>serve</c>: the embedded expert over HTTP, speaking the OpenAI chat-completions protocol.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, e.g. {DefaultUrl} (';'-separated for several).", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("serve", "Serve the embedded expert as an OpenAI-compatible endpoint (GET /v1/models, POST /v1/chat/completions).");
        command.Options.Add(urls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var list = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var url in list)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new UserInputException($"--urls: '{url}' is not an absolute http(s) URL such as {DefaultUrl}.");
            }

            await using var app = ExpertServer.Build(list);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw new UserInputException($"--urls: cannot listen on {string.Join(", ", list)}: {e.Message}");
            }

            environment.Out.WriteLine($"Serving model 'tarantool-expert' at {string.Join(", ", app.Urls.Select(u => u + "/v1"))}. Press Ctrl+C to stop.");
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
