using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Makes every model call a streamed one and gives it an idle timeout: a long answer (the documentation phase
/// writes tens of thousands of tokens) keeps arriving in chunks, so only a provider that falls silent for
/// <c>idleTimeout</c> is given up on, while the resilience layer's per-attempt timeout stays the overall ceiling.
/// Sits right above the provider, so retries, caching and accounting see one whole response as before.
/// </summary>
public sealed class StreamedCallChatClient(IChatClient innerClient, TimeSpan idleTimeout, TimeProvider? timeProvider = null) : DelegatingChatClient(innerClient)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = _time.CreateTimer(_ => idle.Cancel(), null, idleTimeout, Timeout.InfiniteTimeSpan);
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, idle.Token).ConfigureAwait(false))
            {
                updates.Add(update);
                timer.Change(idleTimeout, Timeout.InfiniteTimeSpan);
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The provider sent nothing for {idleTimeout.TotalSeconds:0.#} s in the middle of an answer.");
        }

        // Every provider ends a complete answer with a finish reason (OpenAI's finish_reason, Ollama's done_reason);
        // a stream that stops without one was cut on the way, and retrying is the cure.
        if (!updates.Any(u => u.FinishReason is not null))
            throw new IOException("The answer stream ended before the provider finished the answer.");
        return updates.ToChatResponse();
    }
}
