using System.Collections.Concurrent;
using System.Reflection;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// The page's files (HTML template, script, style sheet, texts), embedded in the server assembly so a published
/// or packed build serves them with no build step and no files beside the binary.
/// </summary>
internal static class PageAssets
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The asset's text; <paramref name="name"/> is its file name under Page/Assets.</summary>
    public static string Text(string name) => Cache.GetOrAdd(name, static n =>
    {
        var assembly = typeof(PageAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("Tarantool.Agents.Server.Page.Assets." + n)
            ?? throw new InvalidOperationException($"The page asset '{n}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
