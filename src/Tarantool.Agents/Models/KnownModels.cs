namespace Tarantool.Agents.Models;

/// <summary>
/// Published limits of well-known hosted models (OpenAI's model pages), matched by the longest id prefix so that
/// dated snapshots (<c>gpt-4o-2024-08-06</c>) and Azure deployments named after their model are found.
/// </summary>
internal static class KnownModels
{
    internal sealed record Entry(int ContextWindow, int MaxOutputTokens, bool Sampling);

    // Longest prefix wins, so "gpt-4o-mini" is found before "gpt-4o" and "o3-mini" before "o3".
    private static readonly (string Prefix, Entry Entry)[] Table =
    [
        ("gpt-4o-mini", new(128_000, 16_384, Sampling: true)),
        ("gpt-4o", new(128_000, 16_384, Sampling: true)),
        ("gpt-4.1-nano", new(1_047_576, 32_768, Sampling: true)),
        ("gpt-4.1-mini", new(1_047_576, 32_768, Sampling: true)),
        ("gpt-4.1", new(1_047_576, 32_768, Sampling: true)),
        ("gpt-5-nano", new(400_000, 128_000, Sampling: false)),
        ("gpt-5-mini", new(400_000, 128_000, Sampling: false)),
        ("gpt-5", new(400_000, 128_000, Sampling: false)),
        ("o1-mini", new(128_000, 65_536, Sampling: false)),
        ("o1", new(200_000, 100_000, Sampling: false)),
        ("o3-mini", new(200_000, 100_000, Sampling: false)),
        ("o3", new(200_000, 100_000, Sampling: false)),
        ("o4-mini", new(200_000, 100_000, Sampling: false)),
        // The embedded expert writes answers of any length; its window only has to hold the largest phase.
        (ModelProviders.ExpertModelId, new(1_000_000, 200_000, Sampling: true)),
    ];

    public static Entry? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model)) return null;
        var id = model.Trim().ToLowerInvariant();
        // Provider-qualified ids ("openai/gpt-4o") name the same model.
        if (id.LastIndexOf('/') is var slash and >= 0) id = id[(slash + 1)..];
        return Table
            .Where(t => id == t.Prefix || id.StartsWith(t.Prefix + "-", StringComparison.Ordinal) || id.StartsWith(t.Prefix + ":", StringComparison.Ordinal) || id.StartsWith(t.Prefix + ".", StringComparison.Ordinal))
            .OrderByDescending(t => t.Prefix.Length)
            .Select(t => t.Entry)
            .FirstOrDefault();
    }
}
