using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Models;
using Tarantool.Agents.Tests.Support;
using Outcome = Tarantool.Agents.Models.AdaptiveConcurrencyLimiter.CallOutcome;

namespace Tarantool.Agents.Tests.Models;

public sealed class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task A_burst_of_429s_halves_the_limit_once_from_the_calls_in_flight()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8);
        var leases = new List<AdaptiveConcurrencyLimiter.Lease>();
        for (var i = 0; i < 6; i++) leases.Add(await limiter.AcquireAsync());

        // Four of the six calls in flight are refused: one halving (6 → 3), not four.
        foreach (var lease in leases.Take(4)) lease.Release(Outcome.Throttled);

        Assert.Equal(3, limiter.Limit);
        Assert.Equal(4, limiter.Throttled);
    }

    [Fact]
    public async Task Refusals_under_a_lowered_limit_halve_it_again_but_never_below_one()
    {
        var limiter = new AdaptiveConcurrencyLimiter(4);
        for (var i = 0; i < 5; i++)
            (await limiter.AcquireAsync()).Release(Outcome.Throttled);

        Assert.Equal(1, limiter.Limit);
    }

    [Fact]
    public async Task A_run_of_successes_raises_the_limit_by_one_up_to_the_maximum()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2);
        (await limiter.AcquireAsync()).Release(Outcome.Throttled);
        Assert.Equal(1, limiter.Limit);

        for (var i = 0; i < AdaptiveConcurrencyLimiter.MinSuccessRun - 1; i++) (await limiter.AcquireAsync()).Release(Outcome.Succeeded);
        Assert.Equal(1, limiter.Limit);
        (await limiter.AcquireAsync()).Release(Outcome.Succeeded);
        Assert.Equal(2, limiter.Limit);

        for (var i = 0; i < 100; i++) (await limiter.AcquireAsync()).Release(Outcome.Succeeded);
        Assert.Equal(2, limiter.Limit);
    }

    [Fact]
    public async Task Callers_wait_for_a_slot_in_order_and_a_cancelled_waiter_takes_none()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1);
        var held = await limiter.AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(cancel.Token).AsTask();
        var second = limiter.AcquireAsync().AsTask();
        Assert.False(cancelled.IsCompleted);
        Assert.False(second.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Release(Outcome.Succeeded);

        using var next = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, limiter.Peak);
    }

    [Fact]
    public async Task Under_a_provider_that_refuses_above_three_calls_the_concurrency_converges_and_no_call_fails()
    {
        const int ProviderLimit = 3;
        var inFlight = 0;
        var attempts = new ConcurrentQueue<bool>();
        var provider = new TestChatClient
        {
            Respond = async (_, _, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                try
                {
                    var refused = now > ProviderLimit;
                    attempts.Enqueue(refused);
                    if (refused) throw new HttpRequestException("rate limited", null, HttpStatusCode.TooManyRequests);
                    await Task.Delay(5, token);
                    return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            },
        };
        var limiter = new AdaptiveConcurrencyLimiter(16);
        var retries = new ModelResilienceOptions { MaxRetries = 8, BaseDelaySeconds = 0.001, MaxDelaySeconds = 0.01, BreakerMinimumThroughput = 1000 };
        var client = new ResilientChatClient(new AdaptiveConcurrencyChatClient(provider, limiter), retries, TimeSpan.FromSeconds(30));

        // Sixteen callers at once, as a run with --max-parallel 16 would make, each with a series of calls.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var texts = new List<string>();
            for (var i = 0; i < 15; i++) texts.Add((await client.GetResponseAsync("hi")).Text);
            return texts;
        }));

        Assert.All(answers.SelectMany(a => a), text => Assert.Equal("ok", text));
        var all = attempts.ToList();
        var secondHalf = all.Skip(all.Count / 2).ToList();
        // The first burst is refused while the limit comes down; afterwards only the occasional probe above the
        // provider's limit is, about one per run of successes.
        Assert.True(all.Count(r => r) > 0, "the provider never refused: the test did not exercise the limit");
        Assert.True(secondHalf.Count(r => r) <= secondHalf.Count / 10, $"{secondHalf.Count(r => r)} of the last {secondHalf.Count} attempts were refused");
        Assert.InRange(limiter.Limit, 1, ProviderLimit + 1);
    }
}
