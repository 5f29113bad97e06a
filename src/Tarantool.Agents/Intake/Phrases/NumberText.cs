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

    /// <summary>
    /// Number words, alone or compound ("twenty five", "two hundred", "двести пятьдесят", "half a", "полтора").
    /// Compounds are summed, "hundred" multiplies what precedes it.
    /// </summary>
    private const string WordPattern =
        "(?:" + SingleWord + @")(?:[\s-]+(?:and\s+)?(?:" + SingleWord + "))*" +
        @"|half(?:\s+an?)?(?=\s)|полтор(?:а|ы)";

    private const string SingleWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" +
        "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|" +
        "один|одна|одно|одну|одного|одном|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|семь|семи|" +
        "восемь|восьми|девять|девяти|десять|десяти|одиннадцать|одиннадцати|двенадцать|двенадцати|" +
        "пятнадцать|пятнадцати|двадцать|двадцати|тридцать|тридцати|сорок|сорока|пятьдесят|пятидесяти|шестьдесят|" +
        "семьдесят|восемьдесят|девяносто|сто|ста|двести|двухсот|триста|трехсот|четыреста|пятьсот|пятисот|шестьсот|" +
        "семьсот|восемьсот|девятьсот";

    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["один"] = 1, ["одна"] = 1, ["одно"] = 1, ["одну"] = 1, ["одного"] = 1, ["одном"] = 1,
        ["два"] = 2, ["две"] = 2, ["двух"] = 2, ["три"] = 3, ["трех"] = 3, ["четыре"] = 4, ["четырех"] = 4,
        ["пять"] = 5, ["пяти"] = 5, ["шесть"] = 6, ["шести"] = 6, ["семь"] = 7, ["семи"] = 7,
        ["восемь"] = 8, ["восьми"] = 8, ["девять"] = 9, ["девяти"] = 9, ["десять"] = 10, ["десяти"] = 10,
        ["одиннадцать"] = 11, ["одиннадцати"] = 11, ["двенадцать"] = 12, ["двенадцати"] = 12,
        ["пятнадцать"] = 15, ["пятнадцати"] = 15, ["двадцать"] = 20, ["двадцати"] = 20, ["тридцать"] = 30,
        ["тридцати"] = 30, ["сорок"] = 40, ["сорока"] = 40, ["пятьдесят"] = 50, ["пятидесяти"] = 50,
        ["шестьдесят"] = 60, ["семьдесят"] = 70, ["восемьдесят"] = 80, ["девяносто"] = 90,
        ["сто"] = 100, ["ста"] = 100, ["двести"] = 200, ["двухсот"] = 200, ["триста"] = 300, ["трехсот"] = 300,
        ["четыреста"] = 400, ["пятьсот"] = 500, ["пятисот"] = 500, ["шестьсот"] = 600, ["семьсот"] = 700,
        ["восемьсот"] = 800, ["девятьсот"] = 900,
    };

    /// <summary>"twenty five" = 25, "two hundred" = 200, "двести пятьдесят" = 250, "half a" = 0.5.</summary>
    private static bool TryParseWords(string text, out double value)
    {
        value = 0;
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("half", StringComparison.Ordinal))
        {
            value = 0.5;
            return true;
        }

        if (lower.StartsWith("полтор", StringComparison.Ordinal))
        {
            value = 1.5;
            return true;
        }

        double current = 0;
        var any = false;
        foreach (var word in lower.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "and")
                continue;
            if (word == "hundred")
            {
                current = (current == 0 ? 1 : current) * 100;
            }
            else if (Words.TryGetValue(word, out var n))
            {
                current += n;
            }
            else
            {
                return false;
            }

            any = true;
        }

        value = current;
        return any;
    }

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
        if (text.Length > 0 && char.IsLetter(text[0]))
            return TryParseWords(text, out value);

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
