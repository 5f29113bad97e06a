using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Tarantool.Agents.Conversation;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Server.OpenAI;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Chat;

/// <summary>
/// Model <c>tarantool-agents</c> on <c>/v1/chat/completions</c>: reads the conversation, asks for what is missing or
/// starts a run through <see cref="IRunService"/> (reusing the previous run's phases for a follow-up), waits for it
/// and answers with a summary; streamed, it reports each phase as it starts and finishes.
/// </summary>
internal static class PlannerChat
{
    public const string ModelId = "tarantool-agents";

    private const string CompletionId = "chatcmpl-planner";

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> CompleteAsync(HttpContext http, ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var (messages, _, error) = ChatCompletionMapper.Read(request);
        if (error is not null) return OpenAIError.BadRequest(error);
        var conversation = messages!.Select(m => new ConversationMessage(
            m.Role == ChatRole.User ? ConversationRole.User : m.Role == ChatRole.Assistant ? ConversationRole.Assistant : ConversationRole.Other,
            m.Text ?? "")).ToList();
        if (!conversation.Any(m => m.Role == ConversationRole.User && m.Text.Trim().Length > 0))
            return OpenAIError.BadRequest("'messages' must hold at least one user message that describes the cluster.", "no_user_message");

        var outcome = ConversationPlanner.Derive(conversation);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var reply = new ReplyWriter(http, request, Wire);

        switch (outcome.Kind)
        {
            case ConversationOutcomeKind.Ask:
                return await reply.FinishAsync(ConversationReplies.Ask(outcome), cancellationToken);
            case ConversationOutcomeKind.Unchanged:
                var previous = outcome.PreviousRunId is null ? null : baseUrl + PreviousRun.BundlePath(outcome.PreviousRunId);
                return await reply.FinishAsync(ConversationReplies.Unchanged(outcome, previous), cancellationToken);
        }

        var runs = http.RequestServices.GetService<IRunService>();
        if (runs is null)
            return Results.Json(OpenAIError.Body("This server runs no planner: the runs service is not configured.", "server_error", "runs_unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);

        RunInfo run;
        try
        {
            run = await SubmitAsync(runs, outcome, cancellationToken);
        }
        catch (RunInputException e)
        {
            return Results.Json(new { error = new { message = e.Message, type = "invalid_request_error", param = e.Field, code = "invalid_request" } },
                statusCode: StatusCodes.Status400BadRequest);
        }

        await reply.ProgressAsync(PlannerProgress.Started(run.Id, outcome.Language), cancellationToken);
        await foreach (var runEvent in runs.WatchAsync(run.Id, 0, cancellationToken))
        {
            if (PlannerProgress.Line(runEvent, outcome.Language) is { } line)
                await reply.ProgressAsync(line, cancellationToken);
        }

        var finished = await runs.GetAsync(run.Id, cancellationToken) ?? run;
        var bundle = await runs.BundlePathAsync(run.Id, cancellationToken);
        return await reply.FinishAsync(PlannerSummary.Write(outcome, finished, bundle, baseUrl), cancellationToken);
    }

    /// <summary>
    /// Starts the run; a follow-up names the previous run for reuse. When that run is not known here (deleted, or
    /// planned by another server), the follow-up is still planned, from scratch.
    /// </summary>
    private static async Task<RunInfo> SubmitAsync(IRunService runs, ConversationOutcome outcome, CancellationToken cancellationToken)
    {
        var language = outcome.Language == Language.Ru ? "ru" : "en";
        var submission = new RunSubmission(outcome.Parameters, outcome.Description, language, outcome.PreviousRunId);
        try
        {
            return await runs.SubmitAsync(submission, cancellationToken);
        }
        catch (RunInputException e) when (outcome.PreviousRunId is not null && e.Field == "reuse-from")
        {
            return await runs.SubmitAsync(submission with { ReuseFrom = null }, cancellationToken);
        }
    }

    /// <summary>Writes the reply as one completion, or as SSE chunks with progress lines first.</summary>
    private sealed class ReplyWriter(HttpContext http, ChatCompletionRequest request, JsonSerializerOptions wire)
    {
        private bool _started;
        private bool _progressWritten;

        public async Task ProgressAsync(string line, CancellationToken cancellationToken)
        {
            if (!request.Stream) return;
            await StartAsync(cancellationToken);
            await WriteAsync(ChatCompletionMapper.Chunk(CompletionId, request.Model!, line, null, null), cancellationToken);
            _progressWritten = true;
        }

        public async Task<IResult> FinishAsync(string text, CancellationToken cancellationToken)
        {
            if (!request.Stream)
                return Results.Json(ChatCompletionMapper.Completion(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ResponseId = CompletionId, FinishReason = ChatFinishReason.Stop }, request.Model!), wire);

            await StartAsync(cancellationToken);
            await WriteAsync(ChatCompletionMapper.Chunk(CompletionId, request.Model!, (_progressWritten ? "\n" : "") + text, null, null), cancellationToken);
            await WriteAsync(ChatCompletionMapper.Chunk(CompletionId, request.Model!, null, ChatFinishReason.Stop, null), cancellationToken);
            if (request.StreamOptions?.IncludeUsage == true)
                await WriteAsync(ChatCompletionMapper.Chunk(CompletionId, request.Model!, null, null, new UsageDetails(), withChoice: false), cancellationToken);
            await http.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            return Results.Empty;
        }

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            if (_started) return;
            _started = true;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.Body.FlushAsync(cancellationToken);
        }

        private async Task WriteAsync(object chunk, CancellationToken cancellationToken)
        {
            await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, wire) + "\n\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }
    }
}
