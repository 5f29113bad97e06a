using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Extracts the metric names a PromQL expression reads: label matchers, ranges, grouping clauses, strings and
/// function calls are removed, and what remains that is not a keyword is a metric name.
/// </summary>
public static partial class PromQlMetrics
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan",
    };

    public static IReadOnlyList<string> Names(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        var names = new List<string>();
        foreach (Match match in Identifier().Matches(text))
        {
            var name = match.Groups["name"].Value;
            var next = text[(match.Index + match.Length)..].TrimStart();
            if (next.StartsWith('(') || Keywords.Contains(name.ToLowerInvariant())) continue;
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w:.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex Identifier();
}
