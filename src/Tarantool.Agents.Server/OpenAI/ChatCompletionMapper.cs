using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Server.OpenAI;

/// <summary>Maps the OpenAI wire format to Microsoft.Extensions.AI and back.</summary>
internal static class ChatCompletionMapper
{
    /// <summary>Reads the messages and options, or says what is wrong with the request.</summary>
    public static (List<ChatMessage>? Messages, ChatOptions? Options, string? Error) Read(ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 }) return (null, null, "'messages' must be a non-empty array.");
        var messages = new List<ChatMessage>();
        foreach (var (message, index) in request.Messages.Select((m, i) => (m, i)))
        {
            ChatRole? role = message.Role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => null,
            };
            if (role is null) return (null, null, $"messages[{index}].role must be system, developer, user, assistant or tool.");
            var text = Text(message.Content);
            if (text is null) return (null, null, $"messages[{index}].content must be a string or an array of content parts.");
            messages.Add(new ChatMessage(role.Value, text));
        }

        var options = new ChatOptions { ModelId = request.Model };
        if (request.ResponseFormat is { Type: "json_schema", JsonSchema: { } schema })
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.Schema ?? JsonDocument.Parse("{}").RootElement, schema.Name);
        else if (request.ResponseFormat is { Type: "json_object" })
            options.ResponseFormat = ChatResponseFormat.Json;
        return (messages, options, null);
    }

    private static string? Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => null,
    };

    public static object Completion(ChatResponse response, string model) => new
    {
        id = response.ResponseId ?? "chatcmpl-expert",
        @object = "chat.completion",
        created = 0,
        model,
        choices = new[]
        {
            new { index = 0, message = new { role = "assistant", content = response.Text }, finish_reason = FinishReason(response.FinishReason) },
        },
        usage = Usage(response.Usage),
    };

    public static object Chunk(string id, string model, string? content, ChatFinishReason? finish, UsageDetails? usage, bool withChoice = true) => new
    {
        id,
        @object = "chat.completion.chunk",
        created = 0,
        model,
        choices = withChoice
            ? new object[] { new { index = 0, delta = content is null ? new { } : (object)new { role = "assistant", content }, finish_reason = finish is null ? null : FinishReason(finish) } }
            : [],
        usage = usage is null ? null : Usage(usage),
    };

    private static object Usage(UsageDetails? usage) => new
    {
        prompt_tokens = usage?.InputTokenCount ?? 0,
        completion_tokens = usage?.OutputTokenCount ?? 0,
        total_tokens = (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0),
    };

    private static string FinishReason(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length" : reason == ChatFinishReason.ContentFilter ? "content_filter" : reason == ChatFinishReason.ToolCalls ? "tool_calls" : "stop";
}
