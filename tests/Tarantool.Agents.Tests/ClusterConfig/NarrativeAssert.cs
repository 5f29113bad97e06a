using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>Checks a narrative's shape (title, exactly the required sections in order) and its language.</summary>
internal static class NarrativeAssert
{
    public static void Shape(string markdown, IReadOnlyList<NarrativeSection> sections, Language language)
    {
        var lines = markdown.Split('\n');
        Assert.StartsWith("# ", lines[0]);
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(sections.Select(s => s.Heading(language)), headings);
        Assert.EndsWith("\n", markdown);
        Assert.False(markdown.EndsWith("\n\n", StringComparison.Ordinal));
    }

    /// <summary>Share of Cyrillic letters among letters of the prose (code blocks and inline code removed).</summary>
    public static double CyrillicShare(string markdown)
    {
        var prose = new List<string>();
        var inCode = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (!inCode && !line.StartsWith('|')) prose.Add(System.Text.RegularExpressions.Regex.Replace(line, "`[^`]*`", ""));
        }
        var letters = string.Concat(prose).Where(char.IsLetter).ToList();
        return letters.Count == 0 ? 0 : letters.Count(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') / (double)letters.Count;
    }
}
