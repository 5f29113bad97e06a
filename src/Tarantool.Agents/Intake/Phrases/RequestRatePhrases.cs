using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Peak read and write rates: "40k read RPS", "5k writes/sec", "40 000 RPS на чтение", "50 тыс. запросов в
/// секунду". A rate that says neither read nor write is counted as reads, the usual meaning of a bare "RPS".
/// </summary>
internal static partial class RequestRatePhrases
{
    public static (int? Read, int? Write) Read(string prose)
    {
        int? reads = null;
        int? writes = null;
        foreach (var match in NumberFirst().Matches(prose).Concat(UnitFirst().Matches(prose)).OrderBy(m => m.Index))
        {
            if (!NumberText.TryParse(match.Groups["n"].Value, match.Groups["m"].Value, out var rate) || rate > int.MaxValue)
                continue;
            if (IsWrite(match))
                writes ??= (int)Math.Round(rate);
            else
                reads ??= (int)Math.Round(rate);
        }

        return (reads, writes);
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

    private const string Kind = @"(?:reads?|reading|writes?|writing|чтени\w*|запис\w*|inserts?|updates?)";
    private const string PerSecond =
        @"(?:rps\b|qps\b|tps\b|ops/s\b|op/s\b|(?:(?:requests?|reqs?|queries|ops|operations|запрос\w*|операци\w*)\s*)?(?:/\s*s(?:ec)?\b|per\s+sec(?:ond)?\b|a\s+second\b|в\s+секунду\b|в\s+сек\b|/\s*сек\b))";

    [GeneratedRegex(
        @"(?:\b(?<pre>" + Kind + @")\s*[:=—-]?\s*(?:~|≈|about|around|up\s+to|около|до)?\s*)?" +
        @"(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?\s*" +
        @"(?<mid>" + Kind + @")?\s*" + PerSecond +
        @"(?:\s*(?:на|for|of)\s+(?<post>" + Kind + "))?",
        Phrase.Options)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"\A(?:writ|insert|updat|запис)", Phrase.Options)]
    private static partial Regex WriteWord();

    [GeneratedRegex(
        @"(?:\b(?<pre>" + Kind + @")\s+)?\b(?:rps|qps)(?:\s+(?:на|for)\s+(?<post>" + Kind + @"))?\s*[:=—]\s*(?:~|≈|about|около|до)?\s*" +
        @"(?<n>" + NumberText.Pattern + @")\s*(?<m>" + NumberText.MultiplierPattern + @")?",
        Phrase.Options)]
    private static partial Regex UnitFirst();
}
