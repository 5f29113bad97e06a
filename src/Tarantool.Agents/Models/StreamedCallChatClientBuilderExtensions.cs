using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Wires <see cref="StreamedCallChatClient"/> into a pipeline.</summary>
public static class StreamedCallChatClientBuilderExtensions
{
    public static ChatClientBuilder UseStreamedCalls(this ChatClientBuilder builder, TimeSpan idleTimeout, TimeProvider? timeProvider = null) =>
        builder.Use(inner => new StreamedCallChatClient(inner, idleTimeout, timeProvider));
}
