using System.ComponentModel;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>One Markdown document of the operations guide.</summary>
public sealed record GuideDocument(
    [property: Description("File name under docs/, e.g. troubleshooting.md (always English).")] string File,
    [property: Description("The document's title (rendered as its # heading), in the request's language.")] string Title,
    [property: Description("The document's ## sections in order; it must carry the required headings, in the request's language, that the task lists.")] IReadOnlyList<GuideSection> Sections);
