using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

public static class AdaptiveConcurrencyChatClientBuilderExtensions
{
    /// <summary>Holds every call below this point to <paramref name="limiter"/>, which adapts to the provider's 429s.</summary>
    public static ChatClientBuilder UseAdaptiveConcurrency(this ChatClientBuilder builder, AdaptiveConcurrencyLimiter limiter) =>
        builder.Use(inner => new AdaptiveConcurrencyChatClient(inner, limiter));
}
