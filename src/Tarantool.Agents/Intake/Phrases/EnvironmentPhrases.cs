using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The deployment environment from prose. Production and staging are strong words and the first one mentioned
/// wins; "development" and "разработка" are also everyday nouns ("for the development team"), so they count only
/// when neither of the others is mentioned.
/// </summary>
internal static partial class EnvironmentPhrases
{
    public static Candidate<DeploymentEnvironment>? Read(string prose)
    {
        if (PhraseSearch.TryEarliest(prose, out var environment,
                (Production(), DeploymentEnvironment.Production),
                (Staging(), DeploymentEnvironment.Staging)))
            return Candidate<DeploymentEnvironment>.Ok(environment);
        return Development().IsMatch(prose) ? Candidate<DeploymentEnvironment>.Ok(DeploymentEnvironment.Development) : null;
    }

    // "pre-prod" is staging and "non-prod" is not production; "production-grade" still is production.
    [GeneratedRegex(
        @"(?<!\bpre-?|\bnon-?)\bprod(?:uction)?\b|\bпродакшн\w*|\bпродакшен\w*|\bпромышленн\w*|\bпрод(?:е|а|у|ом)?\b" +
        @"|\bбоев(?:ой|ого|ому|ом|ая|ую|ые|ых|ое)\b",
        Phrase.Options)]
    private static partial Regex Production();

    // "stage" is also an ordinary noun ("at this stage"), so it counts only when not led by such a word.
    [GeneratedRegex(
        @"\bstaging\b|(?<!\b(?:this|that|early|first|second|next|each|every|final|later|one|any|some)\s+)\bstage\b" +
        @"|\bpre-?prod(?:uction)?\b|\bтестов\w*|\bстейдж\w*|\bпредпрод\w*|\bпрепрод\w*|\bqa\s+(?:environment|env|cluster|стенд\w*)" +
        @"|\btest(?:ing)?\s+(?:environment|env|cluster|stand)\b",
        Phrase.Options)]
    private static partial Regex Staging();

    // "dev" is a whole word only: not "devops", not "/dev/sda".
    [GeneratedRegex(
        @"(?<![\w/.-])dev\b(?![/.]\w)|\bdevelopment\b|\bразработ\w*|\bлокальн\w*|\bдев\b|\bдев-\w+",
        Phrase.Options)]
    private static partial Regex Development();
}
