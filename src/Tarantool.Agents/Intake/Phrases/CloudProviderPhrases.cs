using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Where the hosts come from. A named cloud beats Kubernetes ("EKS" and "Kubernetes on AWS" are aws: the seed has
/// no separate value for managed Kubernetes), and Kubernetes beats on-premises ("on-prem Kubernetes" deploys as
/// Kubernetes). Among named clouds the first mentioned wins.
/// </summary>
internal static partial class CloudProviderPhrases
{
    public static Candidate<CloudProvider>? Read(string prose)
    {
        if (PhraseSearch.TryEarliest(prose, out var cloud,
                (Aws(), CloudProvider.Aws),
                (Azure(), CloudProvider.Azure),
                (Gcp(), CloudProvider.Gcp)))
            return Candidate<CloudProvider>.Ok(cloud);
        if (Kubernetes().IsMatch(prose))
            return Candidate<CloudProvider>.Ok(CloudProvider.Kubernetes);
        return OnPremises().IsMatch(prose) ? Candidate<CloudProvider>.Ok(CloudProvider.OnPremises) : null;
    }

    [GeneratedRegex(@"\baws\b|\bamazon\b|\beks\b|\bec2\b|\bамазон\w*", Phrase.Options)]
    private static partial Regex Aws();

    [GeneratedRegex(@"\bazure\b|\baks\b|\bажур\w*", Phrase.Options)]
    private static partial Regex Azure();

    [GeneratedRegex(@"\bgcp\b|\bgoogle\s+cloud\b|\bgke\b|\bgce\b|\bcompute\s+engine\b|\bгугл\w*\s+клауд\w*", Phrase.Options)]
    private static partial Regex Gcp();

    [GeneratedRegex(@"\bkubernetes\b|\bk8s\b|\bopenshift\b|\bкубернетес\w*|\bкубер\b|\bкубере\b|\bкубера\b", Phrase.Options)]
    private static partial Regex Kubernetes();

    [GeneratedRegex(
        @"\bon[\s-]?prem(?:ise|ises)?\b|\bbare[\s-]?metal\b|\bself[\s-]?hosted\b|\bour\s+own\s+(?:servers|hardware|data\s*cent(?:er|re))" +
        @"|\bон[\s-]?прем\w*|\bсво(?:и|их|ими|ем|ей)\s+(?:собственн\w+\s+|физическ\w+\s+)?(?:сервер\w*|железе?|ЦОД\w*|дата-?центр\w*)" +
        @"|\bсобственн\w*\s+(?:ЦОД\w*|дата-?центр\w*|сервер\w*|железе?|инфраструктур\w*)",
        Phrase.Options)]
    private static partial Regex OnPremises();
}
