using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

public static class ResilientChatClientBuilderExtensions
{
    /// <summary>Adds retries, per-call timeouts and a circuit breaker around the inner client.</summary>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, ModelResilienceOptions options, TimeSpan attemptTimeout, TimeProvider? timeProvider = null) =>
        builder.Use(inner => new ResilientChatClient(inner, options, attemptTimeout, timeProvider));
}
