using System.Text.RegularExpressions;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// Turns a whole chat conversation (clients resend it every turn) into what to do next. Stateless and
/// deterministic: the first user message is the description the intake reads; every later one answers a question
/// or edits the request, and later statements win; relative edits apply to the value the request before them
/// resolved to. Nothing here calls a model, a store or the network.
/// </summary>
public static partial class ConversationPlanner
{
    private static readonly RequestField[] Required = [RequestField.ClusterName, RequestField.ClusterType, RequestField.Environment];

    /// <summary>What to do with <paramref name="messages"/>; throws when no message is the user's.</summary>
    public static ConversationOutcome Derive(IReadOnlyList<ConversationMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var userTexts = messages.Where(m => m.Role == ConversationRole.User).Select(m => m.Text ?? "").ToList();
        if (userTexts.Count == 0)
            throw new ArgumentException("The conversation has no user message.", nameof(messages));

        var language = ConversationLanguage.Choose(userTexts);
        var state = ConversationState.Start(userTexts[0]);
        var before = state;
        FollowUp? last = null;
        for (var i = 1; i < userTexts.Count; i++)
        {
            before = state;
            last = FollowUpReader.Read(userTexts[i], state, language);
            state = state.With(last.Edits, last.Workload, last.WorkloadFields, i);
        }

        var previousRun = PreviousRun.Find(messages);
        var questions = Questions(state, last).ToList();
        var changes = last is null ? [] : Changes(before, state);
        var outcome = new ConversationOutcome
        {
            Kind = questions.Count > 0 ? ConversationOutcomeKind.Ask
                : last is not null && changes.Count == 0 && previousRun is not null && !last.Replan ? ConversationOutcomeKind.Unchanged
                : ConversationOutcomeKind.Plan,
            Language = language,
            Description = state.Description,
            Parameters = state.Parameters,
            PreviousRunId = previousRun,
            Intake = state.Intake,
            Questions = questions,
            Changes = changes,
            Notes = last?.Notes ?? [],
        };
        return outcome;
    }

    private static IEnumerable<ConversationQuestion> Questions(ConversationState state, FollowUp? last)
    {
        var asked = new HashSet<string>();
        ConversationQuestion Question(QuestionKind kind, IEnumerable<RequestField> fields, string? explanation)
        {
            var list = fields.Distinct().OrderBy(f => f).ToList();
            var values = list.Where(f => state.Value(f) is not null && kind != QuestionKind.Missing)
                .ToDictionary(f => RequestFields.FlagName(f), f => state.Value(f)!);
            return new ConversationQuestion(kind, list.Select(RequestFields.FlagName).ToList(), values, explanation);
        }

        foreach (var field in Required.Where(f => state.Value(f) is null || (f == RequestField.ClusterName && state.Value(f) == "")))
        {
            asked.Add(RequestFields.FlagName(field));
            yield return Question(QuestionKind.Missing, [field], null);
        }

        // The last message's own refusals first: they say why the value it just gave did not take.
        var errors = (last?.Errors ?? []).Concat(state.Intake.Errors).Distinct();
        foreach (var error in errors)
        {
            var fields = FieldsNamedIn(error);
            if (fields.Count == 0 || (fields.Count == 1 && asked.Contains(RequestFields.FlagName(fields[0])))) continue;
            var question = Question(fields.Count > 1 || error.Contains("contradicts", StringComparison.Ordinal) ? QuestionKind.Conflict : QuestionKind.Invalid,
                fields, Plain(error));
            if (!asked.Add(string.Join(",", question.Fields))) continue;
            yield return question;
        }

        foreach (var question in last?.Questions ?? [])
        {
            if (asked.Add(string.Join(",", question.Fields))) yield return question;
        }
    }

    /// <summary>The intake speaks of flags and the command line; in a chat the values came from messages.</summary>
    private static string Plain(string error) => error
        .Replace("(from the command line)", "(from a later message)", StringComparison.Ordinal)
        .Replace("(from the description)", "(from the first message)", StringComparison.Ordinal)
        .Replace("(read from the description)", "(read from a message)", StringComparison.Ordinal)
        .Replace("(written in the description)", "(written in a message)", StringComparison.Ordinal);

    private static List<RequestField> FieldsNamedIn(string error) =>
        FlagMention().Matches(error)
            .Select(m => RequestFields.TryFromFlagName(m.Groups["name"].Value, out var f) ? (RequestField?)f : null)
            .OfType<RequestField>()
            .Distinct()
            .ToList();

    private static List<ConversationChange> Changes(ConversationState before, ConversationState after)
    {
        var changes = Enum.GetValues<RequestField>()
            .Where(f => after.Value(f) is not null && after.Value(f) != Before(f))
            .Select(f => new ConversationChange(RequestFields.FlagName(f), Before(f), after.Value(f)!))
            .ToList();
        changes.AddRange(WorkloadRevision.Changes(before.Intake.Request?.Workload, after.Intake.Request?.Workload));
        return changes;

        // A replica count no one stated is the one the plan derived: "replicas 3 → 4", not "replicas 4".
        string? Before(RequestField field) =>
            before.Value(field) ?? (field == RequestField.Replicas && before.Intake.Request is not null
                ? FollowUpReader.CurrentReplicas(before).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null);
    }

    [GeneratedRegex(@"--(?<name>[a-z][a-z-]*[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex FlagMention();
}
