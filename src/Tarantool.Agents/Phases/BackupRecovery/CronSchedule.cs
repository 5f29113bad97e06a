using System.Globalization;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// Checks standard five-field cron expressions (minute hour day-of-month month day-of-week, UTC) and estimates
/// the longest gap between runs, which bounds what a schedule can promise (an RPO, a drill cadence).
/// </summary>
public static class CronSchedule
{
    private static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Null when valid, else what is wrong.</summary>
    public static string? Problem(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return "the expression is empty";
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return $"it has {fields.Length} fields; cron needs 5 (minute hour day-of-month month day-of-week)";
        for (var i = 0; i < 5; i++)
            if (Values(fields[i], i) is null) return $"field {i + 1} ('{fields[i]}') is not valid for range {Ranges[i].Min}-{Ranges[i].Max}";
        return null;
    }

    public static bool IsValid(string? expression) => Problem(expression) is null;

    /// <summary>
    /// The longest interval between two runs, in seconds, assuming runs evenly cover the chosen hours and days
    /// (exact for the usual schedules: every N minutes, hourly, every N hours, daily, weekly, monthly, quarterly).
    /// Null when the expression is invalid.
    /// </summary>
    public static long? MaxPeriodSeconds(string? expression)
    {
        if (!IsValid(expression)) return null;
        var f = expression!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var minutes = Values(f[0], 0)!;
        var hours = Values(f[1], 1)!;
        var doms = Values(f[2], 2)!;
        var months = Values(f[3], 3)!;
        var dows = Values(f[4], 4)!.Select(d => d % 7).Distinct().ToList();

        if (f[3] != "*") return MaxCircularGap(months, 12) * 31L * 86400;
        if (f[2] != "*") return MaxCircularGap(doms, 31) * 86400L;
        if (f[4] != "*") return MaxCircularGap(dows, 7) * 86400L;
        if (f[1] != "*") return MaxCircularGap(hours, 24) * 3600L;
        return MaxCircularGap(minutes, 60) * 60L;
    }

    private static int MaxCircularGap(IReadOnlyList<int> values, int cycle)
    {
        var sorted = values.Distinct().Order().ToList();
        if (sorted.Count == 1) return cycle;
        var gap = cycle - sorted[^1] + sorted[0];
        for (var i = 1; i < sorted.Count; i++) gap = Math.Max(gap, sorted[i] - sorted[i - 1]);
        return gap;
    }

    private static List<int>? Values(string field, int index)
    {
        var (min, max) = Ranges[index];
        var result = new List<int>();
        foreach (var part in field.Split(','))
        {
            var stepParts = part.Split('/');
            if (stepParts.Length > 2) return null;
            var step = 1;
            if (stepParts.Length == 2 && (!int.TryParse(stepParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)) return null;
            int from, to;
            if (stepParts[0] == "*") (from, to) = (min, max);
            else
            {
                var bounds = stepParts[0].Split('-');
                if (bounds.Length > 2 || !TryValue(bounds[0], index, out from)) return null;
                to = from;
                if (bounds.Length == 2 && !TryValue(bounds[1], index, out to)) return null;
                if (bounds.Length == 1 && stepParts.Length == 2) to = max;
            }
            if (from < min || to > max || from > to) return null;
            for (var v = from; v <= to; v += step) result.Add(v);
        }
        return result;
    }

    private static bool TryValue(string text, int index, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        var names = index == 3 ? Months : index == 4 ? Days : null;
        var position = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        value = index == 3 ? position + 1 : position;
        return position >= 0;
    }
}
