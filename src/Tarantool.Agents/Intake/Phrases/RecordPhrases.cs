using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// How many records and how big each is: "100 million records", "100 млн записей", "1 KB records",
/// "record size 512 bytes", "средний размер записи 2 КБ". Sizes are decimal, like data sizes.
/// </summary>
internal static partial class RecordPhrases
{
    public static long? ReadCount(string prose)
    {
        var match = Count().Match(prose);
        return match.Success && NumberText.TryParse(match.Groups["n"].Value, match.Groups["m"].Value, out var count) && count >= 1 && count < long.MaxValue
            ? (long)Math.Round(count)
            : null;
    }

    public static int? ReadAverageBytes(string prose)
    {
        var match = SizeBefore().Match(prose);
        if (!match.Success)
            match = SizeAfter().Match(prose);
        if (!match.Success || !NumberText.TryParse(match.Groups["n"].Value, out var size))
            return null;
        var bytes = size * BytesPer(match.Groups["unit"].Value);
        return bytes is >= 1 and <= int.MaxValue ? (int)Math.Round(bytes) : null;
    }

    private static double BytesPer(string unit)
    {
        var u = unit.ToLowerInvariant();
        var binary = u.Length > 1 && u[1] == 'i';
        return u[0] switch
        {
            'k' or 'к' => binary ? 1024 : 1000,
            'm' or 'м' => binary ? 1024 * 1024 : 1_000_000,
            _ => 1,
        };
    }

    private const string Records = @"(?:records?|rows?|tuples?|documents?|entries|objects|keys|items|messages|events|записей|записи|строк|кортеж\w*|объектов|документов|ключей|сообщений|событий)";
    private const string Unit = @"(?<unit>bytes?\b|B\b|KB\b|KiB\b|kbytes?\b|kilobytes?\b|MB\b|MiB\b|байт\w*|Б\b|КБ\b|Кбайт\w*|килобайт\w*|МБ\b|Мбайт\w*)";
    private const string Amount = @"(?<n>" + NumberText.Pattern + @")\s*" + Unit;

    // The look-ahead leaves rates alone: "5k events/sec" is a write rate, not a record count.
    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?\s*(?:of\s+)?" + Records + @"\b(?!\s*(?:/|per\s+sec|a\s+second|в\s+секунду))",
        Phrase.Options)]
    private static partial Regex Count();

    [GeneratedRegex(@"(?<![\w.,])" + Amount + @"\s*(?:per\s+|each\s+|avg\s+|average\s+|в\s+среднем\s+)?" + Records + @"\b", Phrase.Options)]
    private static partial Regex SizeBefore();

    [GeneratedRegex(
        @"(?:\b(?:record|row|tuple|document|item|entry|object)\s+size|\bsize\s+of\s+(?:a|an|one|each)\s+(?:record|row|tuple|document)" +
        @"|\bразмер\w*\s+(?:одной\s+)?(?:записи|кортежа|строки|документа|объекта)|\b(?:records?|rows?|tuples?|записи)\s+(?:of|are|averag\w*|about|around|около|по|размером))" +
        @"[^\d\n.;]{0,25}?" + Amount,
        Phrase.Options)]
    private static partial Regex SizeAfter();
}
