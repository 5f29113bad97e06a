using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A model provider emulated over real HTTP with the embedded expert as the model, enforcing the provider's
/// documented behaviour so that a request a real one would refuse or cut is refused or cut here too:
/// <list type="bullet">
/// <item>gpt-4o (OpenAI): at most 16,384 output tokens and 128k of context, else HTTP 400 with OpenAI's error bodies;
/// strict response schemas must follow the structured-output rules; an answer longer than the requested maximum is
/// cut with <c>finish_reason: length</c>.</item>
/// <item>vLLM serving a 32k model: <c>max_model_len</c> 32768 in <c>/v1/models</c>; 400 for tools with
/// <c>tool_choice</c> auto (the server runs without <c>--enable-auto-tool-choice</c>); 400 when prompt plus
/// <c>max_tokens</c> exceed the window.</item>
/// <item>Ollama with a 32k model: <c>/api/show</c> reports the context length; <c>num_ctx</c> defaults to 4,096 and a
/// longer prompt is cut from the start; an answer past <c>num_predict</c> or the window ends with
/// <c>done_reason: length</c>.</item>
/// </list>
/// </summary>
internal sealed class EmulatedProvider : IAsyncDisposable
{
    public enum Kind
    {
        Gpt4o,
        Vllm,
        Ollama,

        /// <summary>gpt-4o deployed on Azure OpenAI: deployment-name URLs, a required <c>api-version</c> query and an <c>api-key</c> header.</summary>
        AzureGpt4o,
    }

    /// <summary>The key the Azure emulation accepts in its <c>api-key</c> header.</summary>
    public const string AzureKey = "sk-emulated";

    public const int Gpt4oContext = 128_000;
    public const int Gpt4oMaxOutput = 16_384;
    public const int LocalContext = 32_768;
    public const int OllamaDefaultNumCtx = 4_096;

    private readonly WebApplication _app;
    private int _streamed;
    private int _inFlight;
    private int _throttled;
    private readonly TarantoolExpertChatClient _expert = new();

    private EmulatedProvider(Kind kind, WebApplication app)
    {
        Provider = kind;
        _app = app;
    }

    public Kind Provider { get; }

    /// <summary>The model id the provider serves.</summary>
    public string Model => Provider switch
    {
        Kind.Gpt4o or Kind.AzureGpt4o => "gpt-4o",
        Kind.Vllm => "Qwen/Qwen2.5-32B-Instruct",
        _ => "qwen2.5:32b",
    };

    /// <summary>Requests the provider refused, with the reason a real one gives.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Answers that were cut at the output limit or prompts that were cut at the window.</summary>
    public ConcurrentQueue<string> Cuts { get; } = new();

    /// <summary>Chat requests answered as a stream.</summary>
    public int Streamed => _streamed;

    /// <summary>With a value, a chat request arriving while this many are already being answered gets a 429 with
    /// <c>retry-after-ms</c>, as a provider's concurrency or rate limit answers.</summary>
    public int? MaxConcurrent { get; set; }

    /// <summary>Time each chat answer takes before it is sent, so that concurrent calls overlap.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Whether answers carry usage (OpenAI's <c>usage</c>); a provider that reports none makes the run count.</summary>
    public bool ReportUsage { get; set; } = true;

    /// <summary>With a value, intake's reading calls are answered with what it returns for the description instead of the expert's reading.</summary>
    public Func<string, JsonObject>? IntakeAnswer { get; set; }

    /// <summary>With a value, intake's reading calls fail with this HTTP status.</summary>
    public int? IntakeFailure { get; set; }

    /// <summary>Requests refused with 429 because too many were in flight.</summary>
    public int Throttled => _throttled;

    /// <summary>For every chat request in arrival order: how many were in flight with it, and whether it was refused with 429.</summary>
    public ConcurrentQueue<(int InFlight, bool Throttled)> Arrivals { get; } = new();

    /// <summary>Usage reported (or, with <see cref="ReportUsage"/> off, counted but not reported) per answered chat request.</summary>
    public ConcurrentQueue<(string? Schema, int PromptTokens, int CompletionTokens)> Usage { get; } = new();

    /// <summary>Every chat request body as received.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public string Endpoint => _app.Urls.First().TrimEnd('/') + (Provider is Kind.Ollama or Kind.AzureGpt4o ? "" : "/v1");

    /// <summary>The CLI flags that point a run at this provider.</summary>
    public string[] Flags => Provider switch
    {
        Kind.Gpt4o => ["--provider", "openai", "--endpoint", Endpoint, "--model", Model],
        Kind.AzureGpt4o => ["--provider", "azure-openai", "--endpoint", Endpoint, "--model", Model],
        Kind.Vllm => ["--provider", "openai-compatible", "--endpoint", Endpoint, "--model", Model],
        _ => ["--provider", "ollama", "--endpoint", Endpoint, "--model", Model],
    };

    public static async Task<EmulatedProvider> StartAsync(Kind kind)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new EmulatedProvider(kind, app);
        if (kind == Kind.Ollama)
        {
            app.MapPost("/api/show", provider.ShowAsync);
            app.MapPost("/api/chat", provider.OllamaChatAsync);
        }
        else if (kind == Kind.AzureGpt4o)
        {
            app.MapPost("/openai/deployments/{deployment}/chat/completions", provider.AzureChatCompletionAsync);
        }
        else
        {
            app.MapGet("/v1/models", provider.Models);
            app.MapPost("/v1/chat/completions", provider.ChatCompletionAsync);
        }

        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Models() => Json(new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(Provider == Kind.Vllm
            ? new JsonObject { ["id"] = Model, ["object"] = "model", ["owned_by"] = "vllm", ["max_model_len"] = LocalContext }
            : new JsonObject { ["id"] = Model, ["object"] = "model", ["owned_by"] = "system" }),
    });

    // Every handler takes a CancellationToken besides the HttpContext: a bare (HttpContext) => Task<IResult> binds as a
    // RequestDelegate and its result would never be written.
    // Azure OpenAI addresses a deployment in the path, wants the api-version query and authenticates with api-key.
    private async Task<IResult> AzureChatCompletionAsync(HttpContext http, string deployment, CancellationToken cancellationToken)
    {
        if (http.Request.Headers["api-key"] != AzureKey)
            return AzureError(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");
        if (string.IsNullOrEmpty(http.Request.Query["api-version"]))
            return AzureError(404, "404", "Resource not found");
        if (deployment != Model)
            return AzureError(404, "DeploymentNotFound", "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.");
        return await ChatCompletionAsync(http, cancellationToken);
    }

    private IResult AzureError(int status, string code, string message)
    {
        Refusals.Enqueue(message);
        return Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
    }

    private async Task<IResult> ChatCompletionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            if (MaxConcurrent is { } most && inFlight > most)
            {
                Arrivals.Enqueue((inFlight, true));
                Interlocked.Increment(ref _throttled);
                http.Response.Headers["retry-after-ms"] = "20";
                return Json(new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["message"] = $"Rate limit reached for {Model} on requests: limit {most} concurrent. Please try again in 20ms.",
                        ["type"] = "requests",
                        ["param"] = null,
                        ["code"] = "rate_limit_exceeded",
                    },
                }, statusCode: 429);
            }

            Arrivals.Enqueue((inFlight, false));
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
            return await AnswerChatCompletionAsync(http, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResult> AnswerChatCompletionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken))!.AsObject();
        Requests.Enqueue(body);
        // Azure takes the deployment from the path; its SDK still sends a model field, which the service ignores.
        if (Provider != Kind.AzureGpt4o && body["model"]?.GetValue<string>() != Model)
            return Refuse(404, $"The model `{body["model"]}` does not exist or you do not have access to it.", "model_not_found", "model");
        var maxTokens = (body["max_completion_tokens"] ?? body["max_tokens"])?.GetValue<int>();
        var schema = body["response_format"]?["json_schema"];
        var tools = body["tools"] as JsonArray;
        var prompt = CountPrompt(body["messages"]!.AsArray(), schema?["schema"], tools);

        if (Provider is Kind.Gpt4o or Kind.AzureGpt4o)
        {
            if (maxTokens > Gpt4oMaxOutput)
                return Refuse(400, $"max_tokens is too large: {maxTokens}. This model supports at most {Gpt4oMaxOutput} completion tokens, whereas you provided {maxTokens}.", "invalid_value", "max_tokens");
            if (prompt + (maxTokens ?? 0) > Gpt4oContext)
                return Refuse(400, $"This model's maximum context length is {Gpt4oContext} tokens. However, your messages resulted in {prompt} tokens and you requested {maxTokens} completion tokens. Please reduce the length of the messages or completion.", "context_length_exceeded", "messages");
            if (schema?["strict"]?.GetValue<bool>() == true && StrictSchemaRules.Check(JsonSerializer.SerializeToElement(schema["schema"])) is { Count: > 0 } problems)
                return Refuse(400, $"Invalid schema for response_format '{schema["name"]}': {problems[0]}.", null, "response_format");
        }
        else
        {
            var choice = body["tool_choice"]?.ToJsonString();
            if (tools is { Count: > 0 } && (choice is null || choice == "\"auto\""))
                return VllmRefuse("\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set");
            if (prompt + (maxTokens ?? 0) > LocalContext)
                return VllmRefuse($"This model's maximum context length is {LocalContext} tokens. However, you requested {prompt + (maxTokens ?? 0)} tokens ({prompt} in the messages, {maxTokens} in the completion). Please reduce the length of the messages or completion.");
        }

        var schemaName = schema?["name"]?.GetValue<string>();
        if (schemaName == IntakeSchemaName && IntakeFailure is { } failure)
            return Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "The server had an error while processing your request.", ["type"] = "server_error", ["param"] = null, ["code"] = null } }, statusCode: failure);
        var limit = maxTokens ?? (Provider is Kind.Gpt4o or Kind.AzureGpt4o ? Gpt4oMaxOutput : LocalContext - prompt);
        var answer = schemaName == IntakeSchemaName && IntakeAnswer is { } script
            ? script(IntakeDescription(body["messages"]!.AsArray())).ToJsonString()
            : await AnswerAsync(Messages(body["messages"]!.AsArray()), schemaName);
        var (text, cut) = Cut(answer, limit);
        var usage = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = TokenCounter.Count(text), ["total_tokens"] = prompt + TokenCounter.Count(text) };
        Usage.Enqueue((schemaName, prompt, TokenCounter.Count(text)));
        if (body["stream"]?.GetValue<bool>() == true)
        {
            Interlocked.Increment(ref _streamed);
            http.Response.ContentType = "text/event-stream";
            const int ChunkSize = 2_000;
            for (var i = 0; i < text.Length; i += ChunkSize)
                await WriteChunkAsync(http, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = text.Substring(i, Math.Min(ChunkSize, text.Length - i)) }, null), cancellationToken);
            await WriteChunkAsync(http, Chunk(new JsonObject(), cut ? "length" : "stop"), cancellationToken);
            if (ReportUsage && body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
                await WriteChunkAsync(http, new JsonObject { ["id"] = "chatcmpl-emulated", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = Model, ["choices"] = new JsonArray(), ["usage"] = usage }, cancellationToken);
            await http.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            return Results.Empty;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-emulated",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                ["finish_reason"] = cut ? "length" : "stop",
            }),
        };
        if (ReportUsage) completion["usage"] = usage;
        return Json(completion);
    }

    private JsonObject Chunk(JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-emulated",
        ["object"] = "chat.completion.chunk",
        ["created"] = 0,
        ["model"] = Model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task WriteChunkAsync(HttpContext http, JsonObject chunk, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private async Task<IResult> ShowAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken))!.AsObject();
        var name = (body["model"] ?? body["name"])?.GetValue<string>();
        if (name != Model) return Json(new JsonObject { ["error"] = $"model '{name}' not found" }, statusCode: 404);
        return Json(new JsonObject
        {
            ["modelfile"] = "FROM qwen2.5:32b",
            ["details"] = new JsonObject { ["family"] = "qwen2", ["parameter_size"] = "32.8B" },
            ["model_info"] = new JsonObject { ["general.architecture"] = "qwen2", ["qwen2.context_length"] = LocalContext },
        });
    }

    private async Task<IResult> OllamaChatAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken))!.AsObject();
        Requests.Enqueue(body);
        if (body["model"]?.GetValue<string>() != Model) return Json(new JsonObject { ["error"] = $"model '{body["model"]}' not found" }, statusCode: 404);
        var numCtx = body["options"]?["num_ctx"]?.GetValue<int>() ?? OllamaDefaultNumCtx;
        var numPredict = body["options"]?["num_predict"]?.GetValue<int>() ?? -1;
        var format = body["format"];
        var messages = Messages(body["messages"]!.AsArray());
        var prompt = CountPrompt(body["messages"]!.AsArray(), format is JsonObject ? format : null, body["tools"] as JsonArray);
        if (prompt > numCtx)
        {
            // Ollama keeps the end of an over-long prompt and drops its start, silently.
            Cuts.Enqueue($"prompt of {prompt} tokens cut to num_ctx {numCtx}");
            messages = KeepEnd(messages, numCtx);
            prompt = numCtx;
        }

        var room = Math.Max(0, numCtx - prompt);
        var limit = numPredict > 0 ? Math.Min(numPredict, room) : room;
        // Ollama's format carries no schema name; the expert reads the prompt's phase marker instead.
        var (text, cut) = Cut(await AnswerAsync(messages, schemaName: null), limit);
        var done = new JsonObject
        {
            ["model"] = Model,
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["done"] = true,
            ["done_reason"] = cut ? "length" : "stop",
            ["prompt_eval_count"] = prompt,
            ["eval_count"] = TokenCounter.Count(text),
        };
        Usage.Enqueue((null, prompt, TokenCounter.Count(text)));
        if (body["stream"]?.GetValue<bool>() == false) return Json(done);
        Interlocked.Increment(ref _streamed);
        http.Response.ContentType = "application/x-ndjson";
        var first = new JsonObject { ["model"] = Model, ["created_at"] = "2026-01-01T00:00:00Z", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["done"] = false };
        done["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" };
        await http.Response.WriteAsync(first.ToJsonString() + "\n" + done.ToJsonString() + "\n", cancellationToken);
        return Results.Empty;
    }

    /// <summary>The response format name of intake's reading call.</summary>
    public const string IntakeSchemaName = "request_reading";

    private static string IntakeDescription(JsonArray messages)
    {
        var text = Messages(messages).Last(m => m.Role == ChatRole.User).Text;
        return text.Replace("<description>\n", "").Replace("\n</description>", "");
    }

    // JsonNode written as text: the slim host has no reflection-based serializer for it.
    private static IResult Json(JsonNode body, int statusCode = 200) => Results.Text(body.ToJsonString(), "application/json", statusCode: statusCode);

    private IResult Refuse(int status, string message, string? code, string? param)
    {
        Refusals.Enqueue(message);
        return Json(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code } }, statusCode: status);
    }

    private IResult VllmRefuse(string message)
    {
        Refusals.Enqueue(message);
        return Json(new JsonObject { ["object"] = "error", ["message"] = message, ["type"] = "BadRequestError", ["param"] = null, ["code"] = 400 }, statusCode: 400);
    }

    private async Task<string> AnswerAsync(List<ChatMessage> messages, string? schemaName)
    {
        var options = schemaName is null ? null : new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse("{}").RootElement, schemaName) };
        return (await _expert.GetResponseAsync(messages, options)).Text;
    }

    private (string Text, bool Cut) Cut(string text, int limit)
    {
        if (TokenCounter.Count(text) <= limit) return (text, false);
        Cuts.Enqueue($"answer cut at {limit} tokens");
        var low = 0;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (TokenCounter.Count(text[..mid]) <= limit) low = mid;
            else high = mid - 1;
        }

        return (text[..low], true);
    }

    private static List<ChatMessage> Messages(JsonArray messages) =>
        [.. messages.Select(m => new ChatMessage(
            m!["role"]!.GetValue<string>() switch { "system" or "developer" => ChatRole.System, "assistant" => ChatRole.Assistant, "tool" => ChatRole.Tool, _ => ChatRole.User },
            m["content"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
                _ => "",
            }))];

    private static int CountPrompt(JsonArray messages, JsonNode? schema, JsonArray? tools) =>
        PromptTokens.Count(Messages(messages), null)
        + (schema is null ? 0 : TokenCounter.Count(schema.ToJsonString()))
        + (tools is null ? 0 : TokenCounter.Count(tools.ToJsonString()));

    private static List<ChatMessage> KeepEnd(List<ChatMessage> messages, int budget)
    {
        var kept = new List<ChatMessage>();
        for (var i = messages.Count - 1; i >= 0 && budget > 0; i--)
        {
            var text = messages[i].Text;
            var tokens = TokenCounter.Count(text);
            if (tokens <= budget)
            {
                kept.Insert(0, messages[i]);
                budget -= tokens;
                continue;
            }

            var start = text.Length - text.Length * budget / Math.Max(1, tokens);
            kept.Insert(0, new ChatMessage(messages[i].Role, text[start..]));
            budget = 0;
        }

        return kept;
    }
}
