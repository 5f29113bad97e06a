using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Models;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>Builds what a run needs from validated settings: logging, the model pipeline and the planner.</summary>
internal static class RunServices
{
    public static ILoggerFactory CreateLoggerFactory(Microsoft.Extensions.Configuration.IConfiguration configuration, TextWriter error)
    {
        var level = Enum.TryParse<Serilog.Events.LogEventLevel>(configuration["Logging:Level"], ignoreCase: true, out var parsed)
            ? parsed
            : Serilog.Events.LogEventLevel.Warning;
        var debugging = level <= Serilog.Events.LogEventLevel.Debug;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            // A failed model call is reported once, as the failing phase's reason and the run's error line; the chat
            // client's own log of it (an exception per retry) only adds noise unless someone is debugging.
            .MinimumLevel.Override("Microsoft.Extensions.AI", debugging ? level : Serilog.Events.LogEventLevel.Fatal)
            // Logs go to stderr so that stdout stays the command's output (JSON with --json).
            .WriteTo.Sink(new Logging.TextWriterSink(error, stackTraces: debugging))
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }

    /// <summary>
    /// The model's limits, resolved before any phase runs; an endpoint that describes itself in a way that cannot work
    /// is the user's input to fix (exit 2).
    /// </summary>
    public static async Task<ModelProfile> ResolveProfileAsync(ModelOptions model, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        try
        {
            return await ModelProfileResolver.ResolveAsync(model, logger: loggerFactory.CreateLogger(typeof(ModelProfileResolver)), cancellationToken: cancellationToken);
        }
        catch (ModelEndpointException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    /// <summary>
    /// Intake for a run: the rules alone offline (the embedded expert), exactly as before; with a real provider, the
    /// rules reconciled with the model's reading of the description (<see cref="ModelIntake"/>), whose own failure
    /// only adds a warning. The intake call goes through the same middleware as the phases.
    /// </summary>
    public static async Task<IntakeResult> ResolveIntakeAsync(
        CliEnvironment environment, IntakeInput input, ModelOptions model, ModelProfile profile, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (model.Provider == ModelProviders.Offline) return RequestIntake.Resolve(input);
        using var client = environment.ChatClientOverride is { } fake
            ? ChatClientFactory.Wrap(fake(model), model, new UsageLedger(), loggerFactory, timeProvider: environment.Time, profile: profile)
            : ChatClientFactory.Create(model, new UsageLedger(), loggerFactory, environment.Time, profile);
        return await ModelIntake.ResolveAsync(input, client, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="knownFailure">The endpoint failure intake's model call met, if any: every phase call then fails at
    /// once with it (<see cref="KnownFailureChatClient"/>) rather than retrying an endpoint known not to work.</param>
    public static BundlePlanner CreatePlanner(
        CliEnvironment environment, WorkflowDefinition workflow, ModelOptions model, ModelProfile profile, ILoggerFactory loggerFactory, Exception? knownFailure = null)
    {
        Func<UsageLedger, IChatClient> pipeline = environment.ChatClientOverride is { } fake
            ? ledger => ChatClientFactory.Wrap(fake(model), model, ledger, loggerFactory, withTools: profile.Tools, timeProvider: environment.Time, profile: profile)
            : ledger => ChatClientFactory.Create(model, ledger, loggerFactory, environment.Time, profile);
        var chat = knownFailure is null ? pipeline : ledger => new KnownFailureChatClient(pipeline(ledger), knownFailure);
        return new BundlePlanner(
            workflow,
            chat,
            new ProviderInfo(model.Provider, model.EffectiveModel, profile),
            withPlugins: profile.Tools,
            environment.Time);
    }
}
