using System.Text;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// The planner's words in the user's language: questions with the allowed values, what a follow-up changed, what
/// it asked for that is not applied. Markdown, since chat clients render it.
/// </summary>
public static class ConversationReplies
{
    /// <summary>The reply that asks for what is missing or contradictory; no run is started.</summary>
    public static string Ask(ConversationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var ru = outcome.Language == Language.Ru;
        var text = new StringBuilder();
        text.Append(ru ? "Чтобы спланировать кластер, мне нужно уточнить:" : "To plan the cluster I need to settle:").Append("\n\n");
        foreach (var question in outcome.Questions)
            text.Append("- ").Append(Question(question, ru)).Append('\n');
        text.Append('\n').Append(ru
            ? "Ответьте одним сообщением, например: «production, sharded, кластер с именем orders»."
            : "Answer in one message, for example: \"production, sharded, a cluster named orders\".");
        AppendNotes(text, outcome, ru);
        return text.ToString();
    }

    /// <summary>The reply to a follow-up that changes nothing the planner can change.</summary>
    public static string Unchanged(ConversationOutcome outcome, string? previousRunLink)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var ru = outcome.Language == Language.Ru;
        var text = new StringBuilder(ru
            ? "Я не нашёл в сообщении изменений запроса, поэтому новый запуск не нужен (чтобы всё же спланировать заново, напишите «ещё раз»)."
            : "I found no change to the request in that message, so there is nothing to re-plan (say \"re-plan\" to run it again anyway).");
        if (previousRunLink is not null)
            text.Append(' ').Append(ru ? "Текущий план: " : "The current plan: ").Append(previousRunLink);
        text.Append("\n\n").Append(ru
            ? "Можно, например, написать: «сделай 6 шардов», «добавь ещё один шард», «добавь ещё одну реплику», «по 5 реплик в шарде», «объём данных 300 ГБ», «перенеси в GCP», «переключи на синхронную репликацию», «окружение staging», «RPO 30 секунд»."
            : "You can say, for example: \"make it 6 shards\", \"add a shard\", \"add one more replica\", \"5 replicas per shard\", \"data will be 200 GB\", \"writes 20k per second\", \"move it to GCP\", \"switch to synchronous replication\", \"staging\", \"RPO 30 seconds\".");
        AppendNotes(text, outcome, ru);
        return text.ToString();
    }

    /// <summary>"Changed: shard-count 4 → 6; cloud-provider aws → gcp." for a follow-up's reply, or null.</summary>
    public static string? Changes(ConversationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Changes.Count == 0) return null;
        var ru = outcome.Language == Language.Ru;
        return (ru ? "Изменено: " : "Changed: ") + string.Join("; ", outcome.Changes.Select(c =>
            $"{FieldName(c.Field, ru)} {(c.From is null ? "" : $"`{c.From}` → ")}`{c.To}`")) + ".";
    }

    /// <summary>What the last message asked for that was not applied, one paragraph per note; empty when none.</summary>
    public static IReadOnlyList<string> Notes(ConversationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var ru = outcome.Language == Language.Ru;
        return outcome.Notes.Select(note => note switch
        {
            ConversationNote.WorkloadFromFirstMessage => ru
                ? "Движок хранения и число регионов берутся из первого сообщения (объём данных, записи, нагрузка, рост и горизонт меняются); чтобы изменить их, начните новый разговор с новым описанием."
                : "The storage engine and the number of regions are read from the first message (data size, records, rates, growth and horizon do change); to change them, start a new conversation with the new description.",
            _ => "",
        }).ToList();
    }

    private static void AppendNotes(StringBuilder text, ConversationOutcome outcome, bool ru)
    {
        foreach (var note in Notes(outcome)) text.Append("\n\n").Append(note);
    }

    private static string Question(ConversationQuestion question, bool ru)
    {
        var fields = question.Fields.Select(f => $"**{FieldName(f, ru)}** ({Allowed(f, ru)})");
        var current = question.CurrentValues.Count == 0 ? ""
            : (ru ? " Сейчас: " : " Now: ") + string.Join(", ", question.CurrentValues.Select(v => $"{FieldName(v.Key, ru)} = `{v.Value}`")) + ".";
        var lead = question.Kind switch
        {
            QuestionKind.Missing => ru ? "не указано: " : "missing: ",
            QuestionKind.Conflict => ru ? "противоречие, выберите одно: " : "conflicting, choose one: ",
            _ => ru ? "недопустимое значение: " : "not allowed: ",
        };
        var why = !ru && question.Explanation is { } explanation ? " " + explanation : "";
        return lead + string.Join(ru ? " или " : " or ", fields) + "." + current + why;
    }

    /// <summary>The field as the user reads it.</summary>
    public static string FieldName(string field, bool ru) => field switch
    {
        "cluster-name" => ru ? "имя кластера" : "cluster name",
        "cluster-type" => ru ? "тип кластера" : "cluster type",
        "environment" => ru ? "окружение" : "environment",
        "cloud-provider" => ru ? "облако" : "cloud provider",
        "ha-strategy" => ru ? "стратегия отказоустойчивости" : "HA strategy",
        "backup-retention-days" => ru ? "срок хранения бэкапов (дней)" : "backup retention (days)",
        "enable-sharding" => ru ? "шардирование" : "sharding",
        "replication-mode" => ru ? "режим репликации" : "replication mode",
        "shard-count" => ru ? "число шардов" : "shard count",
        "replicas" => ru ? "инстансов в наборе реплик (с лидером)" : "instances per replicaset (leader included)",
        "data-size" => ru ? "объём данных" : "data size",
        "record-count" => ru ? "число записей" : "record count",
        "average-record-bytes" => ru ? "средний размер записи" : "average record size",
        "read-rps" => ru ? "чтений в секунду" : "reads per second",
        "write-rps" => ru ? "записей в секунду" : "writes per second",
        "growth" => ru ? "рост данных" : "data growth",
        "horizon-months" => ru ? "горизонт планирования (месяцев)" : "planning horizon (months)",
        "tarantool-version" => ru ? "версия Tarantool" : "Tarantool version",
        "edition" => ru ? "редакция" : "edition",
        "deployment" => ru ? "форма развёртывания" : "deployment",
        "rpo" => "RPO",
        "rto" => "RTO",
        _ => field,
    };

    /// <summary>The values a field takes, as the user may write them.</summary>
    public static string Allowed(string field, bool ru) => field switch
    {
        "cluster-name" => ru ? "латинские строчные буквы, цифры и '-', например orders" : "lowercase letters, digits and '-', e.g. orders",
        "cluster-type" => Choices<ClusterType>(),
        "environment" => Choices<DeploymentEnvironment>(),
        "cloud-provider" => Choices<CloudProvider>(),
        "ha-strategy" => Choices<HaStrategy>(),
        "backup-retention-days" => $"{ParameterRules.MinBackupRetentionDays}–{ParameterRules.MaxBackupRetentionDays}",
        "enable-sharding" => "true, false",
        "replication-mode" => Choices<ReplicationMode>(),
        "shard-count" => ru ? $"{ParameterRules.MinShardCount}–{ParameterRules.MaxShardCount}, для шардирования не меньше 2" : $"{ParameterRules.MinShardCount}–{ParameterRules.MaxShardCount}, at least 2 when sharded",
        "replicas" => ru ? $"{ParameterRules.MinReplicas}–{ParameterRules.MaxReplicas}, с лидером; 3 — лидер и две реплики" : $"{ParameterRules.MinReplicas}–{ParameterRules.MaxReplicas}, the leader included; 3 is a leader and two replicas",
        "tarantool-version" => string.Join(", ", TarantoolVersion.Supported),
        "edition" => Choices<Edition>(),
        "deployment" => Choices<DeploymentForm>(),
        "rpo" or "rto" => ru ? "секунды или длительность: 30s, 15m, 1h" : "seconds or a duration: 30s, 15m, 1h",
        _ => "",
    };

    private static string Choices<T>() where T : struct, Enum => string.Join(", ", SeedSpellings.All<T>());
}
