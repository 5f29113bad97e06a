using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Recovery targets in prose. RPO: "RPO 30 seconds", "zero data loss", "no more than a minute of writes may be
/// lost", "потеря данных не более 1 минуты". RTO: "RTO 15 minutes", "service restored within an hour", "время
/// восстановления 20 минут", "простой не более 10 минут", "failover within 30 seconds" (the service is back when
/// the failover is done). The RPO is read first and its words are set aside, so
/// that "recovery point" is never taken for a recovery time.
/// </summary>
internal static partial class TargetPhrases
{
    public static (Candidate<int>? Rpo, Candidate<int>? Rto) Read(string prose, ProseNotes notes)
    {
        var rpoMatches = RpoLabelled().Matches(prose).Concat(LossBound().Matches(prose)).Concat(ZeroLoss().Matches(prose))
            .OrderBy(m => m.Index).ToList();
        var rpo = Pick(rpoMatches, RequestField.Rpo, "RPO targets", notes);
        var rest = rpoMatches.Aggregate(prose, (text, m) => DescriptionText.Blank(text, m.Index, m.Length));
        var rtoMatches = RtoLabelled().Matches(rest).Concat(Restored().Matches(rest)).OrderBy(m => m.Index).ToList();
        var rto = Pick(rtoMatches, RequestField.Rto, "RTO targets", notes);
        return (rpo, rto);
    }

    private static Candidate<int>? Pick(IReadOnlyList<Match> matches, RequestField field, string what, ProseNotes notes)
    {
        var found = new List<(long Seconds, string Quote)>();
        var last = -1;
        foreach (var match in matches)
        {
            if (match.Index < last || !(match.Groups["nodata"].Success ? TryZero(out var seconds) : ProseDuration.TrySeconds(match, out seconds)))
                continue;
            last = match.Index + match.Length;
            notes.Place(match);
            found.Add((seconds, ProseNotes.Quote(match.Value)));
        }

        var first = notes.First(what, found, s => $"{s} s");
        return first is null ? null : ParameterRules.Target(first.Value, field, FieldOrigin.DescriptionText);
    }

    private static bool TryZero(out long seconds)
    {
        seconds = 0;
        return true;
    }

    private const string Bound =
        @"(?:(?:is|of|=|:|—|-|<=?|≤|under|below|within|less\s+than|no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|max(?:imum)?|" +
        @"не\s+более|не\s+больше|не\s+дольше|менее|до|в\s+пределах|максимум|за|в\s+течение|составляет|—)\s*)*";

    [GeneratedRegex(
        @"(?:\bRPO\b|\brecovery\s+point(?:\s+objective)?|\bточк\w*\s+восстановлени\w*|\bцелев\w+\s+точк\w*\s+восстановлени\w*)\s*(?:\(RPO\)\s*)?" +
        Bound + @"(?:~|≈|about|около|примерно)?\s*" + ProseDuration.Pattern,
        Phrase.Options)]
    private static partial Regex RpoLabelled();

    /// <summary>"no more than a minute of writes may be lost", "lose at most 5 seconds of data", "потеря данных не более минуты".</summary>
    [GeneratedRegex(
        @"(?:\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|under|less\s+than|не\s+более|не\s+больше|максимум)\s+" + ProseDuration.Pattern +
        @"\s+(?:of\s+)?(?:writes|data|transactions|updates|changes|записей|данных|транзакций|изменений)\s+(?:\w+\s+){0,3}?(?:lost|be\s+lost|потерян\w*|теря\w*)" +
        @"|\b(?:lose|losing|loss(?:\s+of)?|data\s+loss(?:\s+of)?|потер\w*|теря\w*)\s+(?:(?:data|writes|данных|записей|at|of|is|—|-|:)\s+)*?" +
        @"(?:no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|under|less\s+than|не\s+более|не\s+больше|до|максимум)\s+" + ProseDuration.Pattern + ")",
        Phrase.Options)]
    private static partial Regex LossBound();

    [GeneratedRegex(
        @"(?<nodata>\b(?:zero|no)\s+(?:data\s+)?loss\b|\bwithout\s+(?:any\s+)?(?:data\s+)?loss\b|\blose\s+no\s+(?:data|writes|transactions)\b" +
        @"|\bnot?\s+(?:lose|losing)\s+(?:any|a\s+single)\s+(?:data|writes?|transactions?)\b" +
        @"|\bбез\s+потер\w*\s+данных|\bнулев\w+\s+потер\w*\s+данных|\bпотер\w*\s+данных\s+(?:недопустим\w*|не\s+допускается)" +
        @"|\bне\s+(?:терять|потерять)\s+(?:ни\s+одной|никаких)\s+(?:записи|записей|данных|транзакции|транзакций))",
        Phrase.Options)]
    private static partial Regex ZeroLoss();

    [GeneratedRegex(
        @"(?:\bRTO\b|\brecovery\s+time(?:\s+objective)?|\bврем\w*\s+восстановлени\w*|\bцелев\w+\s+врем\w*\s+восстановлени\w*)\s*(?:\(RTO\)\s*)?" +
        Bound + @"(?:~|≈|about|около|примерно)?\s*" + ProseDuration.Pattern,
        Phrase.Options)]
    private static partial Regex RtoLabelled();

    /// <summary>"service restored within an hour", "back online in 15 minutes", "восстановление за 15 минут", "простой не более 10 минут".</summary>
    [GeneratedRegex(
        @"\b(?:restor\w*|recover(?:s|ed|y)?\b|back\s+(?:online|up\s+and\s+running)|up\s+again|downtime|outage|fail\s*over|switchover" +
        @"|восстановлен\w*|восстанов\w*|восстанавлива\w*|простой|простоя|недоступност\w*|переключени\w*)" +
        @"(?:\s+[^\W\d]+){0,3}?\s+" +
        @"(?:within|in|under|after|of|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|за|в\s+течение|не\s+более|не\s+дольше|не\s+больше|максимум|—|-|:)\s+" +
        @"(?:~|≈|about|около|примерно)?\s*" + ProseDuration.Pattern,
        Phrase.Options)]
    private static partial Regex Restored();
}
