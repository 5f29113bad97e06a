using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// "No sharding", "без реплик", "not sharded": mentions that mean the opposite of the word they contain. They are
/// blanked before the other readers run, so that "a replicated cluster, no sharding" is not read as sharded.
/// </summary>
internal static partial class NegatedPhrases
{
    /// <summary>
    /// Returns the prose without negated mentions; <paramref name="shardingRefused"/> tells whether sharding was
    /// refused, <paramref name="kubernetesRefused"/> quotes the words refusing Kubernetes ("no Kubernetes"), if any.
    /// </summary>
    public static string Remove(string prose, out bool shardingRefused, out string? kubernetesRefused)
    {
        shardingRefused = NoSharding().IsMatch(prose);
        var noKubernetes = NoKubernetes().Match(prose);
        kubernetesRefused = noKubernetes.Success ? ProseNotes.Quote(noKubernetes.Value) : null;
        var text = NoSharding().Replace(prose, m => new string(' ', m.Length));
        text = NoKubernetes().Replace(text, m => new string(' ', m.Length));
        return NoReplicas().Replace(text, m => new string(' ', m.Length));
    }

    private const string Sharding = @"(?:v?shard(?:s|ed|ing)?\b|шард\w*|vshard)";
    private const string Kubernetes = @"(?:kubernetes|k8s|openshift|кубернетес\w*|кубер(?:е|а|ом)?\b)";

    [GeneratedRegex(
        @"\b(?:no|without|not\s+(?:on|in|using|via)|non|don't\s+(?:use|want|need)|do\s+not\s+(?:use|want|need)|won't\s+use|can't\s+use|cannot\s+use)[\s-]+(?:any\s+)?" + Kubernetes +
        @"|\b" + Kubernetes + @"\s+(?:is\s+)?(?:not|n't)\s+(?:used|allowed|available|an\s+option|needed|wanted)" +
        @"|\bбез\s+" + Kubernetes + @"|\bне\s+(?:в|на|используем|используя|нужен|хотим|будем\s+использовать)\s+" + Kubernetes +
        @"|\b" + Kubernetes + @"\s+не\s+(?:используем|используется|нужен|подходит|рассматриваем)",
        Phrase.Options)]
    private static partial Regex NoKubernetes();

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
