using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using Tarantool.Agents.Expert;

namespace Tarantool.Agents.Models;

/// <summary>
/// Builds the model pipeline: the provider's <see cref="IChatClient"/> wrapped in our middleware. The first
/// <c>Use*</c> is the outermost layer: tool calls, then usage accounting per model call, then logging.
/// </summary>
public static class ChatClientFactory
{
    public static IChatClient Create(ModelOptions options, UsageLedger ledger, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null, ModelProfile? profile = null) =>
        Wrap(CreateProviderClient(options), options, ledger, loggerFactory, withTools: options.Provider != ModelProviders.Offline && options.Tools, timeProvider, profile,
            streamed: options.Provider != ModelProviders.Offline);

    /// <summary>
    /// Wraps any inner client (a provider's, or a test's) in the product's middleware. Outermost first: tool calls,
    /// the token budget, usage accounting (one entry per answered call), logging, then resilience, then the adaptive
    /// concurrency limit (each attempt takes a slot; 429s lower the limit), then streamed
    /// calls with an idle timeout right above the provider, so that each retry is a fresh attempt of the same call. The model limits sit below the accounting, so
    /// that what is recorded and cached is the call as really sent; <paramref name="profile"/> defaults to the one
    /// configuration and the built-in table give (no endpoint is asked).
    /// </summary>
    public static IChatClient Wrap(
        IChatClient inner, ModelOptions options, UsageLedger ledger, ILoggerFactory loggerFactory, bool withTools = false, TimeProvider? timeProvider = null,
        ModelProfile? profile = null, bool streamed = false, AdaptiveConcurrencyLimiter? limiter = null)
    {
        // Every call is counted against the model's window; load the tokenizer while the run gets ready.
        TokenCounter.Warm();
        var builder = new ChatClientBuilder(options.Cache.Mode == ResponseCacheOptions.Replay ? new ReplayOnlyChatClient(inner) : inner);
        if (withTools) builder.UseFunctionInvocation(loggerFactory);
        builder
            .UseTokenBudget(ledger, options.TokenBudget)
            .UseUsageAccounting(ledger)
            .UseModelLimits(profile ?? ModelProfileResolver.Resolve(options), options.Provider)
            .UseLogging(loggerFactory);
        if (options.Cache.Enabled)
        {
            // Below the accounting (a replayed answer still counts its recorded usage) and above resilience
            // (a recorded answer needs no retries). The provider and model are part of the key.
            builder.UseDistributedCache(new FileDistributedCache(options.Cache.Directory!), cache =>
                cache.CacheKeyAdditionalValues = [options.Provider, options.EffectiveModel, options.Endpoint ?? ""]);
        }

        builder.UseResilience(options.Resilience, TimeSpan.FromSeconds(options.TimeoutSeconds), timeProvider);
        // Below the retries, so each attempt takes a slot and a 429 lowers the limit before the retry waits for one;
        // one limiter per pipeline, that is per run, shared by all its phases and parts.
        builder.UseAdaptiveConcurrency(limiter ?? new AdaptiveConcurrencyLimiter(options.MaxConcurrentCalls));
        // Providers over the network stream their answers; the in-process expert and test fakes answer at once.
        if (streamed) builder.UseStreamedCalls(TimeSpan.FromSeconds(options.IdleTimeoutSeconds), timeProvider);
        return builder.Build();
    }

    private static IChatClient CreateProviderClient(ModelOptions options)
    {
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return options.Provider switch
        {
            ModelProviders.Offline => new TarantoolExpertChatClient(),
            ModelProviders.OpenAI or ModelProviders.OpenAICompatible => new OpenAI.Chat.ChatClient(
                    options.Model!,
                    // Local OpenAI-compatible servers often need no key, but the SDK insists on one.
                    new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "not-needed" : options.ApiKey),
                    new OpenAIClientOptions
                    {
                        Endpoint = options.Endpoint is null ? null : new Uri(options.Endpoint),
                        NetworkTimeout = timeout,
                        // Our resilience layer retries; the SDK's own retries would multiply with it.
                        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    })
                .AsIChatClient(),
            ModelProviders.AzureOpenAI => new Azure.AI.OpenAI.AzureOpenAIClient(
                    new Uri(options.Endpoint!),
                    new ApiKeyCredential(options.ApiKey!),
                    new Azure.AI.OpenAI.AzureOpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) })
                .GetChatClient(options.Model!)
                .AsIChatClient(),
            ModelProviders.Ollama => new OllamaSharp.OllamaApiClient(
                new HttpClient { BaseAddress = new Uri(options.Endpoint!), Timeout = timeout }, options.Model!),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown provider."),
        };
    }
}
