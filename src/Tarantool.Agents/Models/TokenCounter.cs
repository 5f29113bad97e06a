using Microsoft.ML.Tokenizers;

namespace Tarantool.Agents.Models;

/// <summary>Real token counts (o200k_base, the GPT-4o family encoding) for the embedded expert and prompt budgets.</summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static int _warming;

    /// <summary>
    /// Starts loading the vocabulary (a few hundred milliseconds of parsing) on another thread, so that it is ready, or
    /// nearly, when the first prompt is counted. Idempotent; a failure surfaces at the first <see cref="Count"/>.
    /// </summary>
    public static void Warm()
    {
        if (Interlocked.Exchange(ref _warming, 1) == 0 && !Tokenizer.IsValueCreated)
            _ = Task.Run(() =>
            {
                try
                {
                    _ = Tokenizer.Value;
                }
                catch (Exception)
                {
                    // Lazy<T> caches the exception; the first Count reports it where it can be handled.
                }
            });
    }

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}
