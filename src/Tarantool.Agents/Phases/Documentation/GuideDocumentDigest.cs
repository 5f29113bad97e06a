namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// What the documentation frame call sees of a document written by its own call: file, title and the outline of its
/// sections, enough to describe the guide without carrying it whole (the guide is far larger than its narrative).
/// </summary>
public sealed record GuideDocumentDigest(string File, string Title, IReadOnlyList<GuideSectionDigest> Sections)
{
    public static GuideDocumentDigest Of(GuideDocument document) =>
        new(document.File, document.Title, [.. document.Sections.Select(GuideSectionDigest.Of)]);
}
