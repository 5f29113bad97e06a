using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The number of instances in each replicaset, the leader included, as engineers state it: "3 replicas per shard",
/// "replication factor 3", "three copies of the data", "a master and two replicas" (= 3), "по три реплики в шарде",
/// "фактор репликации 3", "три копии данных", "мастер и две реплики" (= 3), "3 nodes per replicaset".
/// </summary>
/// <remarks>
/// In Tarantool a replicaset's members are all replicas, the leader among them, so "3 replicas per shard" is three
/// instances; only when the master is named beside the replicas ("2 replicas plus the master") is it added. A bare
/// "two replicas" is not read: alone it may mean either.
/// </remarks>
internal static partial class ReplicaPhrases
{
    public static Candidate<int>? Read(string prose) => Read(prose, out _);

    /// <summary>The count and the words it was read from (for callers that blank them), or null when none is stated.</summary>
    public static Candidate<int>? Read(string prose, out Match? match)
    {
        foreach (var (regex, plusLeader) in new[] { (PlusLeader(), 1), (Total(), 0) })
        {
            var found = regex.Match(prose);
            if (!found.Success) continue;
            match = found;
            return NumberText.TryParseWhole(found.Groups["n"].Value, out var count)
                ? ParameterRules.Replicas((long)count + plusLeader, FieldOrigin.DescriptionText)
                : Candidate<int>.Rejected(
                    $"{FieldOrigin.DescriptionText.Label(RequestField.Replicas)}: '{found.Value.Trim()}' is not a whole number of replicas; pass --replicas.");
        }

        match = null;
        return null;
    }

    private const string N = "(?<n>" + NumberText.Pattern + ")";

    /// <summary>What a replicaset is called: shard, replicaset, replica set, набор (реплик), шард, репликасет.</summary>
    private const string Set = @"(?:shards?|replica\s*-?\s*sets?|storage\s+replicasets?|partitions?)";

    private const string RuSet = @"(?:шард\w*|набор\w*(?:\s+реплик)?|репликасет\w*|реплика-?сет\w*|сегмент\w*)";

    private const string Members = @"(?:replicas?|instances?|nodes?|members?|copies)";

    private const string RuMembers = @"(?:реплик\w*|инстанс\w*|экземпляр\w*|узл\w*|узел|участник\w*|копи\w*)";

    /// <summary>Leader beside replicas: "a master and 2 replicas", "2 replicas plus the master", "мастер и две реплики".</summary>
    [GeneratedRegex(
        @"\b(?:master|leader|primary)\s*(?:\+|and|with|plus|&)\s*" + N + @"\s+(?:replicas?|followers?|secondar(?:y|ies)|standbys?)\b" +
        @"|" + N + @"\s+(?:replicas?|followers?|secondar(?:y|ies)|standbys?)\s*(?:\+|and|plus|besides|in\s+addition\s+to)\s*(?:a|an|one|the)?\s*(?:master|leader|primary)\b" +
        @"|\b(?:мастер\w*|лидер\w*)\s*(?:\+|и|плюс|с|со)\s*" + N + @"\s+реплик\w*" +
        @"|" + N + @"\s+реплик\w*\s*(?:\+|и|плюс|кроме|помимо)\s*(?:мастер\w*|лидер\w*)",
        Phrase.Options)]
    private static partial Regex PlusLeader();

    /// <summary>Every member counted: per shard or replicaset, a replication factor, copies of the data.</summary>
    [GeneratedRegex(
        N + @"\s+" + Members + @"\s+(?:per|in\s+(?:each|every)|for\s+(?:each|every)|of\s+each|in\s+a)\s+" + Set + @"\b" +
        @"|\b(?:each|every)\s+" + Set + @"\s+(?:has|with|of|gets|runs|holds)\s+" + N + @"\s+" + Members + @"\b" +
        @"|\b" + Set + @"\s+of\s+" + N + @"\s+(?:replicas?|instances?|nodes?|members?)\b" +
        @"|" + N + @"\s*-\s*(?:node|member|instance|replica)\s+(?:shards?|replica\s*-?\s*sets?)\b" +
        @"|\breplication\s+factor\s*(?:of\s+|is\s+|[:=—]\s*)?" + N + @"|\bRF\s*[:=]?\s*" + N + @"(?![\w.,])" +
        @"|" + N + @"\s*-?\s*way\s+replication\b" +
        @"|" + N + @"\s+(?:full\s+)?copies\s+of\s+(?:the\s+|each\s+|all\s+|every\s+)?(?:data|record|dataset|tuple)" +
        @"|(?:фактор\w*|коэффициент\w*)\s+репликации\s*(?:[:=—-]\s*|равн\w*\s+)?" + N +
        @"|\bпо\s+" + N + @"\s+реплик\w*" +
        @"|" + N + @"\s+" + RuMembers + @"\s+(?:в|на)\s+(?:каждом\s+|каждый\s+|один\s+)?" + RuSet +
        @"|\b(?:в\s+)?(?:каждом|каждый)\s+" + RuSet + @"\s+(?:по\s+)?" + N + @"\s+" + RuMembers +
        @"|" + N + @"\s+копи\w*\s+(?:данных|каждой\s+записи|записей)|\bв\s+" + N + @"\s+копиях\b",
        Phrase.Options)]
    private static partial Regex Total();
}
