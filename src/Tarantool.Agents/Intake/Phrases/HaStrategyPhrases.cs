using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// How a failed leader is replaced. Surviving a region is the strongest demand and wins; between automatic and
/// manual failover the first mentioned wins.
/// </summary>
internal static partial class HaStrategyPhrases
{
    public static Candidate<HaStrategy>? Read(string prose)
    {
        if (Distributed().IsMatch(prose))
            return Candidate<HaStrategy>.Ok(HaStrategy.DistributedHa);
        return PhraseSearch.TryEarliest(prose, out var strategy,
            (Automatic(), HaStrategy.ActiveFailover),
            (Manual(), HaStrategy.PassiveFailover))
            ? Candidate<HaStrategy>.Ok(strategy)
            : null;
    }

    private const string Site = @"(?:regions?|data\s*cent(?:er|re)s?|datacent(?:er|re)s?|DCs?|sites?|zones?)";
    private const string RuSite = @"(?:регион\w*|ЦОД\w*|дата-?центр\w*|датацентр\w*|площадк\w*)";

    [GeneratedRegex(
        @"\bdistributed[\s-]ha\b|\bdistributed\s+high[\s-]availability\b" +
        @"|\bsurviv\w*\s+(?:the\s+)?(?:loss\s+of\s+(?:a|an|one|the|whole|an\s+entire|a\s+whole)?\s*" + Site +
        @"|(?:a|an|one|the)?\s*" + Site + @"\s+(?:loss|outage|failure|going\s+down))" +
        @"|\bacross\s+(?:\w+\s+)?" + Site + @"\b" +
        @"|\bраспредел\w*\s+отказоустойчив\w*|\bпережи\w*\s+(?:потерю|отказ|падение|выход\s+из\s+строя)\s+(?:целого\s+|одного\s+)?" + RuSite,
        Phrase.Options)]
    private static partial Regex Distributed();

    [GeneratedRegex(
        @"\bauto(?:matic|matically|mated)?[\s-]*(?:fail[\s-]?over|switch[\s-]?over|leader\s+election)\b|\braft\b|\bleader\s+election\b" +
        @"|\belection_mode\b|\bавтоматическ\w*\s+(?:переключени\w*|failover|фейловер\w*|выбор\w*)|\bавтофейловер\w*|\bавто[\s-]?failover\b" +
        @"|\bвыбор\w*\s+лидер\w*",
        Phrase.Options)]
    private static partial Regex Automatic();

    [GeneratedRegex(
        @"\bmanual(?:ly)?[\s-]+(?:fail[\s-]?over|switch[\s-]?over|leader\s+switch\w*|switch\w*)|\bswitch\w*\s+(?:the\s+)?(?:leader|master)\s+manually\b" +
        @"|\bручн\w*\s+(?:переключени\w*|failover|фейловер\w*|режим\w*)|\bвручную\b",
        Phrase.Options)]
    private static partial Regex Manual();
}
