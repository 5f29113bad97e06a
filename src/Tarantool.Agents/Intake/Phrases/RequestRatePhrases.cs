using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Peak read and write rates in any arrangement: "40k read RPS", "45k reads/s, 11k writes/s", "70k reads and 9k
/// writes per second", "9 000 RPS on reads and 2 000 on writes", "чтение 30 тыс. RPS, запись 4 тыс.",
/// "15 тысяч операций записи в секунду", "18k lookups per second". A rate that says neither read nor write is
/// counted as reads, the usual meaning of a bare "RPS".
/// </summary>
internal static partial class RequestRatePhrases
{
    /// <summary>Above this a figure is a typo or a misunderstanding: it is about a hundred large clusters' worth.</summary>
    public const double MaxRate = 100_000_000;

    public static (int? Read, int? Write) Read(string prose, ProseNotes notes)
    {
        var reads = new List<(int, string)>();
        var writes = new List<(int, string)>();
        var used = new HashSet<int>();

        void Add(Match match, bool write, Capture span)
        {
            var number = match.Groups["n"];
            if (!used.Add(number.Index) || !NumberText.TryParse(number.Value, match.Groups["m"].Value, out var rate))
                return;
            notes.Place(span);
            if (rate > MaxRate)
            {
                notes.Warn($"'{ProseNotes.Quote(span.Value)}' is more than {ProseNotes.Number(MaxRate)} requests per second; " +
                           "it was not used. Check the figure and its multiplier (k, M).");
                return;
            }

            (write ? writes : reads).Add(((int)Math.Round(rate), ProseNotes.Quote(span.Value)));
        }

        foreach (var match in NumberFirst().Matches(prose).Concat(UnitFirst().Matches(prose)).OrderBy(m => m.Index))
        {
            if (used.Contains(match.Groups["n"].Index))
                continue;

            // "70k reads and 9k writes per second": the figure before shares this one's "per second".
            var start = Math.Max(0, match.Index - 60);
            var leading = Leading().Match(prose, start, match.Index - start);
            if (leading.Success)
                Add(leading, WriteWord().IsMatch(leading.Groups["pre"].Value), leading);

            Add(match, IsWrite(match), match);

            // "чтение 30 тыс. RPS, запись 4 тыс.", "9 000 RPS on reads and 2 000 on writes": the next figure borrows the unit.
            var following = Following().Match(prose, match.Index + match.Length);
            var kind = following.Groups["pre"].Success ? following.Groups["pre"] : following.Groups["post"];
            if (following.Success && kind.Success)
                Add(following, WriteWord().IsMatch(kind.Value), following);
        }

        return (notes.First("read rates", reads, r => $"{ProseNotes.Number(r)}/s"),
                notes.First("write rates", writes, w => $"{ProseNotes.Number(w)}/s"));
    }

    /// <summary>The word nearest to the unit decides: "write RPS", then "RPS на запись", then "writes: 5k RPS".</summary>
    private static bool IsWrite(Match match)
    {
        foreach (var group in new[] { "mid", "post", "pre" })
        {
            var word = match.Groups[group];
            if (word.Success)
                return WriteWord().IsMatch(word.Value);
        }

        return false;
    }

    private const string Kind =
        @"(?:reads?\b|reading|lookups?\b|gets\b|selects?\b|чтени\w*|выборк\w*" +
        @"|writes?\b|writing|inserts?\b|updates?\b|upserts?\b|deletes?\b|puts\b|запис\w*|вставк\w*|обновлени\w*)";

    private const string Operations = @"(?:requests?|reqs?|queries|ops|operations|transactions|запрос\w*|операци\w*|транзакци\w*)";

    private const string PerSecondUnit =
        @"(?:rps\b|qps\b|tps\b|ops/s\b|op/s\b|/\s*s(?:ec)?\b|per\s+sec(?:ond)?\b|a\s+second\b|в\s+секунду\b|в\s+сек\b|/\s*сек\b)";

    private const string Amount = @"(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?";

    /// <summary>Between a kind and its figure: "writes: 5k", "write load 3,500", "writes are about 5k", "запись — 4 тыс.".</summary>
    private const string Connector =
        @"(?:\s+(?:load|traffic|rate|throughput|peak|нагрузка|поток))?\s*(?:(?:[:=—-]|\bare\b|\bis\b|\bat\b|\bof\b|составляет|составят)\s*){0,2}";

    private const string Approximately = @"(?:~|≈|about|around|up\s+to|over|около|до|более|свыше)?\s*";

    [GeneratedRegex(
        @"(?:\b(?<pre>" + Kind + @")" + Connector + Approximately + ")?" + Amount + @"\s*" +
        @"(?:" + Operations + @"\s+)?(?:(?<mid>" + Kind + @")\s*)?(?:" + Operations + @"\s*)?" + PerSecondUnit +
        @"(?:\s*(?:на|for|of|on)\s+(?<post>" + Kind + "))?",
        Phrase.Options)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(
        Amount + @"\s*(?:" + Operations + @"\s+)?(?<pre>" + Kind + @")\s*(?:,|and|и|&|\+)\s*" + Approximately + @"\z",
        Phrase.Options)]
    private static partial Regex Leading();

    [GeneratedRegex(
        @"\G\s*(?:,|;|and|и|а|while|whereas|but)?\s*(?:(?<pre>" + Kind + @")" + Connector + ")?" + Approximately + Amount +
        @"(?:\s*(?:" + Operations + @"\s+)?(?:на|for|of|on)?\s*(?<post>" + Kind + "))?",
        Phrase.Options)]
    private static partial Regex Following();

    [GeneratedRegex(@"\A(?:writ|insert|updat|upsert|delet|put|запис|вставк|обновл)", Phrase.Options)]
    private static partial Regex WriteWord();

    [GeneratedRegex(
        @"(?:\b(?<pre>" + Kind + @")\s+)?\b(?:rps|qps)(?:\s+(?:на|for|on)\s+(?<post>" + Kind + @"))?\s*[:=—]\s*" + Approximately + Amount,
        Phrase.Options)]
    private static partial Regex UnitFirst();
}
