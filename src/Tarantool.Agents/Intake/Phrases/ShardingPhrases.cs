using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Whether the description asks for sharding, and into how many shards ("4 shards", "на 4 шарда", "four shards").</summary>
internal static partial class ShardingPhrases
{
    /// <summary>A shard count; a count of shards also means sharding is wanted.</summary>
    public static Candidate<int>? ReadCount(string prose)
    {
        var match = Count().Match(prose);
        if (!match.Success)
            return null;
        return NumberText.TryParseWhole(match.Groups["n"].Value, out var count)
            ? ParameterRules.ShardCount(count, FieldOrigin.DescriptionText)
            : Candidate<int>.Rejected(
                $"{FieldOrigin.DescriptionText.Label(RequestField.ShardCount)}: '{match.Value.Trim()}' is not a whole number of shards; pass --shard-count.");
    }

    /// <summary>"vshard", "sharding", "шардирование": sharding asked for, without a count.</summary>
    public static bool IsMentioned(string prose) => Mentioned().IsMatch(prose);

    [GeneratedRegex(
        @"(?<n>" + NumberText.Pattern + @")\s*-?\s*(?:shards?\b|шард(?:ов|а|ы|ам|ах|ами)?\b)" +
        @"|\b(?:shard\s+count|number\s+of\s+shards|shards)\s*(?:[:=—]|is\b)\s*(?<n>" + NumberText.Pattern + @")" +
        @"|(?:количеств\w*|числ\w*)\s+шардов\s*(?:[:=—-]\s*|-\s+)?(?<n>" + NumberText.Pattern + @")",
        Phrase.Options)]
    private static partial Regex Count();

    [GeneratedRegex(@"\bv?shard(?:ing|ed)\b|\bvshard\b|шардирован\w*|шардинг\w*|шардирова\w*", Phrase.Options)]
    private static partial Regex Mentioned();
}
