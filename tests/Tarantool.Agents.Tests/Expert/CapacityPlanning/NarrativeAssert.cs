using System.Text.RegularExpressions;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

/// <summary>Checks a narrative the way the engine does: a title, exactly the phase's sections in order, the language.</summary>
internal static partial class NarrativeAssert
{
    public static void HasSections(string narrative, IReadOnlyList<NarrativeSection> sections, Language language)
    {
        var lines = narrative.Split('\n');
        Assert.StartsWith("# ", lines[0]);
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(sections.Select(s => s.Heading(language)), headings);
        Assert.EndsWith("\n", narrative);
        Assert.False(narrative.EndsWith("\n\n", StringComparison.Ordinal), "one trailing newline");
        Assert.DoesNotContain("\r", narrative);
    }

    /// <summary>Prose without code is mostly Cyrillic for Russian and has next to no Cyrillic for English.</summary>
    public static void IsIn(string narrative, Language language)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(narrative, ""), "");
        var cyrillic = prose.Count(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё');
        var latin = prose.Count(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
        var share = cyrillic / (double)Math.Max(1, cyrillic + latin);
        if (language == Language.Ru) Assert.True(share > 0.6, $"Russian prose share is only {share:P0}");
        else Assert.True(share < 0.01, $"English narrative has {share:P1} Cyrillic");
    }

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex InlineCode();
}
