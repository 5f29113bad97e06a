using Microsoft.ML.Tokenizers;

namespace Tarantool.Agents.Models;

/// <summary>Real token counts (o200k_base, the GPT-4o family encoding) for the embedded expert and prompt budgets.</summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}
