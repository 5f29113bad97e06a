using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// How many records and how big each is: "100 million records", "100 млн записей", "1 KB records",
/// "record size 512 bytes", "средний размер записи 2 КБ", "20 million accounts of 2 KB each", "500 bytes per
/// message". Sizes are decimal, like data sizes.
/// </summary>
internal static partial class RecordPhrases
{
    /// <summary>Tarantool's default largest tuple (memtx_max_tuple_size) is 1 MB; far beyond it is a misread figure.</summary>
    public const int MaxRecordBytes = 100_000_000;

    public static long? ReadCount(string prose, ProseNotes notes)
    {
        var counts = new List<(long, string)>();
        foreach (var match in Count().Matches(prose).Concat(CountAfter().Matches(prose)).OrderBy(m => m.Index))
        {
            // A figure already read as a rate ("Orders: 70k reads and 9k writes per second") is not a count.
            if (notes.IsPlaced(match.Groups["n"].Index, match.Groups["n"].Length)
                || !NumberText.TryParse(match.Groups["n"].Value, match.Groups["m"].Value, out var count) || count < 1 || count >= long.MaxValue)
                continue;
            notes.Place(match);
            counts.Add(((long)Math.Round(count), ProseNotes.Quote(match.Value)));
        }

        return notes.First("record counts", counts, c => ProseNotes.Number(c));
    }

    public static int? ReadAverageBytes(string prose, ProseNotes notes)
    {
        var sizes = new List<(int, string)>();
        foreach (var match in SizeBefore().Matches(prose).Concat(SizeAfter().Matches(prose)).OrderBy(m => m.Index))
        {
            if (!NumberText.TryParse(match.Groups["n"].Value, out var size) || notes.IsPlaced(match.Groups["n"].Index, match.Groups["n"].Length))
                continue;
            notes.Place(match);
            var bytes = size * BytesPer(match.Groups["unit"].Value);
            if (bytes is < 1 or > MaxRecordBytes)
            {
                notes.Warn($"'{ProseNotes.Quote(match.Value)}' is not a plausible record size; it was not used.");
                continue;
            }

            sizes.Add(((int)Math.Round(bytes), ProseNotes.Quote(match.Value)));
        }

        return notes.First("record sizes", sizes, b => $"{ProseNotes.Number(b)} bytes");
    }

    private static double BytesPer(string unit)
    {
        var u = unit.ToLowerInvariant();
        var binary = u.Length == 3 && u[1] == 'i';
        return u[0] switch
        {
            'k' or 'к' => binary ? 1024 : 1000,
            'm' or 'м' => binary ? 1024 * 1024 : 1_000_000,
            _ => 1,
        };
    }

    private const string Records =
        @"(?:records?|rows?|tuples?|documents?|entry|entries|objects?|keys?|items?|messages?|events?|accounts?|users?|customers?|clients?" +
        @"|profiles?|sessions?|orders?|transactions?|devices?|products?|subscribers?|players?|cards?|payments?|posts?|files?" +
        @"|записей|записи|запись|строк\w*|кортеж\w*|объект\w*|документ\w*|ключ\w*|сообщени\w*|событи\w*|аккаунт\w*|учетн\w+\s+запис\w*" +
        @"|пользовател\w*|клиент\w*|абонент\w*|профил\w*|сесси\w*|заказ\w*|транзакци\w*|устройств\w*|товар\w*|карт(?:а|ы|у|ой)?\b|платеж\w*|счет\w*)";
    private const string Unit = @"(?<unit>bytes?\b|B\b|KB\b|KiB\b|kbytes?\b|kilobytes?\b|MB\b|MiB\b|байт\w*|Б\b|КБ\b|Кбайт\w*|килобайт\w*|МБ\b|Мбайт\w*)";
    private const string Amount = @"(?<n>" + NumberText.Pattern + @")\s*" + Unit;

    // The look-ahead leaves rates alone: "5k events/sec" is a write rate, not a record count.
    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?\s*(?:of\s+)?" + Records + @"\b(?!\s*(?:/|per\s+(?:sec|min|hour|day)|a\s+(?:second|minute|day)|в\s+(?:секунду|минуту|час|сутки|день)))",
        Phrase.Options)]
    private static partial Regex Count();

    /// <summary>"User sessions: 200 million", "записей — 50 млн".</summary>
    [GeneratedRegex(
        @"\b" + Records + @"\s*(?:[:=—]|-\s)\s*(?:~|≈|about|around|около|примерно)?\s*(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?" +
        @"(?!\s*(?:[PTGMK]i?B\b|[ПТГМК]Б\b|bytes?\b|байт|/|per\s|rps|qps|%|[^\W\d]+\s*(?:/|per\s|a\s+second|в\s+секунду)))",
        Phrase.Options)]
    private static partial Regex CountAfter();

    [GeneratedRegex(
        @"(?<![\w.,])" + Amount + @"\s*(?:per\s+(?:a\s+|one\s+)?|each\s+|a\s+|an\s+|avg\s+|average\s+|в\s+среднем\s+|на\s+(?:одн\w+\s+)?)?" + Records + @"\b",
        Phrase.Options)]
    private static partial Regex SizeBefore();

    [GeneratedRegex(
        @"(?:\b(?:record|row|tuple|document|item|entry|object)\s+size|\bsize\s+of\s+(?:a|an|one|each)\s+(?:record|row|tuple|document)" +
        @"|\bразмер\w*\s+(?:одной\s+)?(?:записи|кортежа|строки|документа|объекта)|\b" + Records + @"\s*(?:of|are|averag\w*|about|around|около|по|размером|~|≈|:|=|—)" +
        @"|\b(?:average|avg|mean|в\s+среднем|средн\w+)\W+(?:(?:size|record|размер\w*|записи)\W+){0,2})" +
        @"[^\d\n.;]{0,25}?" + Amount,
        Phrase.Options)]
    private static partial Regex SizeAfter();
}
