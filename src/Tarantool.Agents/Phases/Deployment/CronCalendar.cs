using System.Globalization;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// Translates a five-field cron expression (UTC) into a systemd <c>OnCalendar=</c> expression, so a systemd timer
/// fires exactly when the backup plan's cron would. Supports <c>*</c>, numbers, names, lists, ranges and steps
/// (<c>*/n</c>, <c>a/n</c>) and the <c>@daily</c>-style macros. Returns null for what systemd cannot express the same
/// way: ranges with steps, or day-of-month and day-of-week both restricted (cron ORs them, systemd ANDs them).
/// </summary>
public static class CronCalendar
{
    private static readonly string[] Weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string? ToOnCalendar(string cron)
    {
        var fields = Expand(cron.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return null;
        var minute = Field(fields[0], 0, 59, pad: true);
        var hour = Field(fields[1], 0, 23, pad: true);
        var day = Field(fields[2], 1, 31, pad: true);
        var month = Field(Names(fields[3], MonthNames, 1), 1, 12, pad: true);
        var weekday = Weekday(Names(fields[4], DayNames, 0));
        if (minute is null || hour is null || day is null || month is null || weekday is null) return null;
        if (day != "*" && weekday.Length > 0) return null;
        var prefix = weekday.Length > 0 ? weekday + " " : "";
        return $"{prefix}*-{month}-{day} {hour}:{minute}:00 UTC";
    }

    private static string Expand(string cron) => cron switch
    {
        "@yearly" or "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" or "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        _ => cron,
    };

    private static string? Field(string field, int min, int max, bool pad)
    {
        if (field == "*") return "*";
        var parts = new List<string>();
        foreach (var item in field.Split(','))
        {
            var step = item.Split('/');
            if (step.Length > 2) return null;
            if (step.Length == 2)
            {
                if (!TryNumber(step[1], 1, max, out var every)) return null;
                if (step[0] == "*") { parts.Add($"{Format(min, pad)}/{every}"); continue; }
                if (!TryNumber(step[0], min, max, out var start)) return null;
                parts.Add($"{Format(start, pad)}/{every}");
                continue;
            }
            var range = item.Split('-');
            if (range.Length == 2 && TryNumber(range[0], min, max, out var from) && TryNumber(range[1], min, max, out var to) && from <= to)
                parts.Add($"{Format(from, pad)}..{Format(to, pad)}");
            else if (range.Length == 1 && TryNumber(item, min, max, out var value))
                parts.Add(Format(value, pad));
            else return null;
        }
        return string.Join(",", parts);
    }

    private static string? Weekday(string field)
    {
        if (field == "*") return "";
        var parts = new List<string>();
        foreach (var item in field.Split(','))
        {
            if (item.Contains('/')) return null;
            var range = item.Split('-');
            if (range.Length == 2 && TryNumber(range[0], 0, 7, out var from) && TryNumber(range[1], 0, 7, out var to) && from <= to)
                parts.Add($"{Weekdays[from]}..{Weekdays[to]}");
            else if (range.Length == 1 && TryNumber(item, 0, 7, out var value))
                parts.Add(Weekdays[value]);
            else return null;
        }
        return string.Join(",", parts);
    }

    private static string Names(string field, string[] names, int first)
    {
        var result = field.ToUpperInvariant();
        for (var i = 0; i < names.Length; i++) result = result.Replace(names[i], (i + first).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return result;
    }

    private static bool TryNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static string Format(int value, bool pad) => pad ? value.ToString("00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
