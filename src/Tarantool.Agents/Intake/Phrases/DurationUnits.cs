namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Lengths of time in days and months, as people write the units in English and Russian.</summary>
internal static class DurationUnits
{
    /// <summary>A unit after a number: days, weeks, months, years and their Russian forms.</summary>
    public const string Pattern =
        @"(?<unit>days?\b|weeks?\b|wks?\b|months?\b|years?\b|yrs?\b|день\b|дн(?:я|ей|и)\b|сут(?:ок|ки)\b|недел\w*|месяц\w*|год(?:а|ов)?\b|лет\b)";

    /// <summary>Backup retention counts a month as 30 days and a year as 365.</summary>
    public static double Days(string unit) => Kind(unit) switch
    {
        'w' => 7,
        'm' => 30,
        'y' => 365,
        _ => 1,
    };

    public static double Months(string unit) => Kind(unit) switch
    {
        'd' => 1 / 30.0,
        'w' => 7 / 30.0,
        'y' => 12,
        _ => 1,
    };

    private static char Kind(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u[0] switch
        {
            'w' or 'н' => 'w',
            'm' or 'м' => 'm',
            'y' or 'г' or 'л' => 'y',
            _ => 'd',
        };
    }
}
