using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    /// <summary>Most distinct schema texts remembered: one per phase and part, a few tools.</summary>
    private const int MaxRememberedSchemas = 256;

    // The same call is counted twice on its way down the pipeline (the model limits size the answer, the embedded
    // expert reports usage as a provider would); the second count of the very same messages and options is free.
    private static readonly ConditionalWeakTable<object, Counted> Calls = new();

    // Every attempt of a phase sends the same response schema; counting its text once is enough.
    private static readonly ConcurrentDictionary<string, int> Schemas = new(StringComparer.Ordinal);

    public static int Count(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IReadOnlyList<ChatMessage>;
        if (list is not null && Calls.TryGetValue(list, out var seen) && seen.Matches(list, options)) return seen.Tokens;

        var total = PerCall;
        foreach (var message in messages) total += PerMessage + TokenCounter.Count(message.Text);
        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
            total += TokenCounter.Count(json.SchemaName ?? "") + TokenCounter.Count(json.SchemaDescription ?? "") + CountSchema(schema);
        foreach (var tool in options?.Tools ?? [])
        {
            total += PerMessage + TokenCounter.Count(tool.Name) + TokenCounter.Count(tool.Description);
            if (tool is AIFunctionDeclaration function) total += CountSchema(function.JsonSchema);
        }

        if (list is not null) Calls.AddOrUpdate(list, new Counted(options, list.Count, list.Count > 0 ? list[^1] : null, total));
        return total;
    }

    private static int CountSchema(JsonElement schema)
    {
        var text = schema.GetRawText();
        if (Schemas.TryGetValue(text, out var tokens)) return tokens;
        tokens = TokenCounter.Count(text);
        if (Schemas.Count < MaxRememberedSchemas) Schemas.TryAdd(text, tokens);
        return tokens;
    }

    /// <summary>A count of one message list with one options object; a message appended since (a tool result) makes
    /// it stale.</summary>
    private sealed record Counted(ChatOptions? Options, int Messages, ChatMessage? Last, int Tokens)
    {
        public bool Matches(IReadOnlyList<ChatMessage> list, ChatOptions? options) =>
            ReferenceEquals(Options, options) && Messages == list.Count && ReferenceEquals(Last, list.Count > 0 ? list[^1] : null);
    }
}
