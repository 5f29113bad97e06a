using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The total data size in decimal gigabytes, next to any noun: "300 GB", "Feature store, 60 GB", "2.5 TB",
/// "0,8 ТБ", "двести гигабайт", "half a terabyte". Sizes of memory, disks or a single record are skipped: they
/// describe hardware or tuples, not the data set. A size called the total wins; otherwise the first is used and
/// a different second one is reported.
/// </summary>
internal static partial class DataSizePhrases
{
    /// <summary>A hundred petabytes: beyond any Tarantool deployment, so a typo or a wrong unit.</summary>
    public const double MaxGb = 100_000_000;

    public static double? ReadGb(string prose, ProseNotes notes) => Read(prose, notes).Gb;

    public static DataSizeReading Read(string prose, ProseNotes notes)
    {
        var sizes = new List<(double, string)>();
        double? total = null;
        double? perYear = null;
        (double, double)? projected = null;
        string? growthQuote = null;
        foreach (Match match in Size().Matches(prose))
        {
            if (!NumberText.TryParse(match.Groups["n"].Value, out var amount))
                continue;
            var gb = amount * GigabytesPer(match.Groups["unit"].Value);
            var after = prose[(match.Index + match.Length)..];

            // "grows by 2 TB per year", "+500 GB a month": a growth in size, not the data set.
            var rate = PerPeriod().Match(after);
            if (rate.Success && DurationUnits.TryCount(rate, out var count))
            {
                notes.Place(match.Index, match.Length + rate.Length);
                perYear ??= gb * 12 / (count * DurationUnits.Months(rate.Groups["unit"].Value));
                growthQuote ??= ProseNotes.Quote(prose.Substring(match.Index, match.Length + rate.Length));
                continue;
            }

            // "2 TB in three years", "1 ТБ через два года": where the data set will be, not where it is.
            var future = InFuture().Match(after);
            if (future.Success && DurationUnits.TryCount(future, out var years))
            {
                notes.Place(match.Index, match.Length + future.Length);
                projected ??= (gb, years * DurationUnits.Months(future.Groups["unit"].Value));
                growthQuote ??= ProseNotes.Quote(prose.Substring(match.Index, match.Length + future.Length));
                continue;
            }

            // Hardware sizes are understood too, just not as the data set: they are no unplaced figure.
            notes.Place(match);
            if (IsAboutSomethingElse(prose, match))
                continue;
            if (gb is <= 0 or > MaxGb)
            {
                notes.Warn($"'{ProseNotes.Quote(match.Value)}' is not a plausible data size (more than 100 PB or zero); it was not used.");
                continue;
            }

            if (total is null && Total().IsMatch(prose[Math.Max(0, match.Index - 40)..match.Index]))
                total = gb;
            sizes.Add((gb, ProseNotes.Quote(match.Value)));
        }

        var current = total ?? notes.First("data sizes", sizes, gb => $"{ProseNotes.Number(gb)} GB");
        return new DataSizeReading(current, perYear, projected, growthQuote);
    }

    private static bool IsAboutSomethingElse(string prose, Match match)
    {
        var before = prose[Math.Max(0, match.Index - 30)..match.Index];
        var after = prose[(match.Index + match.Length)..Math.Min(prose.Length, match.Index + match.Length + 30)];
        return HardwareBefore().IsMatch(before) || HardwareOrRecordAfter().IsMatch(after);
    }

    private static double GigabytesPer(string unit)
    {
        var u = unit.ToLowerInvariant();
        var binary = u.Length == 3 && u[1] == 'i';
        return u[0] switch
        {
            'p' or 'п' => binary ? 1_125_899.906842624 : 1_000_000,
            't' or 'т' => binary ? 1_099.511627776 : 1_000,
            'm' or 'м' => binary ? 0.001048576 : 0.001,
            _ => binary ? 1.073741824 : 1,
        };
    }

    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*(?<unit>[PTGM]i?B\b|[ПТГМ]Б\b|[птгм]байт\w*|петабайт\w*|терабайт\w*|гигабайт\w*|мегабайт\w*" +
        @"|(?:peta|tera|giga|mega)bytes?\b)",
        Phrase.Options)]
    private static partial Regex Size();

    [GeneratedRegex(@"\A\s*(?:(?:per|a|an|each|every|/|в|за|каждый|каждые|ежегодно)\s*)" + DurationUnits.Amount, Phrase.Options)]
    private static partial Regex PerPeriod();

    [GeneratedRegex(@"\A\s*(?:(?:in|within|by|after|через|за|в\s+течение)\s+(?:the\s+next\s+|ближайшие\s+)?)" + DurationUnits.Amount, Phrase.Options)]
    private static partial Regex InFuture();

    [GeneratedRegex(@"(?:\btotal|\bin\s+total|\boverall|\ball\s+together|\bвсего|\bитого|\bсуммарн\w*|\bобщ\w+\s+объем\w*)\W*(?:(?:of|is|about|около|—|-)\W+)?\W*\z", Phrase.Options)]
    private static partial Regex Total();

    [GeneratedRegex(@"(?:\bram|\bmemory|memtx_memory|\bпамят\w*|\bозу|\bdisks?|\bдиск\w*|\bssd|\bnvme|\bheap|\bcache|\bкэш\w*)\W*(?:(?:of|with|по|на|=)\W+)?\W*\z", Phrase.Options)]
    private static partial Regex HardwareBefore();

    [GeneratedRegex(
        @"\A\s*(?:(?:of\s+)?(?:ram|memory|disk|ssd|nvme)\b|памяти|озу|(?:per|each|на|по)\s|/\s*(?:node|server|host|instance|узел|сервер)" +
        @"|(?:records?|rows?|tuples?|documents?|записи|записей|кортеж\w*)\b)",
        Phrase.Options)]
    private static partial Regex HardwareOrRecordAfter();
}
