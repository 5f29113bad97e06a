namespace Tarantool.Agents.Models;

/// <summary>How bundle.json names where token counts came from.</summary>
public static class UsageSources
{
    /// <summary>Every call's usage is the provider's own figure.</summary>
    public const string Reported = "reported";

    /// <summary>The provider reported nothing; the tokens are counted with the o200k tokenizer from what was sent.</summary>
    public const string Estimated = "estimated";

    /// <summary>Some calls reported, some counted.</summary>
    public const string Mixed = "mixed";

    public static string? Of(int calls, int estimatedCalls) =>
        calls == 0 ? null : estimatedCalls == 0 ? Reported : estimatedCalls >= calls ? Estimated : Mixed;
}
