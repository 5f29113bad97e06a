using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Tarantool.Agents.Models;

/// <summary>
/// Polly around every (non-streaming) model call: retries with exponential backoff and jitter that honour
/// Retry-After, around a circuit breaker that counts every attempt (once open, calls fail fast instead of retrying),
/// around a timeout for each attempt. Provider SDK retries are off, so retries
/// do not multiply.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline<ChatResponse> _pipeline;

    public ResilientChatClient(IChatClient innerClient, ModelResilienceOptions options, TimeSpan attemptTimeout, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        var time = timeProvider ?? TimeProvider.System;
        var maxDelay = TimeSpan.FromSeconds(options.MaxDelaySeconds);
        var builder = new ResiliencePipelineBuilder<ChatResponse> { TimeProvider = time };
        _pipeline = builder
            .AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.BaseDelaySeconds),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0
                    && args.Outcome.Exception is { } e && TransientFaults.IsTransient(e, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && TransientFaults.RetryAfter(e, time.GetUtcNow()) is { } after
                        ? (TimeSpan?)(after < maxDelay ? after : maxDelay)
                        : null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ChatResponse>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(options.BreakerSeconds * 2, 10)),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientFaults.IsTransient(e, CancellationToken.None)),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = attemptTimeout })
            .Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        return await _pipeline.ExecuteAsync(
            async token => await base.GetResponseAsync(list, options, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }
}
