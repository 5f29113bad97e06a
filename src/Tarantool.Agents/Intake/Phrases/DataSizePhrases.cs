using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The total data size in decimal gigabytes: "300 GB", "1.5 TB", "2 ТБ", "500 ГБ", "800 MB". Sizes of memory,
/// disks or a single record are skipped: they describe hardware or tuples, not the data set.
/// </summary>
internal static partial class DataSizePhrases
{
    public static double? ReadGb(string prose)
    {
        foreach (Match match in Size().Matches(prose))
        {
            if (IsAboutSomethingElse(prose, match) || !NumberText.TryParse(match.Groups["n"].Value, out var amount))
                continue;
            return amount * GigabytesPer(match.Groups["unit"].Value);
        }

        return null;
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
        var binary = u.Length > 1 && u[1] == 'i';
        return u[0] switch
        {
            'p' or 'п' => binary ? 1_125_899.906842624 : 1_000_000,
            't' or 'т' => binary ? 1_099.511627776 : 1_000,
            'm' or 'м' => binary ? 0.001048576 : 0.001,
            _ => binary ? 1.073741824 : 1,
        };
    }

    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*(?<unit>[PTGM]i?B\b|[ПТГМ]Б\b|[птгм]байт\w*|петабайт\w*|терабайт\w*|гигабайт\w*|мегабайт\w*)",
        Phrase.Options)]
    private static partial Regex Size();

    [GeneratedRegex(@"(?:\bram|\bmemory|memtx_memory|\bпамят\w*|\bозу|\bdisks?|\bдиск\w*|\bssd|\bnvme|\bheap|\bcache|\bкэш\w*)\W*(?:(?:of|with|по|на|=)\W+)?\W*\z", Phrase.Options)]
    private static partial Regex HardwareBefore();

    [GeneratedRegex(
        @"\A\s*(?:(?:of\s+)?(?:ram|memory|disk|ssd|nvme)\b|памяти|озу|(?:per|each|на|по)\s|/\s*(?:node|server|host|instance|узел|сервер)" +
        @"|(?:records?|rows?|tuples?|documents?|записи|записей|кортеж\w*)\b)",
        Phrase.Options)]
    private static partial Regex HardwareOrRecordAfter();
}
