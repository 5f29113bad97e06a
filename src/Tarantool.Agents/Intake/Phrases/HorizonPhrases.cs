using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>The planning horizon in months: "for 3 years", "на 2 года", "horizon 18 months", "a 3-year horizon".</summary>
internal static partial class HorizonPhrases
{
    public static int? ReadMonths(string prose)
    {
        var match = Horizon().Match(prose);
        if (!match.Success || !NumberText.TryParse(match.Groups["n"].Value, out var count))
            return null;
        var months = (int)Math.Round(count * DurationUnits.Months(match.Groups["unit"].Value));
        return months > 0 ? months : null;
    }

    private const string Amount = @"(?<n>" + NumberText.Pattern + @")\s*-?\s*(?<unit>years?\b|yrs?\b|months?\b|год(?:а|ов)?\b|лет\b|месяц(?:а|ев)?\b)";

    [GeneratedRegex(
        @"(?:\bhorizon(?:\s+of)?|\bгоризонт\w*(?:\s+планирования)?|\bplan(?:ning)?\s+(?:for|over)(?:\s+the\s+next)?|\bover\s+(?:the\s+)?(?:next\s+)?" +
        @"|\bfor\s+(?:the\s+)?(?:next\s+)?|\bnext|\bwithin|\bна\s+(?:ближайшие\s+|следующие\s+)?|\bв\s+течение\s+(?:ближайших\s+|следующих\s+)?|\bближайшие|\bследующие)" +
        @"\s*(?:[:=—-]\s*|is\s+)?" + Amount +
        @"|(?<n>" + NumberText.Pattern + @")\s*-\s*(?<unit>year|month)\s+(?:planning\s+)?(?:horizon|plan)",
        Phrase.Options)]
    private static partial Regex Horizon();
}
