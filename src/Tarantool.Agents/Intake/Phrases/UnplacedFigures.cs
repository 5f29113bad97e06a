using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Finds figures with a unit (sizes, rates, percentages, durations) that no reader placed in a field, so that a
/// figure the user wrote is never dropped without a word: "5k events per minute" or "99.99%" are reported.
/// </summary>
internal static partial class UnplacedFigures
{
    public static void Report(string prose, ProseNotes notes)
    {
        foreach (Match match in Figure().Matches(prose))
        {
            if (notes.IsPlaced(match.Index, match.Length))
                continue;
            var start = Math.Max(0, match.Index - 25);
            var end = Math.Min(prose.Length, match.Index + match.Length + 25);
            notes.Warn($"Could not place '{ProseNotes.Quote(match.Value)}' (in \"{ProseNotes.Quote(prose[start..end])}\"): it is not read as any " +
                       "request or workload figure, so the plan does not use it. If it matters, state it the way the docs show " +
                       "(e.g. '300 GB of data', '40k reads/s', '20% a year', 'RPO 30 s') or pass the matching flag.");
        }
    }

    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*(?:" + NumberText.MultiplierPattern + @")?\s*" +
        @"(?:[PTGMK]i?B\b|[ПТГМК]Б\b|(?:peta|tera|giga|mega|kilo)bytes?\b|[птгмк]?байт\w*|петабайт\w*|терабайт\w*|гигабайт\w*|мегабайт\w*|килобайт\w*|bytes?\b|B\b" +
        @"|rps\b|qps\b|tps\b|ops/s\b|(?:\w+\s*)?(?:/\s*s(?:ec)?\b|per\s+(?:sec(?:ond)?|minute|min|hour|day)\b|в\s+(?:секунду|минуту|час|сутки|день)\b)" +
        @"|%|percent\b|процент\w*" +
        @"|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|fortnights?\b|months?\b|quarters?\b|years?\b" +
        @"|секунд\w*|минут\w*|час(?:а|ов)?\b|дн(?:я|ей)\b|недел\w*|месяц\w*|квартал\w*|год(?:а|ов)?\b|лет\b)",
        Phrase.Options)]
    private static partial Regex Figure();
}
