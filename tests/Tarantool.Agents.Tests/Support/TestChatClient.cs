using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Tests.Support;

/// <summary>A chat client whose behaviour is a settable delegate; counts calls.</summary>
internal sealed class TestChatClient : IChatClient
{
    private int _calls;

    public Func<IList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> Respond { get; set; } =
        (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "")));

    public int Calls => _calls;

    public static TestChatClient Answering(Func<IList<ChatMessage>, ChatOptions?, string> answer) =>
        new() { Respond = (messages, options, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(messages, options)))) };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return await Respond([.. messages], options, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    // Semantic Kernel asks every chat client for its metadata.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test", null, "test-model")
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
