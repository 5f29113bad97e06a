using System.Globalization;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Durations as people type them in flags and request files: bare seconds ("90"), units ("30s", "15m", "2h",
/// "1d"), combinations ("1h30m"), words in English or Russian ("2 hours", "15 минут") and ISO 8601 ("PT15M").
/// </summary>
internal static partial class DurationText
{
    public static bool TryParseSeconds(string raw, out long seconds)
    {
        seconds = 0;
        var text = raw.Trim().ToLowerInvariant().Replace(',', '.');
        if (text.Length == 0) return false;
        if (text.StartsWith("pt", StringComparison.Ordinal) || text.StartsWith('p'))
            return TryIso(text, out seconds);

        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(m => m.Value)).Replace(" ", "") != text.Replace(" ", ""))
            return false;

        double total = 0;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = part.Groups["u"].Value;
            // A bare number is seconds, but only when it stands alone: "1h 30" is ambiguous.
            if (unit.Length == 0 && parts.Count > 1) return false;
            var scale = UnitSeconds(unit);
            if (scale is null) return false;
            total += value * scale.Value;
        }

        if (total > long.MaxValue / 2) return false;
        seconds = (long)Math.Round(total);
        return true;
    }

    private static long? UnitSeconds(string unit) => unit switch
    {
        "" or "s" or "sec" or "secs" or "second" or "seconds" or "с" or "сек" or "секунда" or "секунды" or "секунд" => 1,
        "m" or "min" or "mins" or "minute" or "minutes" or "м" or "мин" or "минута" or "минуты" or "минут" => 60,
        "h" or "hr" or "hrs" or "hour" or "hours" or "ч" or "час" or "часа" or "часов" => 3600,
        "d" or "day" or "days" or "д" or "дн" or "день" or "дня" or "дней" => 86400,
        _ => null,
    };

    private static bool TryIso(string text, out long seconds)
    {
        seconds = 0;
        try
        {
            var span = System.Xml.XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            if (span < TimeSpan.Zero) return false;
            seconds = (long)span.TotalSeconds;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<u>[a-zа-яё]*)\.?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
