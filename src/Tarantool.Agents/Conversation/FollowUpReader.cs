using System.Globalization;
using System.Text.RegularExpressions;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// Reads a later user message against the request before it. The intake's own phrase readers find the values it
/// states ("production", "sharded", "move it to GCP", "сделай 6 шардов"); this class adds what only makes sense
/// against an earlier request: relative shard counts ("add a shard", "ещё один шард", applied to the count the
/// previous request resolved to, the capacity plan's when it chose the count), synchronous replication, a bare
/// cluster name as the answer to a question about it, and the shape a shard count implies.
/// </summary>
internal static partial class FollowUpReader
{
    public static FollowUp Read(string message, ConversationState before, Language language)
    {
        var errors = new List<string>();
        var questions = new List<ConversationQuestion>();
        var notes = new List<ConversationNote>();
        var edits = new Dictionary<RequestField, string>();

        var embedded = EmbeddedFlagParser.Extract(DescriptionText.Normalize(message), errors);
        var flagged = FlagValueParser.Parse(embedded.Flags, FieldOrigin.DescriptionFlag, errors);
        var text = DescriptionText.Prose(embedded.RemainingText);

        // Relative and replica phrases are read and blanked first: "add 2 shards" is not "2 shards", and "add a
        // replica" or "synchronous replication" must not read as a request for a replicated cluster.
        text = ReadRelativeShards(text, before, edits);
        text = ReadRelativeReplicas(text, before, edits, errors);
        var replicas = ReplicaPhrases.Read(text, out var replicaWords) ?? BareReplicas(text, out replicaWords);
        if (replicaWords is not null) text = DescriptionText.Blank(text, replicaWords.Index, replicaWords.Length);
        text = Blank(text, ReplicaWords(), () => { });
        var synchronous = false;
        text = Blank(text, Synchronous(), () => synchronous = true);
        var replan = false;
        text = Blank(text, Replan(), () => replan = true);

        var prose = DescriptionReader.Read(text);
        var p = prose.Parameters;
        Take(edits, errors, RequestField.ClusterName, flagged.ClusterName ?? p.ClusterName ?? BareName(message, before), v => v);
        Take(edits, errors, RequestField.ClusterType, flagged.ClusterType ?? TypeChange(p.ClusterType, text, before), Spell);
        Take(edits, errors, RequestField.Environment, flagged.Environment ?? p.Environment, Spell);
        Take(edits, errors, RequestField.CloudProvider, flagged.CloudProvider ?? p.CloudProvider, Spell);
        Take(edits, errors, RequestField.HaStrategy, flagged.HaStrategy ?? p.HaStrategy, Spell);
        Take(edits, errors, RequestField.BackupRetentionDays, flagged.BackupRetentionDays ?? p.BackupRetentionDays, Number);
        Take(edits, errors, RequestField.EnableSharding, flagged.EnableSharding ?? p.EnableSharding, b => b ? "true" : "false");
        Take(edits, errors, RequestField.ReplicationMode, flagged.ReplicationMode ?? p.ReplicationMode, Spell);
        Take(edits, errors, RequestField.ShardCount, flagged.ShardCount ?? p.ShardCount, Number);
        Take(edits, errors, RequestField.Replicas, flagged.Replicas ?? replicas, Number);
        Take(edits, errors, RequestField.TarantoolVersion, flagged.TarantoolVersion ?? p.TarantoolVersion, v => v);
        Take(edits, errors, RequestField.Edition, flagged.Edition ?? p.Edition, Spell);
        Take(edits, errors, RequestField.Deployment, flagged.Deployment ?? p.Deployment, Spell);
        Take(edits, errors, RequestField.Rpo, flagged.RpoSeconds ?? p.RpoSeconds, Number);
        Take(edits, errors, RequestField.Rto, flagged.RtoSeconds ?? p.RtoSeconds, Number);
        var figures = prose.Workload.FoundFields.Where(WorkloadRevision.Revisable.Contains).ToList();
        if (prose.Workload.FoundFields.Count > figures.Count) notes.Add(ConversationNote.WorkloadFromFirstMessage);

        if (synchronous) Synchronise(edits, before, questions);
        ImplyShape(edits, before);
        return new FollowUp(edits, errors, questions, notes.Distinct().ToList(), replan)
        {
            Workload = prose.Workload.Workload,
            WorkloadFields = figures,
        };
    }

    /// <summary>
    /// A later message that names a shape changes it; but "replica" and "replication" are everyday words in a
    /// follow-up ("make the replication master-master"), so once the shape is known only an explicit "replicated"
    /// turns a cluster into a replicated one.
    /// </summary>
    private static Candidate<ClusterType>? TypeChange(Candidate<ClusterType>? read, string text, ConversationState before)
    {
        if (read is not { IsValid: true, Value: ClusterType.Replicated }) return read;
        return before.Value(RequestField.ClusterType) is null || ExplicitlyReplicated().IsMatch(text) ? read : null;
    }

    /// <summary>The answer to "what is the cluster called?" is often just the name.</summary>
    private static Candidate<string>? BareName(string message, ConversationState before)
    {
        if (before.Value(RequestField.ClusterName) is not null) return null;
        var word = message.Trim().Trim('.', '!', '"', '\'', '`', '«', '»').Trim();
        if (!ParameterRules.IsClusterName(word)) return null;
        // A word the intake reads as a parameter ("production", "sharded", "aws") is that parameter, not a name.
        var reading = DescriptionReader.Read(word).Parameters;
        var isParameter = reading.ClusterType is not null || reading.Environment is not null || reading.CloudProvider is not null
                          || reading.HaStrategy is not null || reading.ReplicationMode is not null || reading.EnableSharding is not null
                          || reading.Edition is not null || reading.Deployment is not null || reading.TarantoolVersion is not null;
        return isParameter || Keywords.Contains(word) ? null : Candidate<string>.Ok(word);
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "no", "ok", "okay", "thanks", "go", "plan", "again", "rerun", "retry", "continue", "help", "hi", "hello",
    };

    private static string ReadRelativeShards(string text, ConversationState before, Dictionary<RequestField, string> edits)
    {
        var delta = 0;
        text = Blank(text, MoreShards(), m => delta += Count(m));
        text = Blank(text, FewerShards(), m => delta -= Count(m));
        if (delta == 0) return text;

        var current = CurrentShards(before);
        var target = Math.Max(1, current + delta);
        edits[RequestField.ShardCount] = target.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>"add a replica", "one more replica", "remove a replica", "добавь ещё одну реплику": against the count before.</summary>
    private static string ReadRelativeReplicas(string text, ConversationState before, Dictionary<RequestField, string> edits, List<string> errors)
    {
        var delta = 0;
        text = Blank(text, MoreReplicas(), m => delta += Count(m));
        text = Blank(text, FewerReplicas(), m => delta -= Count(m));
        if (delta == 0) return text;

        var target = ParameterRules.Replicas(Math.Max(1, CurrentReplicas(before) + delta), FieldOrigin.DescriptionText);
        if (target.IsValid) edits[RequestField.Replicas] = Number(target.Value);
        else errors.Add(target.Error!);
        return text;
    }

    /// <summary>"5 replicas", "make it 4 replicas", "5 реплик": in a follow-up about the cluster, a bare count is the replicaset's.</summary>
    private static Candidate<int>? BareReplicas(string text, out Match? match)
    {
        var found = BareReplicaCount().Match(text);
        match = found.Success ? found : null;
        if (!found.Success) return null;
        return NumberText.TryParseWhole(found.Groups["n"].Value, out var n)
            ? ParameterRules.Replicas(n, FieldOrigin.DescriptionText)
            : null;
    }

    /// <summary>
    /// Instances per replicaset the request before resolved to: the count it states, or the one the capacity plan
    /// derives for it (the same pure calculation the expert makes).
    /// </summary>
    internal static int CurrentReplicas(ConversationState before)
    {
        var request = before.Intake.Request;
        if (request is null) return 1;
        return request.Replicas ?? CapacityCalculator.Plan(request, before.Intake.Language).InstancesPerReplicaset;
    }

    /// <summary>
    /// The shard count the previous request resolved to: the stated count, or, when it left the count to the plan,
    /// the count the capacity plan chooses for it (the same pure calculation the expert makes); one replicaset
    /// when it was not sharded.
    /// </summary>
    private static int CurrentShards(ConversationState before)
    {
        var request = before.Intake.Request;
        if (request is null || !request.EnableSharding) return 1;
        return request.ShardCountIsDefault ? CapacityCalculator.Plan(request, before.Intake.Language).StorageReplicasets : request.ShardCount;
    }

    /// <summary>
    /// Replication here is synchronous where Raft elects the leader (transactions on synchronous spaces wait for a
    /// quorum): automatic failover with one writer per replicaset. Cartridge and single instances have no election.
    /// </summary>
    private static void Synchronise(Dictionary<RequestField, string> edits, ConversationState before, List<ConversationQuestion> questions)
    {
        var type = edits.GetValueOrDefault(RequestField.ClusterType) ?? before.Value(RequestField.ClusterType);
        if (type is "single-instance" or "cartridge")
        {
            questions.Add(new ConversationQuestion(QuestionKind.Conflict, ["cluster-type"],
                new Dictionary<string, string> { ["cluster-type"] = type },
                $"Synchronous replication needs a Raft leader election, which a {type} cluster does not have; choose a replicated, sharded or multi-region cluster."));
            return;
        }

        var ha = edits.GetValueOrDefault(RequestField.HaStrategy) ?? before.Value(RequestField.HaStrategy);
        if (ha is null or "passive-failover") edits[RequestField.HaStrategy] = "active-failover";
        edits[RequestField.ReplicationMode] = "master-slave";
    }

    /// <summary>
    /// Later statements win: a shard count for a cluster type that cannot shard makes it sharded, and a type without
    /// sharding turns sharding off (and drops a shard count the first message gave, which would otherwise be a
    /// contradiction the user did not make).
    /// </summary>
    private static void ImplyShape(Dictionary<RequestField, string> edits, ConversationState before)
    {
        var wantsShards = edits.ContainsKey(RequestField.ShardCount) || edits.GetValueOrDefault(RequestField.EnableSharding) == "true";
        if (wantsShards && !edits.ContainsKey(RequestField.ClusterType) && before.Value(RequestField.ClusterType) is "single-instance" or "replicated")
            edits[RequestField.ClusterType] = "sharded";

        // A replica for a single instance makes it a replicaset.
        if (edits.TryGetValue(RequestField.Replicas, out var replicas) && replicas != "1" && !edits.ContainsKey(RequestField.ClusterType)
            && before.Value(RequestField.ClusterType) is "single-instance")
            edits[RequestField.ClusterType] = "replicated";

        if (edits.GetValueOrDefault(RequestField.ClusterType) is "sharded")
        {
            edits.TryAdd(RequestField.EnableSharding, "true");
        }
        else if (edits.GetValueOrDefault(RequestField.ClusterType) is "single-instance" or "replicated" && !wantsShards)
        {
            edits[RequestField.EnableSharding] = "false";
            if (before.SourceOf(RequestField.ShardCount) is ValueSource.Text or ValueSource.Flag)
                edits[RequestField.ShardCount] = "1";
        }

        if (edits.GetValueOrDefault(RequestField.EnableSharding) == "true" && edits.ContainsKey(RequestField.ShardCount) is false
            && before.Intake.Request is { EnableSharding: false, ShardCount: < 2 } && before.IsSettledLater(RequestField.ShardCount))
            edits[RequestField.ShardCount] = ClusterRequest.DefaultShardCount.ToString(CultureInfo.InvariantCulture);
    }

    private static void Take<T>(Dictionary<RequestField, string> edits, List<string> errors, RequestField field, Candidate<T>? candidate, Func<T, string> spell)
    {
        if (candidate is null || edits.ContainsKey(field)) return;
        if (candidate.IsValid) edits[field] = spell(candidate.Value);
        else errors.Add(candidate.Error!);
    }

    private static string Spell<T>(T value) where T : struct, Enum => SeedSpellings.Spell(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Count(Match match) =>
        match.Groups["n"].Success && NumberText.TryParseWhole(match.Groups["n"].Value, out var n) ? n : 1;

    private static string Blank(string text, Regex regex, Action found) => Blank(text, regex, _ => found());

    private static string Blank(string text, Regex regex, Action<Match> found) =>
        regex.Replace(text, m =>
        {
            found(m);
            return new string(' ', m.Length);
        });

    private const string N = "(?<n>" + NumberText.Pattern + ")";

    [GeneratedRegex(
        @"\b(?:add|plus)\s+(?:(?:a|an|another|" + N + @")\s+)?(?:more\s+|extra\s+|additional\s+)?shards?\b" +
        @"|\b(?:one|" + N + @")\s+(?:more|extra|additional)\s+shards?\b|\b(?:another|an\s+extra|an\s+additional)\s+shard\b" +
        @"|\b(?:добав\w*|плюс)\s+(?:(?:ещё|еще)\s+)?(?:" + N + @"\s+)?(?:дополнительн\w+\s+)?шард\w*" +
        @"|\b(?:ещё|еще)\s+(?:" + N + @"\s+)?шард\w*|\bна\s+" + N + @"\s+шард\w*\s+больше",
        Phrase.Options)]
    private static partial Regex MoreShards();

    [GeneratedRegex(
        @"\b(?:remove|drop|minus)\s+(?:(?:a|an|one|" + N + @")\s+)?shards?\b|\b(?:one|" + N + @")\s+(?:fewer|less)\s+shards?\b" +
        @"|\b(?:убер\w*|убав\w*|удал\w*|минус|сократ\w*\s+на)\s+(?:" + N + @"\s+)?шард\w*|\bна\s+" + N + @"\s+шард\w*\s+меньше",
        Phrase.Options)]
    private static partial Regex FewerShards();

    [GeneratedRegex(
        @"\b(?:add|plus)\s+(?:(?:a|an|another|" + N + @")\s+)?(?:more\s+|extra\s+|additional\s+)?replicas?\b(?!\s*-?\s*sets?\b)" +
        @"|\b(?:one|" + N + @")\s+(?:more|extra|additional)\s+replicas?\b(?!\s*-?\s*sets?\b)|\b(?:another|an\s+extra|an\s+additional)\s+replica\b(?!\s*-?\s*sets?\b)" +
        @"|\b(?:добав\w*|плюс)\s+(?:(?:ещё|еще)\s+)?(?:" + N + @"\s+)?(?:дополнительн\w+\s+)?реплик\w*" +
        @"|\b(?:ещё|еще)\s+(?:" + N + @"\s+)?реплик\w*|\bна\s+" + N + @"\s+реплик\w*\s+больше",
        Phrase.Options)]
    private static partial Regex MoreReplicas();

    [GeneratedRegex(
        @"\b(?:remove|drop|minus)\s+(?:(?:a|an|one|" + N + @")\s+)?replicas?\b(?!\s*-?\s*sets?\b)|\b(?:one|" + N + @")\s+(?:fewer|less)\s+replicas?\b" +
        @"|\b(?:убер\w*|убав\w*|удал\w*|минус|сократ\w*\s+на)\s+(?:" + N + @"\s+)?реплик\w*|\bна\s+" + N + @"\s+реплик\w*\s+меньше",
        Phrase.Options)]
    private static partial Regex FewerReplicas();

    [GeneratedRegex(@"(?<n>" + NumberText.Pattern + @")\s+(?:replicas?|реплик\w*)\b(?!\s*-?\s*sets?\b)", Phrase.Options)]
    private static partial Regex BareReplicaCount();

    /// <summary>Any other mention of replicas, blanked so that "replica" never reads as a request for a replicated cluster.</summary>
    [GeneratedRegex(@"\breplicas?\b(?!\s*-?\s*sets?\b)|\bреплик(?:у|и|а|ой|ам|ами|ах)?\b", Phrase.Options)]
    private static partial Regex ReplicaWords();

    [GeneratedRegex(@"\bsync(?:hronous(?:ly)?)?\s+(?:replication|replicas?|commits?|mode)\b|\bsynchronous(?:ly)?\b|\bсинхронн\w*(?:\s+репликац\w*)?", Phrase.Options)]
    private static partial Regex Synchronous();

    [GeneratedRegex(
        @"\bre-?(?:plan|run)\b|\bretry\b|\b(?:run|plan|do)\s+(?:it\s+)?again\b|\btry\s+again\b" +
        @"|\b(?:ещё|еще)\s+раз\b|\bповтори\w*|\bперезапуст\w*|\bперезапуск\w*|\bперепланир\w*|\b(?:запусти|спланируй)\w*\s+(?:снова|заново)",
        Phrase.Options)]
    private static partial Regex Replan();

    [GeneratedRegex(@"\breplicated\b|\bреплицированн\w*", Phrase.Options)]
    private static partial Regex ExplicitlyReplicated();
}
