using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Tarantool.Agents.Models;

/// <summary>
/// Resolves the <see cref="ModelProfile"/> of a run before any phase runs. Each limit comes from the first source
/// that knows it: configuration (<c>Model:ContextWindow</c>...), the endpoint where its protocol tells (vLLM's
/// <c>/v1/models</c> reports <c>max_model_len</c>, Ollama's <c>/api/show</c> the model's context length), the table
/// of well-known hosted models, then conservative defaults.
/// </summary>
public static partial class ModelProfileResolver
{
    /// <summary>Context window assumed when nothing tells: what current open models serve at the least.</summary>
    public const int DefaultContextWindow = 32_768;

    /// <summary>Answer size assumed when nothing tells.</summary>
    public const int DefaultMaxOutputTokens = 8_192;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Resolves the profile; throws <see cref="ModelEndpointException"/> when the endpoint answers garbage, does not
    /// know the model, or the resolved limits contradict each other. An endpoint that cannot be reached is not an
    /// error here (the run's own retries deal with it); its limits then come from the next source.
    /// </summary>
    public static async Task<ModelProfile> ResolveAsync(ModelOptions options, HttpMessageHandler? handler = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var probed = await ProbeAsync(options, handler, logger, cancellationToken).ConfigureAwait(false);
        return Resolve(options, probed);
    }

    /// <summary>The profile from configuration, a context window the endpoint reported (if any), the table and defaults.</summary>
    public static ModelProfile Resolve(ModelOptions options, int? probedContextWindow = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = KnownModels.Find(options.EffectiveModel);

        var (context, contextSource) = options.ContextWindow is { } c ? (c, "configuration")
            : probedContextWindow is { } p ? (p, "endpoint")
            : known is not null ? (known.ContextWindow, "table")
            : (DefaultContextWindow, "default");
        // Servers that report a window (vLLM, Ollama) bound an answer only by it: prompt plus answer must fit, which
        // every call is held to anyway.
        var (output, outputSource) = options.MaxOutputTokens is { } o ? (o, "configuration")
            : known is not null && contextSource != "endpoint" ? (known.MaxOutputTokens, "table")
            : contextSource == "endpoint" ? (context, "endpoint")
            : (DefaultMaxOutputTokens, "default");
        if (output > context)
        {
            // A configured maximum that the model's window cannot hold is a contradiction; a table or default
            // maximum simply shrinks to a window the endpoint reported smaller.
            if (outputSource == "configuration")
                throw new ModelEndpointException(
                    $"Model:MaxOutputTokens ({output}) is larger than the context window of '{options.EffectiveModel}' ({context}, from {contextSource}).");
            output = context / 2;
        }

        if (context < ModelProfile.MinimumAnswerTokens * 2)
            throw new ModelEndpointException($"The context window of '{options.EffectiveModel}' ({context} tokens, from {contextSource}) is too small to hold a phase prompt and its answer.");

        var sampling = options.Sampling ?? known?.Sampling ?? true;
        var strict = options.StrictSchemas ?? options.Provider is ModelProviders.OpenAI or ModelProviders.AzureOpenAI;
        var tools = options.Tools && options.Provider != ModelProviders.Offline;
        return new ModelProfile(context, output, sampling, strict, tools, $"context: {contextSource}, output: {outputSource}");
    }

    private static async Task<int?> ProbeAsync(ModelOptions options, HttpMessageHandler? handler, ILogger? logger, CancellationToken cancellationToken)
    {
        if (options.Endpoint is null || options.Provider is not (ModelProviders.OpenAICompatible or ModelProviders.Ollama)) return null;
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = ProbeTimeout;
        var baseUri = new Uri(options.Endpoint.TrimEnd('/') + "/");
        try
        {
            return options.Provider == ModelProviders.Ollama
                ? await ProbeOllamaAsync(http, baseUri, options.Model!, cancellationToken).ConfigureAwait(false)
                : await ProbeOpenAICompatibleAsync(http, baseUri, options.Model!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (logger is not null) LogProbeFailed(logger, e.GetType().Name);
            return null;
        }
    }

    private static async Task<int?> ProbeOpenAICompatibleAsync(HttpClient http, Uri baseUri, string model, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUri, "models"), cancellationToken).ConfigureAwait(false);
        // Servers without a model list (404, 405) or in trouble (5xx) tell nothing; the other sources decide.
        if (!response.IsSuccessStatusCode) return null;
        var root = await ReadJsonAsync(response, "GET /models", cancellationToken).ConfigureAwait(false);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new ModelEndpointException("The endpoint's GET /models answer is not a model list (no 'data' array); check --endpoint.");
        foreach (var entry in data.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new ModelEndpointException("The endpoint's GET /models answer lists an entry without a string 'id'; check --endpoint.");
            if (id.GetString() != model) continue;
            if (!entry.TryGetProperty("max_model_len", out var length)) return null;
            return PositiveLimit(length, "max_model_len", "GET /models");
        }

        // Not every server lists every model it serves (some proxies list none); the call itself will tell.
        return null;
    }

    private static async Task<int?> ProbeOllamaAsync(HttpClient http, Uri baseUri, string model, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(baseUri, "api/show"), new { model }, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            throw new ModelEndpointException($"Ollama at the endpoint does not have the model '{model}'; run 'ollama pull {model}' or check --model.");
        if (!response.IsSuccessStatusCode) return null;
        var root = await ReadJsonAsync(response, "POST /api/show", cancellationToken).ConfigureAwait(false);
        if (root.ValueKind != JsonValueKind.Object)
            throw new ModelEndpointException("Ollama's POST /api/show answer is not an object; check --endpoint.");
        if (!root.TryGetProperty("model_info", out var info) || info.ValueKind != JsonValueKind.Object) return null;
        // The key is "<architecture>.context_length" (qwen2.context_length, llama.context_length...).
        foreach (var property in info.EnumerateObject())
        {
            if (property.Name.EndsWith(".context_length", StringComparison.Ordinal))
                return PositiveLimit(property.Value, property.Name, "POST /api/show");
        }

        return null;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ModelEndpointException($"The endpoint's {call} answer is not JSON; check --endpoint.");
        }
    }

    private static int PositiveLimit(JsonElement value, string name, string call) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var limit) && limit > 0
            ? limit
            : throw new ModelEndpointException($"The endpoint's {call} answer gives '{name}' as {value.GetRawText()}, not a positive number of tokens.");

    [LoggerMessage(Level = LogLevel.Information, Message = "The model endpoint could not be asked for its limits ({Reason}); using configuration, the built-in table or defaults.")]
    private static partial void LogProbeFailed(ILogger logger, string reason);
}
