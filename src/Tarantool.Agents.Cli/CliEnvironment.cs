using Microsoft.Extensions.AI;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Cli;

/// <summary>
/// What the CLI talks to: its streams, whether stdout is a terminal, and (for tests) a replacement for the
/// provider's chat client, which still runs inside the product's middleware.
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, TextReader In, bool RichOutput)
{
    public Func<ModelOptions, IChatClient>? ChatClientOverride { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Settings laid over appsettings.json and the environment (e.g. shorter backoff in tests).</summary>
    public IReadOnlyDictionary<string, string?> SettingOverrides { get; init; } = new Dictionary<string, string?>();

    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        Console.In,
        RichOutput: !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}
