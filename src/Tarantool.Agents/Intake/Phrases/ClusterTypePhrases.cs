using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The cluster shape from prose. Descriptions name several shapes at once ("sharded, each shard a master and
/// two replicas"), so the most specific shape mentioned wins: multi-region, cartridge, sharded, replicated,
/// single-instance.
/// </summary>
internal static partial class ClusterTypePhrases
{
    public static Candidate<ClusterType>? Read(string prose)
    {
        var regions = RegionPhrases.ReadCount(prose);
        if (regions >= 2 || RegionPhrases.IsSeveral(prose) || MultiRegion().IsMatch(prose))
            return Candidate<ClusterType>.Ok(ClusterType.MultiRegion);

        return PhraseSearch.TryFirstPresent(prose, out var type,
            (Cartridge(), ClusterType.Cartridge),
            (Sharded(), ClusterType.Sharded),
            (Replicated(), ClusterType.Replicated),
            (SingleInstance(), ClusterType.SingleInstance))
            ? Candidate<ClusterType>.Ok(type)
            : null;
    }

    [GeneratedRegex(@"\bmulti[\s-]?regions?\w*|\bgeo[\s-]?(?:distributed|redundan\w*|replicat\w*)|\bмульти[\s-]?регион\w*|\bгео[\s-]?распредел\w*|\bгео[\s-]?резерв\w*", Phrase.Options)]
    private static partial Regex MultiRegion();

    [GeneratedRegex(@"\bcartridge\b|\bкартридж\w*", Phrase.Options)]
    private static partial Regex Cartridge();

    [GeneratedRegex(@"\bv?shard(?:s|ed|ing)?\b|\bшард\w*", Phrase.Options)]
    private static partial Regex Sharded();

    [GeneratedRegex(@"\breplica(?:s|set|sets|ted|tion)?\b|\breplica[\s-]sets?\b|\bmaster\s*\+\s*\w+\s+replicas?|\bреплик\w*|\bреплиц\w*", Phrase.Options)]
    private static partial Regex Replicated();

    [GeneratedRegex(
        @"\bsingle[\s-](?:instance|node|server)\b|\bstand[\s-]?alone\b|\bone\s+instance\b|\bодиночн\w*" +
        @"|\b(?:один|одного|одном|одним)\s+(?:инстанс\w*|экземпляр\w*|узл\w*|узел|сервер\w*|нод\w*)",
        Phrase.Options)]
    private static partial Regex SingleInstance();
}
