using System.ClientModel;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Turns a failed model call into one line for people: what happened, the provider's own words, and what to check.
/// Never request bodies, headers or keys.
/// </summary>
public static partial class ModelErrors
{
    /// <summary>How every phase failure caused by the model call starts (<see cref="PhaseResult.Reason"/>).</summary>
    public const string Prefix = "the model call failed: ";

    private const int MaxProviderText = 400;

    public static string Describe(Exception error) => error switch
    {
        Models.TokenBudgetExceededException e => e.Message,
        Models.RecordingMissingException e => e.Message,
        Models.RequestTooLargeException e => e.Message,
        ClientResultException { Status: 429 } e when e.Message.Contains("request too large", StringComparison.OrdinalIgnoreCase) =>
            "the provider answered HTTP 429: the request is larger than the account's tokens-per-minute limit",
        Polly.CircuitBreaker.BrokenCircuitException => "the provider kept failing and the circuit breaker is open; try again later",
        ClientResultException { Status: 0 } e => Unreachable(e),
        ClientResultException e => $"the provider answered HTTP {e.Status}{Said(e)}; {Advice(e.Status)}",
        HttpRequestException { StatusCode: { } status } e => $"the provider answered HTTP {(int)status}{Said(e)}; {Advice((int)status)}",
        HttpRequestException e => Unreachable(e),
        TimeoutException or TaskCanceledException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException =>
            "the call timed out (every retry); check that the endpoint answers and is not overloaded, or raise Model:TimeoutSeconds",
        _ => $"{error.GetType().Name}{Said(error)}",
    };

    /// <summary>
    /// A failure that every later call to the same endpoint would repeat: no HTTP answer at all, a key that is refused
    /// (401/403), or an endpoint or model that does not exist (404). A run that meets one before its phases need not
    /// ask again (<see cref="Models.KnownFailureChatClient"/>).
    /// </summary>
    public static bool IsEndpointFailure(Exception error) => error switch
    {
        ClientResultException { Status: 0 or 401 or 403 or 404 } => true,
        ClientResultException => false,
        HttpRequestException { StatusCode: { } status } => (int)status is 401 or 403 or 404,
        HttpRequestException => true,
        _ => error.InnerException is { } inner && IsEndpointFailure(inner),
    };

    /// <summary>No HTTP answer at all: refused, unresolvable host, TLS failure, dropped connection.</summary>
    private static string Unreachable(Exception error)
    {
        var cause = Innermost<HttpRequestException>(error) ?? error;
        return $"the provider could not be reached{Said(cause)}; check the endpoint (--endpoint or Model:Endpoint), that the server is running and that this machine can reach it";
    }

    private static string Advice(int status) => status switch
    {
        401 or 403 => "check the API key (TARANTOOL_AGENTS_API_KEY, OPENAI_API_KEY or AZURE_OPENAI_API_KEY) and its access to the model",
        404 => "check the endpoint and the model name (--endpoint, --model; on Azure the deployment name)",
        429 => "the provider's rate limit or quota was hit on every retry; wait, or raise the quota",
        400 or 422 => "the provider refused the request; check that the model supports JSON-schema structured output",
        >= 500 => "the provider failed on its side on every retry; try again later",
        _ => "check the endpoint and the model name",
    };

    /// <summary>The provider's own message, on one line, without anything that looks like a key.</summary>
    private static string Said(Exception error)
    {
        var text = Whitespace().Replace(error.Message, " ").Trim();
        if (text.Length == 0) return "";
        text = KeyLike().Replace(text, "[redacted]");
        if (text.Length > MaxProviderText) text = text[..MaxProviderText] + "…";
        return $" ({text})";
    }

    private static T? Innermost<T>(Exception error) where T : Exception
    {
        T? found = null;
        for (var e = error; e is not null; e = e.InnerException)
            if (e is T match) found = match;
        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // OpenAI-style keys (sk-...), bearer tokens and long opaque tokens that a provider may echo back.
    [GeneratedRegex(@"(?i)\b(sk-[A-Za-z0-9_\-*]{4,}|bearer\s+\S+|[A-Za-z0-9_\-]{32,})")]
    private static partial Regex KeyLike();
}
