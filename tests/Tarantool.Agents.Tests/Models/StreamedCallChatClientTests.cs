using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Tests.Models;

public sealed class StreamedCallChatClientTests
{
    /// <summary>Streams the given chunks with the given pauses before each.</summary>
    private sealed class PacedStream(params (TimeSpan Pause, string Text)[] chunks) : IChatClient
    {
        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var (pause, text) in chunks)
            {
                await Task.Delay(pause, cancellationToken);
                yield return new ChatResponseUpdate(ChatRole.Assistant, text);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = chunks.Length })])
            {
                FinishReason = ChatFinishReason.Stop,
            };
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("calls are streamed");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task A_long_answer_that_keeps_arriving_outlives_the_idle_timeout()
    {
        // Six chunks half a second apart: three seconds in all, against an idle timeout of two.
        var pause = TimeSpan.FromMilliseconds(500);
        var client = new StreamedCallChatClient(
            new PacedStream((pause, "{\"a\":"), (pause, "1"), (pause, ",\"b\":"), (pause, "2"), (pause, ",\"c\":3"), (pause, "}")), TimeSpan.FromSeconds(2));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("{\"a\":1,\"b\":2,\"c\":3}", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(7, response.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task A_provider_that_falls_silent_mid_answer_times_out_as_a_transient_failure()
    {
        var client = new StreamedCallChatClient(new PacedStream((TimeSpan.Zero, "{\"a\":"), (TimeSpan.FromSeconds(30), "1}")), TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync("hi"));

        Assert.True(TransientFaults.IsTransient(error, CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_cut_before_the_provider_finished_is_a_transient_failure()
    {
        var client = new StreamedCallChatClient(new CutStream(), TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<IOException>(() => client.GetResponseAsync("hi"));

        Assert.True(TransientFaults.IsTransient(error, CancellationToken.None));
    }

    private sealed class CutStream : IChatClient
    {
        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "{\"output\": {\"engi");
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var client = new StreamedCallChatClient(new PacedStream((TimeSpan.FromSeconds(30), "x")), TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("hi", cancellationToken: cancel.Token));
    }
}
