using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Finds the application targets of <c>tt</c> commands in code (<c>tt start orders</c>,
/// <c>tt connect orders:db-001-2</c>, <c>tt cartridge ... --name orders</c>), so a validator can check that every
/// command addresses this cluster's application and instances. URIs, paths, variables and placeholders are skipped.
/// </summary>
internal static partial class TtCommandScanner
{
    /// <summary>A command's target: the application and, when given, the instance.</summary>
    public sealed record Target(string Command, string App, string? Instance);

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "-f", "--file", "-u", "--username", "-p", "--password", "-l", "--language", "-x", "--outputformat",
        "--from", "--to", "--timestamp", "--replica", "--space", "-n", "--lines", "--format", "--timeout", "-t",
        "-r", "--replicaset", "-g", "--group", "-i", "--instance", "--sslkeyfile", "--sslcertfile", "--sslcafile",
        "--sslciphers", "-c", "--cfg", "-L", "--local",
    };

    public static IEnumerable<Target> Targets(string code)
    {
        foreach (var line in code.Split('\n'))
        {
            foreach (Match match in Command().Matches(line))
            {
                var verb = match.Groups["verb"].Value;
                var rest = Tokens(match.Groups["rest"].Value);
                if (verb == "cartridge")
                {
                    var name = rest.IndexOf("--name");
                    if (name >= 0 && name + 1 < rest.Count && Classify(rest[name + 1]) is { } cartridgeTarget)
                        yield return new Target($"tt cartridge", cartridgeTarget.App, null);
                    continue;
                }
                if (verb is "replicaset" or "rs" or "cluster")
                {
                    if (rest.Count == 0) continue;
                    var sub = rest[0];
                    rest = rest.Skip(1).ToList();
                    if (sub is "vshard" or "roles" or "failover" && rest.Count > 0) rest = rest.Skip(1).ToList();
                    if (verb == "cluster" && sub is not ("publish" or "show")) continue;
                    verb = $"{verb} {sub}";
                }
                var positional = FirstPositional(rest);
                if (positional is not null && Classify(positional) is { } target)
                    yield return target with { Command = $"tt {verb}" };
            }
        }
    }

    private static string? FirstPositional(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token is "|" or "&&" or ";" or "||" or "<" or ">") return null;
            if (!token.StartsWith('-')) return token;
            if (!token.Contains('=') && ValueFlags.Contains(token)) i++;
        }
        return null;
    }

    private static Target? Classify(string token)
    {
        var value = token.Trim('"', '\'');
        if (value.Length == 0 || value[0] is '$' or '<' or '{' or '.' or '/' or '~') return null;
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains('@') || value.Contains('/')) return null;
        if (HostPort().IsMatch(value)) return null;
        var match = AppTarget().Match(value);
        if (!match.Success || ProseWords.Contains(value)) return null;
        return new Target("", match.Groups["app"].Value, match.Groups["instance"].Success ? match.Groups["instance"].Value : null);
    }

    /// <summary>Words that follow "tt play" or "tt start" in prose ("tt play the WAL"), never application names.</summary>
    private static readonly HashSet<string> ProseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "it", "them", "this", "that", "these", "all", "each", "every", "again", "first", "then", "and", "or", "with", "on", "in", "to",
    };

    private static List<string> Tokens(string text) => [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"(?<![\w/-])tt\s+(?:(?:-[SVsI]|--self|--system|--verbose|--internal)\s+|(?:-c|--cfg|-L|--local)\s+\S+\s+)*(?<verb>start|stop|restart|status|connect|kill|log|logrotate|clean|check|play|replicaset|rs|cluster|cartridge)\b(?<rest>[^#\n]*)")]
    private static partial Regex Command();

    [GeneratedRegex(@"^[\w.-]+:\d+$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^(?<app>[A-Za-z0-9_.-]+)(?::(?<instance>[A-Za-z0-9_.-]+))?$")]
    private static partial Regex AppTarget();
}
