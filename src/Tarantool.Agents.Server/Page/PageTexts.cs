using System.Text.Json;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// The page's words in English and Russian (Assets/texts.json), one file for the server-rendered first view and for
/// the script that switches language when a run in the other language is shown.
/// </summary>
internal static class PageTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> All = new(Load);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Languages => All.Value;

    /// <summary>The raw JSON, for the page's script.</summary>
    public static string Json => PageAssets.Text("texts.json");

    public static string Get(string language, string key) =>
        Languages.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
        : Languages[PageLanguage.English].TryGetValue(key, out var english) ? english
        : throw new KeyNotFoundException($"The page text '{key}' is missing from texts.json.");

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Load() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(Json)!
            .ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value, StringComparer.Ordinal);
}
