using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Models;
using Tarantool.Agents.Server.Chat;
using Tarantool.Agents.Server.Mcp;
using Tarantool.Agents.Server.OpenAI;
using Tarantool.Agents.Server.Page;
using Tarantool.Agents.Server.Runs;
using Tarantool.Agents.Server.Runs.Postgres;
using Tarantool.Agents.Server.Security;

namespace Tarantool.Agents.Server;

/// <summary>
/// The HTTP service: the OpenAI chat-completions protocol in front of the embedded expert, so any OpenAI client (and
/// <c>plan --provider openai-compatible</c>) can use model <c>tarantool-expert</c> over real HTTP.
/// </summary>
public static class ExpertServer
{
    /// <summary>A request body larger than this is refused with 413.</summary>
    public const long MaxRequestBytes = 8 * 1024 * 1024;

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Builds the service listening on <paramref name="urls"/>. Section <c>Server</c> of the product's settings
    /// (<paramref name="configuration"/>, else the runs' settings: appsettings.json, <c>TARANTOOL_AGENTS_</c> variables,
    /// flags) configures keys, limits and the request log, which goes to <paramref name="log"/> (nothing when null).
    /// Invalid settings fail <c>StartAsync</c> with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// listing every problem.
    /// </summary>
    /// <param name="runs">The runs service (data dir, planner); null serves the expert alone.</param>
    public static WebApplication Build(string[] urls, ILoggerFactory? loggerFactory = null, RunHosting? runs = null, IConfiguration? configuration = null, TextWriter? log = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if ((configuration ?? runs?.Settings) is { } settings) builder.Configuration.AddConfiguration(settings);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Logging.ClearProviders();
        builder.AddApiSecurity(urls, log);
        if (loggerFactory is not null) builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IChatClient>(_ => new TarantoolExpertChatClient());
        if (runs is not null) builder.AddConfiguredRunStore(runs.Settings).AddRuns(runs);
        if (runs is not null) builder.AddPlannerMcp();
        var app = builder.Build();
        app.UseApiSecurity();
        Map(app);
        if (runs is not null)
        {
            app.MapRuns();
            app.MapPlannerMcp();
            // The page is a client of the runs API and renders their bundles' narratives, so it comes with it.
            app.MapPage();
        }
        return app;
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = new[]
            {
                new { id = ModelProviders.ExpertModelId, @object = "model", created = 0, owned_by = "tarantool-agents" },
                new { id = PlannerChat.ModelId, @object = "model", created = 0, owned_by = "tarantool-agents" },
            },
        }));
        routes.MapPost("/v1/chat/completions", CompleteAsync);
        routes.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
    }

    private static async Task<IResult> CompleteAsync(HttpContext http, IChatClient expert, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType()) return OpenAIError.BadRequest("The body must be JSON (Content-Type: application/json).");
        ChatCompletionRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<ChatCompletionRequest>(Wire, cancellationToken);
        }
        catch (JsonException e)
        {
            return OpenAIError.BadRequest($"The body is not a valid chat completion request: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(OpenAIError.Body($"The body is larger than {MaxRequestBytes / (1024 * 1024)} MiB.", "invalid_request_error", "payload_too_large"), statusCode: 413);
        }

        if (request is null) return OpenAIError.BadRequest("The body is empty.");
        if (string.IsNullOrEmpty(request.Model)) return OpenAIError.BadRequest("'model' is required.");
        // The planner reads whole conversations and starts runs; the expert answers phase prompts.
        if (request.Model == PlannerChat.ModelId) return await PlannerChat.CompleteAsync(http, request, cancellationToken);
        if (request.Model != ModelProviders.ExpertModelId)
            return OpenAIError.NotFound($"The model '{request.Model}' does not exist; this service serves '{PlannerChat.ModelId}' (the planner) and '{ModelProviders.ExpertModelId}' (the phase model).", "model_not_found");
        var (messages, options, error) = ChatCompletionMapper.Read(request);
        if (error is not null) return OpenAIError.BadRequest(error);

        if (!request.Stream)
        {
            var response = await expert.GetResponseAsync(messages!, options, cancellationToken);
            return Results.Json(ChatCompletionMapper.Completion(response, request.Model), Wire);
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        string? id = null;
        UsageDetails? usage = null;
        await foreach (var update in expert.GetStreamingResponseAsync(messages!, options, cancellationToken))
        {
            id ??= update.ResponseId ?? "chatcmpl-expert";
            foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
            if (!string.IsNullOrEmpty(update.Text) || update.FinishReason is not null)
                await WriteEventAsync(http, ChatCompletionMapper.Chunk(id, request.Model, string.IsNullOrEmpty(update.Text) ? null : update.Text, update.FinishReason, null), cancellationToken);
        }

        if (request.StreamOptions?.IncludeUsage == true && usage is not null)
            await WriteEventAsync(http, ChatCompletionMapper.Chunk(id ?? "chatcmpl-expert", request.Model, null, null, usage, withChoice: false), cancellationToken);
        await http.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        return Results.Empty;
    }

    private static async Task WriteEventAsync(HttpContext http, object chunk, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, Wire) + "\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
