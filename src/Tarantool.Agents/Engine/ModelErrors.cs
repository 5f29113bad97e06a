using System.ClientModel;

namespace Tarantool.Agents.Engine;

/// <summary>Turns a failed model call into one line for people, without request bodies, headers or keys.</summary>
public static class ModelErrors
{
    public static string Describe(Exception error) => error switch
    {
        Models.TokenBudgetExceededException e => e.Message,
        Models.RecordingMissingException e => e.Message,
        Models.RequestTooLargeException e => e.Message,
        ClientResultException { Status: 429 } e when e.Message.Contains("request too large", StringComparison.OrdinalIgnoreCase) =>
            "the provider answered HTTP 429: the request is larger than the account's tokens-per-minute limit",
        Polly.CircuitBreaker.BrokenCircuitException => "the provider kept failing and the circuit breaker is open; try again later",
        ClientResultException e => $"the provider answered HTTP {e.Status}",
        HttpRequestException e when e.StatusCode is { } status => $"the provider answered HTTP {(int)status}",
        HttpRequestException => "the provider could not be reached",
        TimeoutException or TaskCanceledException or OperationCanceledException => "the call timed out",
        _ => error.GetType().Name,
    };
}
