namespace Tarantool.Agents.Phases.Documentation;

/// <summary>A <c>## </c> section of a document in a <see cref="GuideDocumentDigest"/>: its heading and its <c>### </c> headings.</summary>
public sealed record GuideSectionDigest(string Heading, IReadOnlyList<string> Subheadings)
{
    private const string Subheading = "### ";

    public static GuideSectionDigest Of(GuideSection section) =>
        new(section.Heading, [.. section.Markdown.Split('\n').Where(l => l.StartsWith(Subheading, StringComparison.Ordinal)).Select(l => l[Subheading.Length..].Trim())]);
}
