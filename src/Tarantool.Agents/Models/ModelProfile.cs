namespace Tarantool.Agents.Models;

/// <summary>
/// What one model accepts: its context window, its largest answer, and which request features it takes. Resolved once
/// per run from configuration, then the endpoint, then <see cref="KnownModels"/>, then conservative defaults, and
/// recorded in bundle.json so that a run's limits can be read after the fact.
/// </summary>
/// <param name="ContextWindow">Tokens of prompt plus answer the model can hold.</param>
/// <param name="MaxOutputTokens">Most tokens one answer may ask for.</param>
/// <param name="Sampling">Whether <c>temperature</c> and <c>top_p</c> are accepted (reasoning models refuse them).</param>
/// <param name="StrictSchemas">Whether structured outputs are requested with <c>strict: true</c>.</param>
/// <param name="Tools">Whether tools are offered to the phases that declare them.</param>
/// <param name="Source">Where each limit came from, e.g. <c>context: endpoint, output: table</c>.</param>
public sealed record ModelProfile(int ContextWindow, int MaxOutputTokens, bool Sampling, bool StrictSchemas, bool Tools, string Source)
{
    /// <summary>Below this many answer tokens a call is not worth making: the prompt leaves no room to answer.</summary>
    public const int MinimumAnswerTokens = 1_024;

    /// <summary>
    /// Tokens kept free besides prompt and answer: chat-template overhead, and the difference between our o200k count
    /// and the model's own tokenizer (other tokenizers count Cyrillic and JSON up to a tenth higher).
    /// </summary>
    public static int MarginFor(int promptTokens) => 256 + promptTokens / 10;
}
