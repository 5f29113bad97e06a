using Tarantool.Agents.Engine;
using Tarantool.Agents.Models;
using Tarantool.Agents.Planning;

namespace Tarantool.Agents.Cli.Output;

/// <summary>
/// When a run failed because the model could not be called, one line on stderr says what was called, what
/// happened and what to check; the phases' lines only say which phases it stopped.
/// </summary>
internal static class ModelFailureLine
{
    public static void WriteIfAny(CliEnvironment environment, ModelOptions model, BundleWritten written)
    {
        var reason = written.Result.Phases
            .Select(p => p.Reason)
            .FirstOrDefault(r => r is not null && r.StartsWith(ModelErrors.Prefix, StringComparison.Ordinal));
        if (reason is null) return;

        var endpoint = string.IsNullOrWhiteSpace(model.Endpoint) ? "its default endpoint" : model.Endpoint;
        var line = $"error: calling {model.Provider} model '{model.EffectiveModel}' at {endpoint} failed: {reason[ModelErrors.Prefix.Length..]}";
        // The key never reaches a message of ours, but a provider may echo what it was sent.
        if (!string.IsNullOrEmpty(model.ApiKey)) line = line.Replace(model.ApiKey, "[redacted]", StringComparison.Ordinal);
        environment.Error.WriteLine(line);
    }
}
