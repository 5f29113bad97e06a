using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Validation;

/// <summary>
/// Checks a phase narrative: a '# ' title, the phase's required '## ' sections in order and not empty, and prose in
/// the request's language (technical terms and code do not count).
/// </summary>
public static class NarrativeValidator
{
    /// <summary>Below this many letters of prose the language is not judged.</summary>
    private const int MinimumProseForLanguage = 200;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static IReadOnlyList<ValidationIssue> Validate(string narrative, IReadOnlyList<NarrativeSection> sections, Language language)
    {
        var issues = new List<ValidationIssue>();
        if (string.IsNullOrWhiteSpace(narrative))
            return [ValidationIssue.Error("narrative.empty", "The narrative is empty; write it in Markdown with the required sections.")];

        var document = Markdown.Parse(narrative, Pipeline);
        var blocks = document.ToList();
        if (blocks.FirstOrDefault() is not HeadingBlock { Level: 1 })
            issues.Add(ValidationIssue.Error("narrative.title", "The narrative must start with a '# ' title line."));

        var headings = blocks.Select((block, index) => (block, index))
            .Where(b => b.block is HeadingBlock { Level: 2 })
            .Select(b => (Text: HeadingText((HeadingBlock)b.block), b.index))
            .ToList();

        var cursor = 0;
        foreach (var section in sections)
        {
            var expected = section.Heading(language);
            var found = headings.FindIndex(cursor, h => string.Equals(h.Text, expected, StringComparison.OrdinalIgnoreCase));
            if (found < 0)
            {
                var elsewhere = headings.Any(h => string.Equals(h.Text, expected, StringComparison.OrdinalIgnoreCase));
                issues.Add(ValidationIssue.Error(
                    elsewhere ? "narrative.section-order" : "narrative.section-missing",
                    elsewhere
                        ? $"The section '## {expected}' is out of order; the sections must be, in order: {string.Join(", ", sections.Select(s => "'## " + s.Heading(language) + "'"))}."
                        : $"The required section '## {expected}' is missing.",
                    expected));
                continue;
            }

            var start = headings[found].index;
            var end = found + 1 < headings.Count ? headings[found + 1].index : blocks.Count;
            if (end - start < 2)
                issues.Add(ValidationIssue.Error("narrative.section-empty", $"The section '## {expected}' has no content.", expected));
            cursor = found + 1;
        }

        var prose = ProseOf(document);
        if (prose.Count(char.IsLetter) >= MinimumProseForLanguage)
        {
            var detected = LanguageDetector.Detect(prose);
            if (detected != language)
                issues.Add(ValidationIssue.Error(
                    "narrative.language",
                    $"The narrative is written in {Name(detected)} but the request's language is {Name(language)}; write the prose in {Name(language)} and keep technical terms, code and config keys as they are."));
        }

        return issues;
    }

    private static string Name(Language language) => language == Language.Ru ? "Russian" : "English";

    private static string HeadingText(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    /// <summary>The text of paragraphs, headings, lists and tables; code blocks and inline code are left out.</summary>
    private static string ProseOf(MarkdownDocument document) =>
        string.Join("\n", document.Descendants<LeafBlock>()
            .Where(b => b is not CodeBlock && b.Inline is not null)
            .Select(b => string.Concat(b.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
}
