using System.ComponentModel.DataAnnotations;

namespace Tarantool.Agents.Models;

/// <summary>
/// How model calls survive transient faults: retries with exponential backoff and jitter (honouring Retry-After),
/// a per-call timeout, and a circuit breaker that stops hammering a provider that keeps failing.
/// Bound from <c>Model:Resilience</c>.
/// </summary>
public sealed class ModelResilienceOptions
{
    public const int DefaultMaxRetries = 5;
    public const double DefaultBaseDelaySeconds = 1;
    public const double DefaultMaxDelaySeconds = 60;
    public const double DefaultBreakerFailureRatio = 0.9;
    public const int DefaultBreakerMinimumThroughput = 20;
    public const int DefaultBreakerSeconds = 30;

    /// <summary>Retries after the first attempt of one call.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>First backoff delay; doubles each retry, with jitter.</summary>
    [Range(0, 60)]
    public double BaseDelaySeconds { get; set; } = DefaultBaseDelaySeconds;

    /// <summary>Longest wait between attempts, Retry-After included.</summary>
    [Range(0, 600)]
    public double MaxDelaySeconds { get; set; } = DefaultMaxDelaySeconds;

    /// <summary>Share of failed calls in the sampling window that opens the breaker.</summary>
    [Range(0.1, 1.0)]
    public double BreakerFailureRatio { get; set; } = DefaultBreakerFailureRatio;

    /// <summary>Calls in the window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = DefaultBreakerMinimumThroughput;

    /// <summary>How long an open breaker rejects calls.</summary>
    [Range(1, 3600)]
    public int BreakerSeconds { get; set; } = DefaultBreakerSeconds;
}
