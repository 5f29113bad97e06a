using System.Text.RegularExpressions;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>Checks every narrative must pass: one title, exactly the phase's sections in order, and real Russian prose.</summary>
public static class NarrativeAssertions
{
    public static void HasExactSections(string narrative, IReadOnlyList<NarrativeSection> sections, Language language)
    {
        var lines = narrative.Split('\n');
        Assert.StartsWith("# ", lines[0]);
        Assert.Single(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(sections.Select(s => s.Heading(language)), headings);
        Assert.EndsWith("\n", narrative);
        Assert.DoesNotContain("\r", narrative);
    }

    /// <summary>Share of Cyrillic letters in the prose (code blocks, tables and bullets of identifiers left out).</summary>
    public static double CyrillicShare(string narrative)
    {
        var prose = new List<string>();
        var inCode = false;
        foreach (var line in narrative.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (inCode || line.StartsWith('|') || line.StartsWith("- ", StringComparison.Ordinal)) continue;
            prose.Add(line);
        }
        var letters = string.Concat(prose).Where(char.IsLetter).ToList();
        return letters.Count == 0 ? 0 : letters.Count(c => Regex.IsMatch(c.ToString(), @"\p{IsCyrillic}")) / (double)letters.Count;
    }
}
