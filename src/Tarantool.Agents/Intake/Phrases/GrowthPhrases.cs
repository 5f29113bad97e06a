using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Data growth per year in percent, stated over any period: "grows 20% per year", "рост 30% в год", "4% per
/// month", "5% a quarter", "doubles yearly" (100), "triples every two years", "x3 per year". Growth over another
/// period is compounded to a yearly figure; a percentage with no period ("grows 20%") is taken as yearly.
/// </summary>
internal static partial class GrowthPhrases
{
    /// <summary>The capacity plan takes growth up to 1000% a year; more is a misread figure, not a plan.</summary>
    public const double MaxPercentPerYear = 1000;

    public static double? ReadPercentPerYear(string prose, ProseNotes notes)
    {
        var found = new List<(int Index, double Value, string Quote)>();
        // Phrases with a period first, so that "grows 5% per month" is not also read as "grows 5%" a year.
        foreach (var match in PercentOverPeriod().Matches(prose).Concat(FactorOverPeriod().Matches(prose))
                     .Concat(PeriodThenFactor().Matches(prose)).Concat(Unspecified().Matches(prose)))
        {
            if (notes.IsPlaced(match.Groups["p"].Success ? match.Groups["p"].Index : match.Index, match.Groups["p"].Success ? match.Groups["p"].Length : match.Length)
                || !TryYearly(match, out var perYear))
                continue;
            notes.Place(match);
            if (perYear is < 0 or > MaxPercentPerYear)
            {
                notes.Warn($"'{ProseNotes.Quote(match.Value)}' is {ProseNotes.Number(perYear)}% a year, outside 0-{MaxPercentPerYear}%; " +
                           "it was not used. Check the figure and its period.");
                continue;
            }

            found.Add((match.Index, perYear, ProseNotes.Quote(match.Value)));
        }

        return notes.First("growth rates", found.OrderBy(f => f.Index).Select(f => (f.Value, f.Quote)).ToList(), g => $"{ProseNotes.Number(g)}% a year");
    }

    private static bool TryYearly(Match match, out double perYear)
    {
        perYear = 0;
        double factor;
        if (match.Groups["p"].Success)
        {
            if (!NumberText.TryParse(match.Groups["p"].Value, out var percent))
                return false;
            factor = 1 + percent / 100;
        }
        else if (match.Groups["f"].Success)
        {
            if (!NumberText.TryParse(match.Groups["f"].Value, out factor) || factor <= 1)
                return false;
        }
        else if (match.Groups["fw"].Success)
        {
            factor = FactorWord(match.Groups["fw"].Value);
        }
        else
        {
            return false;
        }

        var months = PeriodMonths(match);
        if (months is null or <= 0)
            return false;
        perYear = Math.Round((Math.Pow(factor, 12 / months.Value) - 1) * 100, 1);
        return true;
    }

    /// <summary>The period a growth is stated over, in months; 12 when none is written ("grows 20%").</summary>
    private static double? PeriodMonths(Match match)
    {
        var adverb = match.Groups["adv"];
        if (adverb.Success)
        {
            var a = adverb.Value.ToLowerInvariant();
            return a.StartsWith("month", StringComparison.Ordinal) || a.StartsWith("ежемесяч", StringComparison.Ordinal) ? 1
                : a.StartsWith("quarter", StringComparison.Ordinal) || a.StartsWith("ежекварт", StringComparison.Ordinal) ? 3
                : a.StartsWith("week", StringComparison.Ordinal) || a.StartsWith("еженедел", StringComparison.Ordinal) ? 7 / 30.0
                : 12;
        }

        var unit = match.Groups["pu"];
        if (!unit.Success)
            return 12;
        var count = 1.0;
        if (match.Groups["pn"].Success && !NumberText.TryParse(match.Groups["pn"].Value, out count))
            return null;
        var u = unit.Value.ToLowerInvariant();
        var perUnit = u.StartsWith("annum", StringComparison.Ordinal) ? 12 : DurationUnits.Months(u.StartsWith("мес", StringComparison.Ordinal) ? "месяц" : u);
        return count * perUnit;
    }

    private static double FactorWord(string word)
    {
        var w = word.ToLowerInvariant();
        return w.StartsWith("tripl", StringComparison.Ordinal) || w.StartsWith("утр", StringComparison.Ordinal) ? 3
            : w.StartsWith("quadrupl", StringComparison.Ordinal) || w.StartsWith("учетвер", StringComparison.Ordinal) ? 4
            : 2;
    }

    private const string Percent = @"(?<p>" + NumberText.Pattern + @")\s*(?:%|percent\b|процент\w*)";

    private const string Unit =
        @"(?<pu>years?\b|yrs?\b|annum\b|months?\b|mo\b|quarters?\b|weeks?\b|год(?:а)?\b|лет\b|месяц(?:а|ев)?\b|мес\b\.?|квартал(?:а|ов)?\b|недел(?:ю|и|ь)\b)";

    private const string Period =
        @"(?:(?:per|a|an|each|every|in|within|over|/|в|за|каждые|каждый|каждую|раз\s+в)\s*(?:(?:a|an)\s+)?(?:(?<pn>" + NumberText.Pattern + @")\s*)?" + Unit +
        @"|(?<adv>yearly|annually|monthly|quarterly|weekly|ежегодно|ежемесячно|ежеквартально|еженедельно|годовых)\b)";

    private const string Growth = @"(?:grow\w*|growth|increas\w*|рост\w*|прирост\w*|раст[её]т|вырастет|увелич\w*)";

    private const string FactorWords = @"(?<fw>doubl\w*|tripl\w*|quadrupl\w*|удваива\w*|удвоит\w*|удвоен\w*|утраива\w*|утроит\w*|утроен\w*|учетверя\w*)";

    [GeneratedRegex(Percent + @"\s*(?:(?:growth|рост\w*|прирост\w*)\s+)?" + Period, Phrase.Options)]
    private static partial Regex PercentOverPeriod();

    [GeneratedRegex(@"\b" + Growth + @"\s+(?:of\s+|by\s+|на\s+|about\s+|around\s+|около\s+|~\s*)?" + Percent, Phrase.Options)]
    private static partial Regex Unspecified();

    [GeneratedRegex(
        @"(?:\bx\s*(?<f>\d+(?:[.,]\d+)?)|(?<f>\d+(?:[.,]\d+)?)\s*(?:x|×|раза?)(?!\w)|\b" + FactorWords + @")\s*(?:(?:in\s+size|в\s+объеме)\s*)?" + Period,
        Phrase.Options)]
    private static partial Regex FactorOverPeriod();

    [GeneratedRegex(@"(?<adv>ежегодно|ежемесячно|yearly|annually)\s+" + FactorWords + @"|\bкажд(?:ый|ые)\s+(?:(?<pn>" + NumberText.Pattern + @")\s*)?" + Unit + @"\s+" + FactorWords, Phrase.Options)]
    private static partial Regex PeriodThenFactor();
}
