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
    public static IChatClient Create(ModelOptions options, UsageLedger ledger, ILoggerFactory loggerFactory) =>
        Wrap(CreateProviderClient(options), ledger, loggerFactory, withTools: options.Provider != ModelProviders.Offline);

    /// <summary>Wraps any inner client (a provider's, or a test's) in the product's middleware.</summary>
    public static IChatClient Wrap(IChatClient inner, UsageLedger ledger, ILoggerFactory loggerFactory, bool withTools = false)
    {
        var builder = new ChatClientBuilder(inner);
        if (withTools) builder.UseFunctionInvocation(loggerFactory);
        return builder
            .UseUsageAccounting(ledger)
            .UseLogging(loggerFactory)
            .Build();
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
                    })
                .AsIChatClient(),
            ModelProviders.AzureOpenAI => new Azure.AI.OpenAI.AzureOpenAIClient(
                    new Uri(options.Endpoint!),
                    new ApiKeyCredential(options.ApiKey!),
                    new Azure.AI.OpenAI.AzureOpenAIClientOptions { NetworkTimeout = timeout })
                .GetChatClient(options.Model!)
                .AsIChatClient(),
            ModelProviders.Ollama => new OllamaSharp.OllamaApiClient(
                new HttpClient { BaseAddress = new Uri(options.Endpoint!), Timeout = timeout }, options.Model!),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown provider."),
        };
    }
}
