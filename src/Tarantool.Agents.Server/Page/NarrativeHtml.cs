using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// Renders a bundle's Markdown (phase narratives) as an HTML fragment the page can insert as it is.
/// </summary>
/// <remarks>
/// Narratives are model text, so nothing in them may become markup or code on the page: raw HTML is disabled
/// (shown as text), generic attributes (<c>{onclick=...}</c>) and auto-identifiers (ids that could clobber the page's
/// own elements) are not enabled, and every link or image whose target is not http(s), mailto or a path inside the
/// bundle is reduced to its text (<c>javascript:</c>, <c>data:</c>, paths that climb out of the bundle). Relative
/// links point at the run's files endpoint, resolved against the Markdown file's own folder.
/// </remarks>
internal static class NarrativeHtml
{
    // Chosen one by one instead of UseAdvancedExtensions: that set includes GenericAttributes and AutoIdentifiers.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener", "noreferrer")
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <param name="markdown">The Markdown text.</param>
    /// <param name="documentPath">The file's path inside the bundle (<c>phases/02-topology.md</c>), to resolve relative links.</param>
    /// <param name="filesBase">Where the bundle's files are served, ending with '/' (<c>/v1/runs/ID/files/</c>).</param>
    public static string Render(string markdown, string documentPath, string filesBase)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeAbsolute(autolink.Url)) Replace(autolink, new LiteralInline(autolink.Url));
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var target = Target(link.Url, documentPath, filesBase);
            // An image from outside the bundle would tell a third party that the page was viewed.
            if (link.IsImage && target is not null && !target.StartsWith(filesBase, StringComparison.Ordinal)) target = null;
            if (target is null) Unwrap(link);
            else link.Url = target;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The href to render, or null when the link must lose its target.</summary>
    internal static string? Target(string? url, string documentPath, string filesBase)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#')) return trimmed;
        if (Scheme(trimmed) is { } scheme) return SafeSchemes.Contains(scheme) ? trimmed : null;
        if (trimmed.StartsWith('/') || trimmed.StartsWith('\\')) return null;
        var cut = trimmed.IndexOfAny(['#', '?']);
        var path = cut < 0 ? trimmed : trimmed[..cut];
        var suffix = cut < 0 ? "" : trimmed[cut..];
        var resolved = Resolve(Path.GetDirectoryName(documentPath)?.Replace('\\', '/') ?? "", path);
        return resolved is null ? null : filesBase + resolved + (suffix.StartsWith('#') ? suffix : "");
    }

    private static bool IsSafeAbsolute(string? url) => url is not null && Scheme(url.Trim()) is { } scheme && SafeSchemes.Contains(scheme);

    /// <summary>
    /// The URL's scheme, lower case, or null for a relative reference. Browsers drop tabs and newlines inside a
    /// scheme ("java\tscript:"), so they are ignored here as well before deciding.
    /// </summary>
    private static string? Scheme(string url)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon <= 0) return null;
        var head = compact[..colon];
        if (head.IndexOfAny(['/', '?', '#']) >= 0) return null;
        return head.ToLowerInvariant();
    }

    /// <summary>Joins a relative path to the folder inside the bundle; null when it would leave the bundle.</summary>
    private static string? Resolve(string folder, string relative)
    {
        var segments = new List<string>();
        foreach (var part in (folder + "/" + relative).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (segments.Count == 0) return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            // An image keeps its alternative text only.
            var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            Replace(link, new LiteralInline(alt));
            return;
        }

        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static void Replace(Inline inline, Inline replacement)
    {
        inline.InsertBefore(replacement);
        inline.Remove();
    }
}
