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
        var unlabelled = new HashSet<int>();
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

            if (!write && !match.Groups["pre"].Success && !match.Groups["mid"].Success && !match.Groups["post"].Success)
                unlabelled.Add(reads.Count);
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

        // "10k QPS total, 80% reads": a bare total and a share split it into reads and writes.
        if (reads.Count == 1 && writes.Count == 0 && unlabelled.Contains(0) && TryShare(prose, notes, out var readShare))
        {
            var total = reads[0].Item1;
            reads[0] = ((int)Math.Round(total * readShare), reads[0].Item2);
            writes.Add(((int)Math.Round(total * (1 - readShare)), reads[0].Item2));
        }

        return (notes.First("read rates", reads, r => $"{ProseNotes.Number(r)}/s"),
                notes.First("write rates", writes, w => $"{ProseNotes.Number(w)}/s"));
    }

    /// <summary>The read share of a total: "80% reads", "20% writes", "чтение 70%", "80/20 read/write".</summary>
    private static bool TryShare(string prose, ProseNotes notes, out double readShare)
    {
        readShare = 0;
        var ratio = Ratio().Match(prose);
        if (ratio.Success && NumberText.TryParse(ratio.Groups["r"].Value, out var r) && NumberText.TryParse(ratio.Groups["w"].Value, out var w) && r + w > 0)
        {
            notes.Place(ratio);
            readShare = r / (r + w);
            return true;
        }

        var share = Share().Match(prose);
        if (!share.Success || !NumberText.TryParse(share.Groups["p"].Value, out var percent) || percent is < 0 or > 100)
            return false;
        notes.Place(share);
        readShare = WriteWord().IsMatch(share.Groups["kind"].Value) ? 1 - percent / 100 : percent / 100;
        return true;
    }

    [GeneratedRegex(
        @"(?<p>" + NumberText.Pattern + @")\s*%\s*(?:(?:of\s+(?:them|it|requests|traffic|the\s+load)|of\s+which\s+are|are|is|на|приходится\s+на)\s+)?(?<kind>" + Kind + ")" +
        @"|\b(?<kind>" + Kind + @")\s*(?:[:=—-]|\bare\b|\bis\b|составляет|составляют)?\s*(?<p>" + NumberText.Pattern + @")\s*%",
        Phrase.Options)]
    private static partial Regex Share();

    [GeneratedRegex(
        @"(?<r>\d{1,3})\s*/\s*(?<w>\d{1,3})\s*(?:reads?|чтени\w*)\s*/\s*(?:writes?|запис\w*)" +
        @"|\b(?:reads?|чтени\w*)\s*/\s*(?:writes?|запис\w*)(?:\s+(?:ratio|mix|split|соотношение))?\s*(?:of|is|[:=—-])?\s*(?<r>\d{1,3})\s*/\s*(?<w>\d{1,3})",
        Phrase.Options)]
    private static partial Regex Ratio();

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
