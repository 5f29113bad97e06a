using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Stands in for the provider in replay mode: any request that reaches it was not recorded.</summary>
public sealed class ReplayOnlyChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new RecordingMissingException();

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new RecordingMissingException();
}
