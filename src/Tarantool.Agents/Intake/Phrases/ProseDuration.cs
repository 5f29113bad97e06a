namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Short durations in prose, for RPO and RTO targets: "30 seconds", "20 минут", "an hour", "a minute", "half an
/// hour", "полчаса", "zero". Longer ones (days) are allowed, since a target may be generous.
/// </summary>
internal static class ProseDuration
{
    /// <summary>A duration in a regex; read it back with <see cref="TrySeconds"/>.</summary>
    public const string Pattern =
        @"(?:(?<tn>" + NumberText.Pattern + @")\s*-?\s*(?<tu>seconds?\b|secs?\b|s\b|minutes?\b|mins?\b|m\b|hours?\b|hrs?\b|h\b|days?\b" +
        @"|секунд\w*|сек\b\.?|с\b|минут\w*|мин\b\.?|м\b|час(?:а|ов)?\b|ч\b|сут(?:ок|ки)\b|дн(?:я|ей)\b|день\b)" +
        @"|(?<half>half\s+an?\s+(?:hour|minute)|полчаса|полминуты|пол\s+часа)" +
        @"|(?:(?:a|an|one|a\s+single|одн[уаой]+)\s+)?(?<tu>second\b|minute\b|hour\b|day\b|секунд[ауы]\b|минут[ауы]\b|час(?:а)?\b|сутки\b|суток\b|день\b|дня\b)" +
        @"|(?<zero>zero\b|ноль\b|нуль\b|нулев\w*|(?<![\w.,])0(?!\w|[.,]\d)))";

    public static bool TrySeconds(System.Text.RegularExpressions.Match match, out long seconds)
    {
        seconds = 0;
        if (match.Groups["zero"].Success)
            return true;
        if (match.Groups["half"].Success)
        {
            seconds = match.Groups["half"].Value.Contains("мин", StringComparison.OrdinalIgnoreCase) ||
                      match.Groups["half"].Value.Contains("minute", StringComparison.OrdinalIgnoreCase) ? 30 : 1800;
            return true;
        }

        var unit = match.Groups["tu"];
        if (!unit.Success)
            return false;
        var count = 1.0;
        if (match.Groups["tn"].Success && !NumberText.TryParse(match.Groups["tn"].Value, out count))
            return false;
        seconds = (long)Math.Round(count * UnitSeconds(unit.Value));
        return true;
    }

    private static long UnitSeconds(string unit)
    {
        var u = unit.ToLowerInvariant();
        if (u.StartsWith("сут", StringComparison.Ordinal) || u.StartsWith('d') || u.StartsWith('д'))
            return 86_400;
        return u[0] switch
        {
            'm' or 'м' => 60,
            'h' or 'ч' => 3_600,
            _ => 1,
        };
    }
}
