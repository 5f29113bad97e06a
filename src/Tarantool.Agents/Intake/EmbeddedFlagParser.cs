using System.Text;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Reads the seed's invocation form written inside a description:
/// "Tarantool cluster setup: --cluster-name billing --cluster-type replicated" (also "--flag=value").
/// </summary>
/// <remarks>
/// Flags of other tools ("tt start --dry-run") are blanked but otherwise ignored: they are not addressed to us.
/// A flag given twice with different values is an error, since either reading could be the intended one.
/// </remarks>
internal static partial class EmbeddedFlagParser
{
    public static EmbeddedFlags Extract(string text, ICollection<string> errors)
    {
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var remaining = new StringBuilder(text);
        foreach (Match match in Flag().Matches(text))
        {
            var name = match.Groups["name"].Value.ToLowerInvariant();
            var value = match.Groups["value"];
            var consumed = match.Length;
            if (!RequestFields.TryFromFlagName(name, out var field))
            {
                Blank(remaining, match.Index, consumed);
                continue;
            }

            var raw = value.Success ? Unquote(value.Value) : "";
            if (field == RequestField.EnableSharding && value.Success && !match.Groups["assigned"].Success && !bool.TryParse(raw, out _))
            {
                // "--enable-sharding and 4 shards": a bare switch followed by prose, not a value.
                raw = "";
                consumed = value.Index - match.Index;
            }

            // A missing value is kept as empty: the field's own rule reports it, naming what the value may be.
            Blank(remaining, match.Index, consumed);
            if (flags.TryGetValue(name, out var earlier) && !string.Equals(earlier, raw, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{RequestFields.Flag(field)} is written twice in the description ('{earlier}' and '{raw}'); keep one.");
                continue;
            }

            flags[name] = raw;
        }

        return new EmbeddedFlags(flags, remaining.ToString());
    }

    private static void Blank(StringBuilder text, int index, int length)
    {
        for (var i = index; i < index + length; i++)
            text[i] = ' ';
    }

    /// <summary>Strips quotes around a value and the sentence punctuation that follows it ("--environment production.").</summary>
    private static string Unquote(string value)
    {
        var trimmed = value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']');
        if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' or '«' && trimmed[^1] is '"' or '\'' or '»')
            return trimmed[1..^1];
        return trimmed.Trim('"', '\'', '«', '»');
    }

    /// <summary>
    /// A flag preceded by a space or start of text, and its value: "=value" or the next token that is not itself a
    /// flag. Backticks end a token, so flags inside inline code (`--cluster-type sharded`) read cleanly.
    /// </summary>
    [GeneratedRegex(
        @"(?<![^\s`(\[])--(?<name>[A-Za-z][A-Za-z0-9_-]*)(?:(?<assigned>=)(?<value>""[^""\n]*""|'[^'\n]*'|«[^»\n]*»|[^\s`]*)|[ \t]+(?<value>""[^""\n]*""|'[^'\n]*'|«[^»\n]*»|(?!--)[^\s`]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Flag();
}
