using System.Runtime.ExceptionServices;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Stands in for an endpoint already known not to work: intake's call found it unreachable, or found the key or the
/// model refused (<see cref="Engine.ModelErrors.IsEndpointFailure"/>), after every retry. Each call fails at once with
/// that failure, so the run ends with the provider's own words in every failing phase's reason and one error line,
/// instead of the same retries again for the first phase.
/// </summary>
public sealed class KnownFailureChatClient(IChatClient innerClient, Exception failure) : DelegatingChatClient(innerClient)
{
    private readonly ExceptionDispatchInfo _failure = ExceptionDispatchInfo.Capture(failure ?? throw new ArgumentNullException(nameof(failure)));

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromException<ChatResponse>(_failure.SourceException);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw _failure.SourceException;
}
