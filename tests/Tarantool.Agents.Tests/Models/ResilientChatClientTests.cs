using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Tests.Models;

public sealed class ResilientChatClientTests
{
    private static readonly ModelResilienceOptions Fast = new() { BaseDelaySeconds = 0.001, MaxDelaySeconds = 0.05, MaxRetries = 4, BreakerMinimumThroughput = 5, BreakerFailureRatio = 1.0, BreakerSeconds = 60 };

    private static TestChatClient FailingTimes(int failures, Func<Exception> error)
    {
        var calls = 0;
        return new TestChatClient
        {
            Respond = (_, _, _) => Interlocked.Increment(ref calls) <= failures
                ? throw error()
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))),
        };
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Transient_failures_are_retried_until_the_call_succeeds(HttpStatusCode status)
    {
        var inner = FailingTimes(3, () => new HttpRequestException("boom", null, status));
        var client = new ResilientChatClient(inner, Fast, TimeSpan.FromSeconds(5));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Dropped_connections_and_garbled_envelopes_are_retried_but_a_bad_request_is_not()
    {
        var dropped = FailingTimes(1, () => new HttpRequestException("connection reset"));
        Assert.Equal("ok", (await new ResilientChatClient(dropped, Fast, TimeSpan.FromSeconds(5)).GetResponseAsync("hi")).Text);

        var garbled = FailingTimes(1, () => new System.Text.Json.JsonException("'<' is an invalid start of a value"));
        Assert.Equal("ok", (await new ResilientChatClient(garbled, Fast, TimeSpan.FromSeconds(5)).GetResponseAsync("hi")).Text);

        var badRequest = FailingTimes(1, () => new HttpRequestException("bad", null, HttpStatusCode.BadRequest));
        await Assert.ThrowsAsync<HttpRequestException>(() => new ResilientChatClient(badRequest, Fast, TimeSpan.FromSeconds(5)).GetResponseAsync("hi"));
        Assert.Equal(1, badRequest.Calls);
    }

    [Fact]
    public async Task A_call_that_hangs_times_out_and_is_retried()
    {
        var calls = 0;
        var inner = new TestChatClient
        {
            Respond = async (_, _, token) =>
            {
                if (Interlocked.Increment(ref calls) == 1) await Task.Delay(TimeSpan.FromSeconds(30), token);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
            },
        };

        var response = await new ResilientChatClient(inner, Fast, TimeSpan.FromMilliseconds(200)).GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_opens_the_breaker_and_the_message_says_so()
    {
        var inner = FailingTimes(int.MaxValue, () => new HttpRequestException("down", null, HttpStatusCode.BadGateway));
        var client = new ResilientChatClient(inner, Fast, TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hi")); // 5 attempts: the breaker's threshold
        var error = await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetResponseAsync("hi"));
        Assert.Equal(5, inner.Calls); // the open breaker answered without calling the provider
        Assert.Contains("circuit breaker is open", ModelErrors.Describe(error));
    }

    [Fact]
    public async Task The_token_budget_stops_further_calls()
    {
        var ledger = new UsageLedger();
        var inner = TestChatClient.Answering((_, _) => "ok");
        inner.Respond = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { Usage = new UsageDetails { InputTokenCount = 600, OutputTokenCount = 500 } });
        var client = ChatClientFactory.Wrap(inner, new ModelOptions { TokenBudget = 1_000 }, ledger, NullLoggerFactory.Instance);

        await client.GetResponseAsync("hi");
        var error = await Assert.ThrowsAsync<TokenBudgetExceededException>(() => client.GetResponseAsync("again"));

        Assert.Equal(1, inner.Calls);
        Assert.Contains("token budget of 1000 tokens", ModelErrors.Describe(error));
    }
}
