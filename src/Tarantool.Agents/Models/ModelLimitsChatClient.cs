using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Makes every call fit the model: the answer asked for is capped at the model's maximum and at what the context
/// window leaves after the prompt (counted with tools and schema, plus a margin); a prompt that leaves no room is
/// refused before it is sent. Sampling settings are dropped for models that refuse them, strict structured outputs
/// are requested where the provider supports them, Ollama gets a <c>num_ctx</c> sized to the call (its default of
/// 4,096 would silently cut the prompt), and a provider that reports no usage is charged what was counted.
/// </summary>
public sealed class ModelLimitsChatClient(IChatClient innerClient, ModelProfile profile, string provider) : DelegatingChatClient(innerClient)
{
    /// <summary>The option name OllamaSharp maps onto the request's <c>options.num_ctx</c>.</summary>
    public const string NumCtxKey = "num_ctx";

    /// <summary>The key Microsoft.Extensions.AI.OpenAI reads to send structured outputs with <c>strict: true</c>.</summary>
    public const string StrictKey = "strict";

    private readonly ModelProfile _profile = profile ?? throw new ArgumentNullException(nameof(profile));

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var (fitted, promptTokens) = Fit(list, options);
        var response = await base.GetResponseAsync(list, fitted, cancellationToken).ConfigureAwait(false);
        ChargeCounted(response.Usage ??= new UsageDetails(), promptTokens, response.Text);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var (fitted, _) = Fit(list, options);
        await foreach (var update in base.GetStreamingResponseAsync(list, fitted, cancellationToken).ConfigureAwait(false))
            yield return update;
    }

    /// <summary>The options actually sent and the counted prompt size; throws when the prompt cannot fit.</summary>
    public (ChatOptions Options, int PromptTokens) Fit(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var fitted = options?.Clone() ?? new ChatOptions();
        if (!_profile.Sampling)
        {
            fitted.Temperature = null;
            fitted.TopP = null;
        }

        if (!_profile.Tools) fitted.Tools = null;
        var prompt = PromptTokens.Count(messages, fitted);
        var room = _profile.ContextWindow - prompt - ModelProfile.MarginFor(prompt);
        if (room < ModelProfile.MinimumAnswerTokens)
            throw new RequestTooLargeException(
                $"the prompt of {PhaseScope.Current ?? "the call"} takes {prompt} tokens and leaves no room for an answer in the {_profile.ContextWindow}-token context window; " +
                "use a model with a larger window or set Model:ContextWindow if the model holds more");

        fitted.MaxOutputTokens = Math.Min(Math.Min(fitted.MaxOutputTokens ?? _profile.MaxOutputTokens, _profile.MaxOutputTokens), room);
        if (provider == ModelProviders.Ollama)
        {
            fitted.AdditionalProperties ??= [];
            fitted.AdditionalProperties[NumCtxKey] = NumCtx(prompt, fitted.MaxOutputTokens.Value);
        }

        if (_profile.StrictSchemas && fitted.ResponseFormat is ChatResponseFormatJson { Schema: not null })
        {
            fitted.AdditionalProperties ??= [];
            fitted.AdditionalProperties[StrictKey] = true;
        }

        return (fitted, prompt);
    }

    /// <summary>
    /// The window Ollama loads for this call: prompt, answer and margin, rounded up to a multiple of 2,048 so that
    /// calls of similar size reuse one loaded context, never past the model's window.
    /// </summary>
    private int NumCtx(int prompt, int answer)
    {
        var needed = prompt + answer + ModelProfile.MarginFor(prompt);
        var rounded = (needed + 2_047) / 2_048 * 2_048;
        return Math.Min(rounded, _profile.ContextWindow);
    }

    private static void ChargeCounted(UsageDetails usage, int promptTokens, string answer)
    {
        // The provider's own figures are the truth; only a provider that reports nothing is charged our count, and
        // the usage says so.
        if (usage.InputTokenCount is null || usage.OutputTokenCount is null)
        {
            usage.AdditionalCounts ??= [];
            usage.AdditionalCounts[UsageLedger.EstimatedKey] = 1;
        }

        usage.InputTokenCount ??= promptTokens;
        usage.OutputTokenCount ??= TokenCounter.Count(answer);
        usage.TotalTokenCount ??= usage.InputTokenCount + usage.OutputTokenCount;
    }
}
