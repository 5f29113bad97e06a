using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>How many regions or data centers the description names ("3 regions", "два дата-центра").</summary>
internal static partial class RegionPhrases
{
    public static int? ReadCount(string prose)
    {
        var match = Count().Match(prose);
        return match.Success && NumberText.TryParseWhole(match.Groups["n"].Value, out var count) && count > 0 ? count : null;
    }

    /// <summary>"several regions", "несколько ЦОДов": more than one, number unknown.</summary>
    public static bool IsSeveral(string prose) => Several().IsMatch(prose);

    private const string Site = @"(?:regions?\b|data[\s-]?cent(?:er|re)s?\b|datacent(?:er|re)s?\b|DCs?\b|регион\w*|дата[\s-]?центр\w*|датацентр\w*|ЦОД\w*)";

    [GeneratedRegex(@"(?<n>" + NumberText.Pattern + @")\s*-?\s*" + Site, Phrase.Options)]
    private static partial Regex Count();

    [GeneratedRegex(
        @"\b(?:several|multiple|many|two\s+or\s+more)\s+" + Site + @"|\bнескольк\w+\s+" + Site + @"|\bразных\s+" + Site,
        Phrase.Options)]
    private static partial Regex Several();
}
