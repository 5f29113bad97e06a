using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Holds every model call (each attempt of it: this sits below the retries) to the run's
/// <see cref="AdaptiveConcurrencyLimiter"/>, and tells the limiter how the call went, so that when the provider keeps
/// answering 429 the run sends fewer calls at once instead of retrying them all into the same wall.
/// </summary>
public sealed class AdaptiveConcurrencyChatClient(IChatClient innerClient, AdaptiveConcurrencyLimiter limiter) : DelegatingChatClient(innerClient)
{
    private readonly AdaptiveConcurrencyLimiter _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            lease.Release(AdaptiveConcurrencyLimiter.CallOutcome.Succeeded);
            return response;
        }
        catch (Exception e) when (TransientFaults.IsRateLimited(e))
        {
            lease.Release(AdaptiveConcurrencyLimiter.CallOutcome.Throttled);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var lease = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false)) break;
                update = updates.Current;
            }
            catch (Exception e) when (TransientFaults.IsRateLimited(e))
            {
                lease.Release(AdaptiveConcurrencyLimiter.CallOutcome.Throttled);
                throw;
            }

            yield return update;
        }

        lease.Release(AdaptiveConcurrencyLimiter.CallOutcome.Succeeded);
    }
}
