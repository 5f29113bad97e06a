using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarantool.Agents.Server.OpenAI;

/// <summary>The part of the OpenAI chat-completions request body the expert uses.</summary>
internal sealed record ChatCompletionRequest
{
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("messages")] public List<ChatCompletionMessage>? Messages { get; init; }
    [JsonPropertyName("stream")] public bool Stream { get; init; }
    [JsonPropertyName("response_format")] public ResponseFormat? ResponseFormat { get; init; }
    [JsonPropertyName("stream_options")] public StreamOptions? StreamOptions { get; init; }
}

internal sealed record ChatCompletionMessage
{
    [JsonPropertyName("role")] public string? Role { get; init; }

    /// <summary>A string, or an array of content parts of which the text parts count.</summary>
    [JsonPropertyName("content")] public JsonElement Content { get; init; }
}

internal sealed record ResponseFormat
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("json_schema")] public JsonSchemaFormat? JsonSchema { get; init; }
}

internal sealed record JsonSchemaFormat
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("schema")] public JsonElement? Schema { get; init; }
}

internal sealed record StreamOptions
{
    [JsonPropertyName("include_usage")] public bool IncludeUsage { get; init; }
}
