using System.ComponentModel.DataAnnotations;

namespace Tarantool.Agents.Models;

/// <summary>
/// Which model answers the phases. Bound from the <c>Model</c> section of appsettings.json, then environment
/// variables (<c>TARANTOOL_AGENTS_Model__Provider</c>...), then command-line flags. The key is read from
/// configuration or the environment only; it is never printed, logged or written.
/// </summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string SectionName = "Model";
    public const string DefaultProvider = ModelProviders.Offline;
    public const int DefaultMaxAttempts = 3;
    public const int DefaultTimeoutSeconds = 900;
    public const int DefaultIdleTimeoutSeconds = 90;

    /// <summary>offline (default), openai, azure-openai, ollama or openai-compatible.</summary>
    public string Provider { get; set; } = DefaultProvider;

    /// <summary>Base URL for azure-openai, ollama and openai-compatible (and optionally openai).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model id, or the deployment name on Azure OpenAI.</summary>
    public string? Model { get; set; }

    /// <summary>API key; falls back to TARANTOOL_AGENTS_API_KEY, OPENAI_API_KEY or AZURE_OPENAI_API_KEY.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many answers a phase may get (the first plus repairs) before it fails.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>
    /// Overall ceiling of one model call. Answers are streamed, so a long answer that keeps arriving is not cut by a
    /// short limit; <see cref="IdleTimeoutSeconds"/> catches a provider that stalls.
    /// </summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Longest silence between two chunks of a streamed answer before the call is given up (and retried).</summary>
    [Range(1, 3600)]
    public int IdleTimeoutSeconds { get; set; } = DefaultIdleTimeoutSeconds;

    public const long DefaultTokenBudget = 3_000_000;

    /// <summary>Most tokens (input + output) one run may spend; the run stops cleanly past it.</summary>
    [Range(1_000, 1_000_000_000)]
    public long TokenBudget { get; set; } = DefaultTokenBudget;

    /// <summary>Tokens of prompt plus answer the model holds; overrides what the endpoint reports and the built-in table.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Model:ContextWindow must be a positive number of tokens.")]
    public int? ContextWindow { get; set; }

    /// <summary>Most tokens one answer may ask for; overrides the endpoint and the built-in table.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Model:MaxOutputTokens must be a positive number of tokens.")]
    public int? MaxOutputTokens { get; set; }

    /// <summary>Whether the model accepts temperature and top_p; false for reasoning models (o-series, gpt-5).</summary>
    public bool? Sampling { get; set; }

    /// <summary>Whether structured outputs are sent with <c>strict: true</c>; on by default for openai and azure-openai.</summary>
    public bool? StrictSchemas { get; set; }

    /// <summary>Offer tools to the phases that declare them; turn off for endpoints without tool support.</summary>
    public bool Tools { get; set; } = true;

    public const int DefaultMaxConcurrentCalls = 16;

    /// <summary>
    /// Most model calls of one run in flight at once, and the ceiling the adaptive limit climbs back to after the
    /// provider's 429s have lowered it (see <see cref="AdaptiveConcurrencyLimiter"/>); <c>--max-parallel</c> bounds the
    /// phases' calls below this too.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentCalls { get; set; } = DefaultMaxConcurrentCalls;

    /// <summary>Recording and replay of model answers.</summary>
    public ResponseCacheOptions Cache { get; set; } = new();

    /// <summary>Retries, timeouts and the circuit breaker around model calls.</summary>
    public ModelResilienceOptions Resilience { get; set; } = new();

    /// <summary>The model id that bundle.json records.</summary>
    public string EffectiveModel => Provider == ModelProviders.Offline ? ModelProviders.ExpertModelId : Model ?? "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ModelProviders.All.Contains(Provider))
        {
            yield return new ValidationResult($"Unknown provider '{Provider}'; use one of: {string.Join(", ", ModelProviders.All)}.", [nameof(Provider)]);
            yield break;
        }

        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Resilience, new ValidationContext(Resilience), nested, validateAllProperties: true);
        foreach (var result in nested) yield return new ValidationResult($"Model:Resilience: {result.ErrorMessage}", result.MemberNames);
        if (Cache.Mode is not (ResponseCacheOptions.Off or ResponseCacheOptions.Record or ResponseCacheOptions.Replay))
            yield return new ValidationResult($"Model:Cache:Mode '{Cache.Mode}' is not off, record or replay.", ["Cache"]);
        else if (Cache.Enabled && string.IsNullOrWhiteSpace(Cache.Directory))
            yield return new ValidationResult("Model:Cache:Directory is required when Model:Cache:Mode is record or replay.", ["Cache"]);
        if (ContextWindow is { } context && MaxOutputTokens is { } output && output > context)
            yield return new ValidationResult(
                $"Model:MaxOutputTokens ({output}) is larger than Model:ContextWindow ({context}): an answer cannot be longer than the window that holds it.",
                [nameof(MaxOutputTokens)]);
        if (Provider == ModelProviders.Offline) yield break;
        if (string.IsNullOrWhiteSpace(Model))
            yield return new ValidationResult($"Provider '{Provider}' needs a model: set --model or Model:Model.", [nameof(Model)]);
        if (Provider is ModelProviders.AzureOpenAI or ModelProviders.OpenAICompatible or ModelProviders.Ollama && string.IsNullOrWhiteSpace(Endpoint))
            yield return new ValidationResult($"Provider '{Provider}' needs an endpoint: set --endpoint or Model:Endpoint.", [nameof(Endpoint)]);
        if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) | uri is { Scheme: not ("http" or "https") })
            yield return new ValidationResult($"Endpoint '{Endpoint}' is not an absolute http(s) URL.", [nameof(Endpoint)]);
        if (Provider is ModelProviders.OpenAI or ModelProviders.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
            yield return new ValidationResult(
                $"Provider '{Provider}' needs an API key: set TARANTOOL_AGENTS_API_KEY (or {(Provider == ModelProviders.OpenAI ? "OPENAI_API_KEY" : "AZURE_OPENAI_API_KEY")}) in the environment.",
                [nameof(ApiKey)]);
    }
}
