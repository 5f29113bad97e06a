using System.Globalization;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>The period of a five-field cron expression, for the schedules backup plans use.</summary>
public static class CronSchedule
{
    private const int Minute = 60;
    private const int Hour = 3600;
    private const int Day = 86400;
    private const int Week = 7 * Day;
    private const int Month = 31 * Day;

    /// <summary>Seconds between runs (the longest gap for lists), or null when the expression is not understood.</summary>
    public static int? IntervalSeconds(string cron)
    {
        var f = cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5) return null;
        var (minute, hour, dom, month, dow) = (f[0], f[1], f[2], f[3], f[4]);
        if (month != "*") return null;
        if (dom != "*") return dow == "*" && IsFixed(minute) && IsFixed(hour) ? Month / Count(dom) : null;
        if (dow != "*") return IsFixed(minute) && IsFixed(hour) ? Week / Count(dow) : null;
        if (hour == "*") return minute.StartsWith("*/", StringComparison.Ordinal) ? Step(minute) * Minute : IsFixed(minute) ? Hour / Count(minute) : null;
        if (!IsFixed(minute)) return null;
        return hour.StartsWith("*/", StringComparison.Ordinal) ? Step(hour) * Hour : IsFixed(hour) ? Day / Count(hour) : null;
    }

    private static bool IsFixed(string field) => field.Split(',').All(p => p.Length > 0 && p.All(char.IsDigit));

    private static int Count(string field) => field.Contains('-') ? 1 : field.Split(',').Length;

    private static int Step(string field) => int.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0 ? step : 1;
}
