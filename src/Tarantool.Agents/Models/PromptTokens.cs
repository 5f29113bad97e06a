using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Counts what a call really sends: every message, the response schema and the tools with their parameter schemas,
/// with the o200k tokenizer and the chat format's few tokens per message.
/// </summary>
public static class PromptTokens
{
    private const int PerMessage = 4;
    private const int PerCall = 3;

    public static int Count(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var total = PerCall;
        foreach (var message in messages) total += PerMessage + TokenCounter.Count(message.Text);
        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
            total += TokenCounter.Count(json.SchemaName ?? "") + TokenCounter.Count(json.SchemaDescription ?? "") + TokenCounter.Count(schema.GetRawText());
        foreach (var tool in options?.Tools ?? [])
        {
            total += PerMessage + TokenCounter.Count(tool.Name) + TokenCounter.Count(tool.Description);
            if (tool is AIFunctionDeclaration function) total += TokenCounter.Count(function.JsonSchema.GetRawText());
        }

        return total;
    }
}
