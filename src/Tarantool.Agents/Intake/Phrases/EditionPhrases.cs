using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The Tarantool edition: "Enterprise Edition", "Tarantool Enterprise", "TDE", "Enterprise-версия" are enterprise;
/// "Community Edition", "open-source Tarantool", "без Enterprise" are community. A bare "enterprise" is not taken:
/// "enterprise customers" says nothing about the licence. The first mentioned wins; a second, different one is reported.
/// </summary>
internal static partial class EditionPhrases
{
    public static Candidate<Edition>? Read(string prose, ProseNotes notes)
    {
        var found = new List<(int Index, Edition Value, string Quote)>();
        var text = prose;
        foreach (Match match in NoEnterprise().Matches(prose))
        {
            found.Add((match.Index, Edition.Community, ProseNotes.Quote(match.Value)));
            text = DescriptionText.Blank(text, match.Index, match.Length);
        }

        foreach (var (phrase, named) in new[] { (Enterprise(), Edition.Enterprise), (Community(), Edition.Community) })
        {
            foreach (Match match in phrase.Matches(text))
                found.Add((match.Index, named, ProseNotes.Quote(match.Value)));
        }

        var edition = notes.First("editions", found.OrderBy(f => f.Index).Select(f => (f.Value, f.Quote)).ToList(), e => SeedSpellings.Spell(e));
        return edition is null ? null : Candidate<Edition>.Ok(edition.Value);
    }

    private const string Tarantool = @"(?:tarantool\s+|тарантул\w*\s+)?";

    [GeneratedRegex(
        @"\btarantool\s+(?:enterprise|ee)\b|\benterprise\s+(?:edition|version|licen[cs]e|sdk|build|bundle|tarantool)\b|\bTDE\b" +
        @"|\benterprise[\s-]*(?:верси\w*|редакци\w*|сборк\w*|лицензи\w*)|\b(?:верси\w*|редакци\w*|сборк\w*|лицензи\w*)\s+" + Tarantool + @"enterprise\b" +
        @"|\bэнтерпрайз\w*",
        Phrase.Options)]
    private static partial Regex Enterprise();

    [GeneratedRegex(
        @"\btarantool\s+(?:community|ce)\b|\bcommunity\s+(?:edition|version|build|tarantool)\b|\bopen[\s-]?source\s+(?:tarantool|edition|version)\b" +
        @"|\bcommunity[\s-]*(?:верси\w*|редакци\w*|сборк\w*)|\b(?:верси\w*|редакци\w*|сборк\w*)\s+" + Tarantool + @"community\b|\bкомм?ьюнити\b",
        Phrase.Options)]
    private static partial Regex Community();

    [GeneratedRegex(
        @"\b(?:no|without(?:\s+an?)?|not)\s+" + Tarantool + @"enterprise(?:\s+(?:edition|version|licen[cs]e))?\b|\bбез\s+" + Tarantool + @"(?:enterprise|энтерпрайз\w*)",
        Phrase.Options)]
    private static partial Regex NoEnterprise();
}
