namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Lengths of time in days and months, as people write them in English and Russian.</summary>
internal static class DurationUnits
{
    /// <summary>A unit after a number: days, weeks, fortnights, months, quarters, years and their Russian forms.</summary>
    public const string Pattern =
        @"(?<unit>days?\b|weeks?\b|wks?\b|fortnights?\b|months?\b|quarters?\b|years?\b|yrs?\b|день\b|дн(?:я|ей|и)\b|сут(?:ок|ки)\b" +
        @"|недел\w*|месяц\w*|квартал\w*|год(?:а|ов)?\b|лет\b)";

    /// <summary>One unit with no number: "a fortnight", "a month", "квартал", "месяц", "неделю"; and "полгода".</summary>
    public const string Single =
        @"(?<half>пол)(?<unit>года)\b|(?:(?:a|an|one|один|одну|одна|целый|целую)\s+)?(?<unit>fortnight\b|week\b|month\b|quarter\b|year\b|day\b" +
        @"|неделю\b|неделя\b|месяц\b|квартал\b|год\b|сутки\b|день\b)";

    /// <summary>"ten days", "6 weeks", "14-day", "a fortnight", "квартал": the count is 1 when no number is written.</summary>
    public const string Amount = @"(?:(?<n>" + NumberText.Pattern + @")\s*-?\s*" + Pattern + "|" + Single + ")";

    /// <summary>The count of an <see cref="Amount"/> match: its number, or 1 for "a month".</summary>
    public static bool TryCount(System.Text.RegularExpressions.Match match, out double count)
    {
        var number = match.Groups["n"];
        if (!number.Success)
        {
            count = match.Groups["half"].Success ? 0.5 : 1;
            return true;
        }

        return NumberText.TryParse(number.Value, out count);
    }

    /// <summary>Backup retention counts a month as 30 days, a quarter as 90 and a year as 365.</summary>
    public static double Days(string unit) => Kind(unit) switch
    {
        'w' => 7,
        'f' => 14,
        'm' => 30,
        'q' => 90,
        'y' => 365,
        _ => 1,
    };

    public static double Months(string unit) => Kind(unit) switch
    {
        'd' => 1 / 30.0,
        'w' => 7 / 30.0,
        'f' => 14 / 30.0,
        'q' => 3,
        'y' => 12,
        _ => 1,
    };

    private static char Kind(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u[0] switch
        {
            'w' or 'н' => 'w',
            'f' => 'f',
            'q' or 'к' => 'q',
            'm' or 'м' => 'm',
            'y' or 'г' or 'л' => 'y',
            _ => 'd',
        };
    }
}
