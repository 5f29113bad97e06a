using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Data growth per year in percent: "grows 20% per year", "рост 30% в год", "doubles yearly" (100). Monthly
/// growth is compounded to a yearly figure; a percentage with no period ("grows 20%") is taken as yearly.
/// </summary>
internal static partial class GrowthPhrases
{
    public static double? ReadPercentPerYear(string prose)
    {
        var monthly = Monthly().Match(prose);
        if (monthly.Success && NumberText.TryParse(monthly.Groups["n"].Value, out var perMonth))
            return Math.Round((Math.Pow(1 + perMonth / 100, 12) - 1) * 100, 1);

        var yearly = Yearly().Match(prose);
        if (!yearly.Success)
            yearly = Unspecified().Match(prose);
        if (yearly.Success && NumberText.TryParse(yearly.Groups["n"].Value, out var perYear))
            return perYear;

        var factor = Factor().Match(prose);
        if (factor.Success && NumberText.TryParse(factor.Groups["f"].Value, out var times) && times > 1)
            return (times - 1) * 100;

        return Doubling().IsMatch(prose) ? 100 : null;
    }

    private const string Percent = @"(?<n>" + NumberText.Pattern + @")\s*%";
    private const string PerYear = @"(?:per\s+(?:year|annum)|a\s+year|/\s*(?:year|yr|год)|yearly|annually|each\s+year|every\s+year|in\s+a\s+year|в\s+год|за\s+год|ежегодно|годовых)";
    private const string PerMonth = @"(?:per\s+month|a\s+month|/\s*(?:month|mo|мес\w*)|monthly|each\s+month|every\s+month|в\s+месяц|за\s+месяц|ежемесячно)";
    private const string Growth = @"(?:grow\w*|growth|increas\w*|рост\w*|прирост\w*|раст[её]т|вырастет|увелич\w*)";

    [GeneratedRegex(Percent + @"\s*(?:(?:growth|рост\w*|прирост\w*)\s+)?" + PerMonth, Phrase.Options)]
    private static partial Regex Monthly();

    [GeneratedRegex(Percent + @"\s*(?:(?:growth|рост\w*|прирост\w*)\s+)?" + PerYear, Phrase.Options)]
    private static partial Regex Yearly();

    [GeneratedRegex(@"\b" + Growth + @"\s+(?:of\s+|by\s+|на\s+|about\s+|around\s+|около\s+|~\s*)?" + Percent + @"(?!\s*" + PerMonth + ")", Phrase.Options)]
    private static partial Regex Unspecified();

    [GeneratedRegex(
        @"(?:\bx\s*(?<f>\d+(?:[.,]\d+)?)|(?<f>\d+(?:[.,]\d+)?)\s*(?:x|×|раза?)\b)\s*(?:" + PerYear + ")",
        Phrase.Options)]
    private static partial Regex Factor();

    [GeneratedRegex(
        @"\bdoubl\w*\s+(?:every\s+year|each\s+year|yearly|annually|a\s+year|per\s+year|every\s+12\s+months)" +
        @"|\bудваива\w*\s+(?:каждый\s+год|ежегодно|за\s+год|в\s+год)|\b(?:ежегодно|каждый\s+год)\s+удваива\w*",
        Phrase.Options)]
    private static partial Regex Doubling();
}
