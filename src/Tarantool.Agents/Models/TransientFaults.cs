using System.ClientModel;
using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Tarantool.Agents.Models;

/// <summary>Which model-call failures are worth retrying, and what the provider said about when to retry.</summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception error, CancellationToken callerToken) => error switch
    {
        _ when callerToken.IsCancellationRequested => false,
        RequestTooLargeException => false,
        // OpenAI answers 429 "Request too large ... tokens per min" for a call larger than the whole per-minute
        // allowance: waiting cannot make it fit, so it is not retried.
        ClientResultException e when e.Status == 429 && e.Message.Contains("request too large", StringComparison.OrdinalIgnoreCase) => false,
        ClientResultException e => IsTransientStatus(e.Status),
        HttpRequestException { StatusCode: { } status } => IsTransientStatus((int)status),
        HttpRequestException => true, // connection refused, reset or dropped
        IOException => true,
        // A provider answer whose envelope does not parse (cut off or garbled on the way) is worth another try;
        // a model's own bad JSON inside a good envelope is the validation loop's business, not this one's.
        System.Text.Json.JsonException => true,
        TimeoutRejectedException or TimeoutException or TaskCanceledException => true,
        BrokenCircuitException => false,
        _ => error.InnerException is { } inner && IsTransient(inner, callerToken),
    };

    /// <summary>
    /// A 429 that asks the caller to slow down (rate limited), not one that says the call can never fit
    /// ("Request too large"): the adaptive concurrency limit reacts to the first kind only.
    /// </summary>
    public static bool IsRateLimited(Exception error) => error switch
    {
        ClientResultException e when e.Status == 429 => !e.Message.Contains("request too large", StringComparison.OrdinalIgnoreCase),
        HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        _ => error.InnerException is { } inner && IsRateLimited(inner),
    };

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or 0 || status >= 500;

    /// <summary>The wait a provider asked for with <c>retry-after-ms</c> or <c>Retry-After</c> (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(Exception error, DateTimeOffset now)
    {
        if (error is not ClientResultException { } e || e.GetRawResponse() is not { } response) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            return TimeSpan.FromMilliseconds(milliseconds);
        if (response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}
