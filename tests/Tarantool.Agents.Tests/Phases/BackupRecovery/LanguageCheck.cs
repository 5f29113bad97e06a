using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>A crude language detector for narratives: the share of Cyrillic letters in the prose outside code.</summary>
public static partial class LanguageCheck
{
    public static double CyrillicShare(string markdown)
    {
        var prose = Fences().Replace(markdown, " ");
        prose = InlineCode().Replace(prose, " ");
        var letters = prose.Where(char.IsLetter).ToList();
        return letters.Count == 0 ? 0 : letters.Count(c => c is >= '\u0400' and <= '\u04FF') / (double)letters.Count;
    }

    /// <summary>The <c>## </c> headings of a narrative, in order.</summary>
    public static IReadOnlyList<string> Sections(string markdown) =>
        [.. markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim())];

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex Fences();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();
}
