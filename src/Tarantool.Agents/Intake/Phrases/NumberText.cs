using System.Globalization;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Numbers as people write them in English and Russian: "40 000", "1,5", "1.5", "1,500", "four", "четыре",
/// with "k"/"тыс", "M"/"млн", "B"/"млрд" multipliers. Always culture-invariant.
/// </summary>
internal static class NumberText
{
    /// <summary>
    /// A number in a regex: space-grouped thousands, a decimal, or a number word. The look-behind keeps it from
    /// starting inside an identifier or another number ("v3", "1.5").
    /// </summary>
    public const string Pattern =
        @"(?<![\w.,])(?:\d{1,3}(?: \d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?|(?:" + WordPattern + @")\b)";

    /// <summary>A multiplier after a number: thousands, millions, billions.</summary>
    public const string MultiplierPattern =
        @"(?:k\b|к\b|тыс\b\.?|тысяч\w*|thousand\b|m\b|mln\b|млн\b\.?|миллион\w*|million\w*|bn\b|b\b|млрд\b\.?|миллиард\w*|billion\w*)";

    private const string WordPattern =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" +
        "один|одна|одно|одного|одном|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|семь|семи|" +
        "восемь|восьми|девять|девяти|десять|десяти|одиннадцать|одиннадцати|двенадцать|двенадцати";

    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["один"] = 1, ["одна"] = 1, ["одно"] = 1, ["одного"] = 1, ["одном"] = 1,
        ["два"] = 2, ["две"] = 2, ["двух"] = 2, ["три"] = 3, ["трех"] = 3, ["четыре"] = 4, ["четырех"] = 4,
        ["пять"] = 5, ["пяти"] = 5, ["шесть"] = 6, ["шести"] = 6, ["семь"] = 7, ["семи"] = 7,
        ["восемь"] = 8, ["восьми"] = 8, ["девять"] = 9, ["девяти"] = 9, ["десять"] = 10, ["десяти"] = 10,
        ["одиннадцать"] = 11, ["одиннадцати"] = 11, ["двенадцать"] = 12, ["двенадцати"] = 12,
    };

    public static bool TryParse(string number, string? multiplier, out double value)
    {
        if (!TryParse(number, out value))
            return false;
        value *= Multiplier(multiplier);
        return true;
    }

    public static bool TryParse(string number, out double value)
    {
        var text = number.Trim();
        if (Words.TryGetValue(text, out var word))
        {
            value = word;
            return true;
        }

        text = text.Replace(" ", "");
        // "1,500" groups thousands the English way; "1,5" is a Russian decimal comma.
        var comma = text.IndexOf(',');
        if (comma >= 0)
            text = text.Length - comma - 1 == 3 && !text.Contains('.') ? text.Replace(",", "") : text.Replace(',', '.');
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whole numbers only: "1.5 shards" is not a count, it is a typo or a misunderstanding.</summary>
    public static bool TryParseWhole(string number, out int value)
    {
        value = 0;
        if (!TryParse(number, out var parsed) || parsed != Math.Floor(parsed) || parsed > int.MaxValue)
            return false;
        value = (int)parsed;
        return true;
    }

    private static double Multiplier(string? multiplier)
    {
        var m = (multiplier ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (m.Length == 0) return 1;
        return m[0] switch
        {
            'k' or 'к' or 't' or 'т' => 1e3,
            'm' => 1e6,
            'м' => m.StartsWith("млрд", StringComparison.Ordinal) || m.StartsWith("миллиард", StringComparison.Ordinal) ? 1e9 : 1e6,
            'b' => 1e9,
            _ => 1,
        };
    }
}
