using System.Text;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Splits Markdown into prose and code, and finds headings outside code blocks.</summary>
internal static partial class MarkdownText
{
    /// <summary>The prose: fenced blocks, inline code spans, link targets and URLs removed.</summary>
    public static string Prose(string markdown)
    {
        var (prose, _) = Split(markdown);
        prose = InlineCode().Replace(prose, " ");
        prose = LinkTarget().Replace(prose, "]");
        return Url().Replace(prose, " ");
    }

    /// <summary>The code: fenced block lines plus inline code spans, one per line. A <c>text</c> block holds quoted
    /// prose, so only its inline code spans count.</summary>
    public static string Code(string markdown)
    {
        var (prose, code) = Split(markdown);
        var text = new StringBuilder(code);
        foreach (Match span in InlineCode().Matches(prose)) text.Append(span.Value.Trim('`')).Append('\n');
        return text.ToString();
    }

    /// <summary>Headings of the given level (e.g. 3 for <c>### </c>) outside code blocks, without the hashes.</summary>
    public static IEnumerable<string> Headings(string markdown, int level)
    {
        var prefix = new string('#', level) + " ";
        var (prose, _) = Split(markdown);
        foreach (var line in prose.Split('\n'))
            if (line.StartsWith(prefix, StringComparison.Ordinal)) yield return line[prefix.Length..].Trim();
    }

    private static (string Prose, string Code) Split(string markdown)
    {
        var prose = new StringBuilder();
        var code = new StringBuilder();
        var inFence = false;
        var quoted = false;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                quoted = inFence && trimmed[3..].Trim() == "text";
                continue;
            }
            if (!inFence) prose.Append(line).Append('\n');
            else if (!quoted) code.Append(line).Append('\n');
            else foreach (Match span in InlineCode().Matches(line)) code.Append(span.Value.Trim('`')).Append('\n');
        }
        return (prose.ToString(), code.ToString());
    }

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"\b(?:https?|s3|gs|file)://\S+")]
    private static partial Regex Url();
}
