using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Finds a cluster name stated explicitly in prose. Deliberately conservative: a wrong name silently becomes
/// directories and Kubernetes objects, while a missing one only asks the user for --cluster-name.
/// </summary>
internal static partial class ClusterNamePhrases
{
    /// <summary>An unmistakable marker before the name: "named", "called", "name:", "name is", "с именем".</summary>
    private const string Said = @"\s*(?:[:=—]\s*|-\s+|is\s+|это\s+)";

    // A quoted name keeps its spaces so that the rule can reject it; a bare one runs to the next space or comma.
    private const string Name = "(?:\"(?<name>[^\"\\n]{1,80})\"|'(?<name>[^'\\n]{1,80})'|«(?<name>[^»\\n]{1,80})»|`(?<name>[^`\\n]{1,80})`|(?<name>[^\\s,\"'`«»]+))";

    public static Candidate<string>? Read(string prose)
    {
        // After an unmistakable marker, whatever follows was meant as the name: check it and say what is wrong.
        var match = Marked().Match(prose);
        if (match.Success)
            return ParameterRules.ClusterName(TrimSentenceEnd(match.Groups["name"].Value), FieldOrigin.DescriptionText);

        // Without one ("кластер orders", "cluster name orders"), only a word that already has the form of a
        // cluster name counts, so "кластер Tarantool" or "имя кластера должно быть коротким" is never taken.
        foreach (Match candidate in Unmarked().Matches(prose))
        {
            var name = TrimSentenceEnd(candidate.Groups["name"].Value);
            if (ParameterRules.IsClusterName(name) && !NotNames.Contains(name))
                return Candidate<string>.Ok(name);
        }

        return null;
    }

    private static string TrimSentenceEnd(string name) => name.Trim().TrimEnd('.', ',', ':', ';', '!', '?', ')');

    /// <summary>Words that follow "кластер" or "cluster name" without being a name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "tarantool", "tarantooldb", "tdg", "cartridge", "vshard", "memtx", "vinyl", "raft", "kubernetes", "k8s",
        "single-instance", "replicated", "sharded", "multi-region", "development", "staging", "production", "prod",
        "dev", "stage", "aws", "azure", "gcp", "on-premises", "on-prem", "master-master", "master-slave",
        "multi-master", "ha", "db", "database", "for", "with", "on", "in", "of", "and", "the", "a", "an", "is",
        "must", "should", "will", "can", "may", "has", "have", "was", "be",
    };

    [GeneratedRegex(
        @"\bcluster\s+(?:named|called)\s+" + Name +
        @"|\bcluster\s+name" + Said + Name +
        @"|\bname\s+of\s+the\s+cluster" + Said + Name +
        @"|\b(?:call|name)\s+(?:the|our|this|my)\s+cluster\s+" + Name +
        // "кластер Tarantool с именем X": up to two words (the product, the engine) between the noun and the marker.
        @"|кластер\w*(?:\s+[\w-]+){0,2}?\s+(?:с\s+именем|с\s+названием|под\s+(?:именем|названием)|по\s+имени)\s+" + Name +
        @"|назов\w*\s+(?:наш\w*\s+|этот\s+)?кластер\w*\s+" + Name +
        @"|(?:название|имя|наименование)\s+кластера" + Said + Name,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    [GeneratedRegex(
        @"\b[кК]ластер(?:а|у|ом|е)?\s+(?<name>[a-z][^\s,""'`«»]*)" +
        @"|\b[cC]luster\s+name\s+(?<name>[a-z][^\s,""'`«»]*)" +
        @"|\b[nN]ame\s+the\s+cluster\s+(?<name>[a-z][^\s,""'`«»]*)" +
        @"|(?:[нН]азвание|[иИ]мя)\s+кластера\s+(?<name>[a-z][^\s,""'`«»]*)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Unmarked();
}
