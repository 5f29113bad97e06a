using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>The planning horizon in months: "for 3 years", "на 2 года", "horizon 18 months", "a 3-year horizon".</summary>
internal static partial class HorizonPhrases
{
    /// <summary>Ten years: longer than anyone plans hardware for; the capacity plan would not use it.</summary>
    public const int MaxMonths = 120;

    public static int? ReadMonths(string prose, ProseNotes notes)
    {
        var match = Horizon().Match(prose);
        if (!match.Success || !DurationUnits.TryCount(match, out var count))
            return null;
        notes.Place(match);
        var months = (int)Math.Round(count * DurationUnits.Months(match.Groups["unit"].Value));
        if (months is > 0 and <= MaxMonths)
            return months;
        notes.Warn($"'{ProseNotes.Quote(match.Value)}' is not a usable planning horizon (1 to {MaxMonths} months); it was not used.");
        return null;
    }

    private const string Amount =
        @"(?:(?<n>" + NumberText.Pattern + @")\s*-?\s*(?<unit>years?\b|yrs?\b|months?\b|quarters?\b|год(?:а|ов)?\b|лет\b|месяц(?:а|ев)?\b|квартал(?:а|ов)?\b)" +
        @"|(?:a|an|one)\s+(?<unit>year|month|quarter)\b)";

    [GeneratedRegex(
        @"(?:\bhorizon(?:\s+of)?|\bгоризонт\w*(?:\s+планирования)?|\bplan(?:ning)?\s+(?:for|over)(?:\s+the\s+next)?|\bover\s+(?:the\s+)?(?:next\s+)?" +
        @"|\bfor\s+(?:the\s+)?(?:next\s+)?|\bnext|\bwithin|\bна\s+(?:ближайшие\s+|следующие\s+)?|\bв\s+течение\s+(?:ближайших\s+|следующих\s+)?|\bближайшие|\bследующие)" +
        @"\s*(?:[:=—-]\s*|is\s+)?" + Amount +
        @"|(?<n>" + NumberText.Pattern + @")\s*-\s*(?<unit>year|month|quarter)\s+(?:planning\s+)?(?:horizon|plan)",
        Phrase.Options)]
    private static partial Regex Horizon();
}
