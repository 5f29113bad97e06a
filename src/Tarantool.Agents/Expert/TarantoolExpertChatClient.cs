using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Models;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Expert;

/// <summary>
/// The embedded, deterministic Tarantool expert behind the same <see cref="IChatClient"/> seam as any LLM. It reads
/// the phase prompt (the output type from the response format or the prompt's phase marker, the request and input
/// blocks) and answers with the phase's JSON: <c>{"output": ..., "narrative": ...}</c>.
/// </summary>
public sealed class TarantoolExpertChatClient : IChatClient
{
    private readonly Func<string, IPhaseExpert?> _experts;
    private readonly Func<string, IPhaseOutputSpec?> _specs;
    private readonly ChatClientMetadata _metadata = new(ModelProviders.ExpertModelId, null, ModelProviders.ExpertModelId);

    public TarantoolExpertChatClient()
        : this(ExpertRegistry.Find, PhaseRegistry.Find)
    {
    }

    public TarantoolExpertChatClient(Func<string, IPhaseExpert?> experts, Func<string, IPhaseOutputSpec?> specs)
    {
        _experts = experts;
        _specs = specs;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages as IList<ChatMessage> ?? [.. messages];
        // Answered on the thread pool, as a provider answers later: the caller moves on, so independent phases and a
        // split phase's parts are worked out on all cores instead of one after another on the caller's thread.
        return Task.Run(() => Respond(list, options), cancellationToken);
    }

    private ChatResponse Respond(IList<ChatMessage> list, ChatOptions? options)
    {
        var text = Answer(list, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelProviders.ExpertModelId,
            FinishReason = ChatFinishReason.Stop,
            ResponseId = ResponseId(text),
            Usage = new UsageDetails
            {
                // What it was sent, the response schema and tools included, as a hosted provider counts it.
                InputTokenCount = PromptTokens.Count(list, options),
                OutputTokenCount = TokenCounter.Count(text),
            },
        };
        response.Usage.TotalTokenCount = response.Usage.InputTokenCount + response.Usage.OutputTokenCount;
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var text = response.Text;
        const int ChunkSize = 512;
        for (var i = 0; i < text.Length; i += ChunkSize)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(ChunkSize, text.Length - i)))
            {
                ModelId = response.ModelId,
                ResponseId = response.ResponseId,
            };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(response.Usage!)])
        {
            ModelId = response.ModelId,
            ResponseId = response.ResponseId,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private string Answer(IList<ChatMessage> messages, ChatOptions? options)
    {
        // Intake's reading of a description (LLM-backed intake through a provider emulated with this expert): the
        // expert reads as the rules do.
        if (Intake.ReadingPrompt.DescriptionOf(messages) is { } description) return Intake.ReadingPrompt.RulesAnswer(description);

        // The phase prompt is the user message that carries the request block; repair messages come after it.
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User && m.Text.Contains("<request>", StringComparison.Ordinal))?.Text;
        if (prompt is null) return "I answer Tarantool design phase prompts only: the conversation carries no <request> block.";

        // A split phase's part or frame prompt names the phase's output in its marker; its schema is the part's or the frame's.
        var part = PromptReader.PartKey(prompt);
        var digest = PromptReader.Block(prompt, "parts") is { Length: > 0 } block ? block : null;
        var outputName = part is not null || digest is not null
            ? PromptReader.OutputName(prompt)
            : (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? PromptReader.OutputName(prompt);
        if (outputName is null) return "The prompt names no phase output: add a <phase output=\"...\"/> marker or a JSON schema response format.";
        var expert = _experts(outputName);
        if (expert is null) return $"I have no expertise for the output '{outputName}'.";

        // The request holds only the fields the prompt carries: a phase expert that reads another throws, so no answer
        // can depend on a field that may change without changing the prompt (and the reused answer with it).
        var requestBlock = PromptPayload.ParseRequest(PromptReader.Block(prompt, "request") ?? "null");
        if (requestBlock?.Request is null) return "The <request> block is missing or is not a request.";
        var inputs = PromptPayload.ParseInputs(PromptReader.Block(prompt, "inputs") ?? "{}", _specs);
        var context = new PhaseContext(requestBlock.Request, requestBlock.Language, inputs);

        if (part is not null || digest is not null)
        {
            if (expert is not ISplitPhaseExpert split) return $"I write {outputName} in one answer only, not in parts.";
            if (part is not null) return Json(split.AnswerPart(part, context), narrative: null);
            using var parts = JsonDocument.Parse(digest!);
            var frame = split.AnswerFrame(parts.RootElement, context);
            return Json(frame.Output, frame.Narrative);
        }

        var answer = expert.Answer(context);
        return Json(answer.Output, answer.Narrative);
    }

    private static string Json(object output, string? narrative)
    {
        var json = new JsonObject { ["output"] = JsonSerializer.SerializeToNode(output, output.GetType(), JsonDefaults.Indented) };
        if (narrative is not null) json["narrative"] = narrative;
        return json.ToJsonString(JsonDefaults.Indented);
    }

    private static string ResponseId(string text) => "expert-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
