using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// "No sharding", "без реплик", "not sharded": mentions that mean the opposite of the word they contain. They are
/// blanked before the other readers run, so that "a replicated cluster, no sharding" is not read as sharded.
/// </summary>
internal static partial class NegatedPhrases
{
    /// <summary>Returns the prose without negated mentions; <paramref name="shardingRefused"/> tells whether sharding was refused.</summary>
    public static string Remove(string prose, out bool shardingRefused)
    {
        shardingRefused = NoSharding().IsMatch(prose);
        var text = NoSharding().Replace(prose, m => new string(' ', m.Length));
        return NoReplicas().Replace(text, m => new string(' ', m.Length));
    }

    private const string Sharding = @"(?:v?shard(?:s|ed|ing)?\b|шард\w*|vshard)";
    private const string Replicas = @"(?:replica(?:s|tion|ted)?\b|реплик\w*|репликац\w*)";

    [GeneratedRegex(
        @"\b(?:no|without|not|non|don't\s+need|do\s+not\s+need)[\s-]+(?:need\s+(?:for\s+)?|any\s+)?" + Sharding +
        @"|\b(?:sharding|shards)\s+(?:is|are)\s+(?:not|n't)\s+(?:needed|required|necessary)" +
        @"|\bunsharded\b|\bнешардирован\w*" +
        @"|\bбез\s+" + Sharding +
        @"|\bне\s+(?:нужн\w*\s+|нужен\s+|надо\s+|требуется\s+|используем\s+)?" + Sharding +
        @"|\b(?:шардирование|шардинг)\s+не\s+(?:нуж\w+|требуется|используем)",
        Phrase.Options)]
    private static partial Regex NoSharding();

    [GeneratedRegex(
        @"\b(?:no|without|zero)\s+(?:any\s+)?" + Replicas + @"|\bбез\s+" + Replicas + @"|\bне\s+(?:нужн\w*\s+|нужен\s+|надо\s+)?" + Replicas,
        Phrase.Options)]
    private static partial Regex NoReplicas();
}
