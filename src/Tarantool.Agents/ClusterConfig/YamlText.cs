using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// A small deterministic YAML emitter (2-space indent, block maps, flow lists of scalars, single quotes only where
/// a plain scalar would be mis-typed or mis-parsed) and the matching parser entry point.
/// </summary>
public static partial class YamlText
{
    public static string Write(YamlNode root, string? header = null)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(header))
            foreach (var line in header.TrimEnd('\n').Split('\n'))
                text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        switch (root)
        {
            case YamlMappingNode map when map.Children.Count > 0: WriteMap(text, map, 0); break;
            case YamlSequenceNode seq when seq.Children.Count > 0: WriteSeq(text, seq, 0); break;
            default: text.Append(Inline(root)).Append('\n'); break;
        }
        return text.ToString();
    }

    /// <summary>Parses one YAML document; null when the text is not YAML or has no mapping at its root.</summary>
    public static YamlMappingNode? Parse(string yaml, out string? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                error = "the document is empty or its root is not a mapping";
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>How a plain scalar would be typed by a YAML 1.2 core resolver: null, bool, int, float or string.</summary>
    public static string PlainType(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return "null";
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return "bool";
        if (IntPattern().IsMatch(value)) return "int";
        if (FloatPattern().IsMatch(value)) return "float";
        return "str";
    }

    private static void WriteMap(StringBuilder text, YamlMappingNode map, int indent)
    {
        foreach (var (key, value) in map.Children) WriteEntry(text, Key(key), value, indent, new string(' ', indent));
    }

    private static void WriteEntry(StringBuilder text, string key, YamlNode value, int indent, string prefix)
    {
        text.Append(prefix).Append(key).Append(':');
        switch (value)
        {
            case YamlMappingNode { Children.Count: > 0 } child:
                text.Append('\n');
                WriteMap(text, child, indent + 2);
                break;
            case YamlSequenceNode { Children.Count: > 0 } seq when !IsFlowList(seq):
                text.Append('\n');
                WriteSeq(text, seq, indent + 2);
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "" }:
                text.Append('\n');
                break;
            default:
                text.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static void WriteSeq(StringBuilder text, YamlSequenceNode seq, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode { Children.Count: > 0 } map)
            {
                var first = true;
                foreach (var (key, value) in map.Children)
                {
                    WriteEntry(text, Key(key), value, indent + 2, first ? pad + "- " : pad + "  ");
                    first = false;
                }
            }
            else if (item is YamlSequenceNode { Children.Count: > 0 } nested && !IsFlowList(nested))
            {
                text.Append(pad).Append("-\n");
                WriteSeq(text, nested, indent + 2);
            }
            else
            {
                text.Append(pad).Append("- ").Append(Inline(item)).Append('\n');
            }
        }
    }

    private static bool IsFlowList(YamlSequenceNode seq) => seq.Children.All(c => c is YamlScalarNode);

    private static string Inline(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Inline)) + "]",
        YamlMappingNode map => map.Children.Count == 0
            ? "{}"
            : "{" + string.Join(", ", map.Children.Select(c => $"{Key(c.Key)}: {Inline(c.Value)}")) + "}",
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.GetType().Name}."),
    };

    private static string Key(YamlNode key) => Scalar((YamlScalarNode)key);

    private static string Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        return scalar.Style switch
        {
            ScalarStyle.Plain => value,
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => Quote(value),
            _ => NeedsQuotes(value) ? Quote(value) : value,
        };
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>True when the string, written plain, would be read back as another type or break the syntax.</summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || PlainType(value) != "str") return true;
        if (value is "yes" or "no" or "on" or "off" or "Yes" or "No" or "On" or "Off" or "y" or "n" or "Y" or "N") return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) && !(value[0] == '-' && value.Length > 1 && value[1] != ' ' && !char.IsDigit(value[1]))) return true;
        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(':') || value.Contains('\n') || value.Contains('\t')) return true;
        // Things a YAML 1.1 reader (PyYAML, older tools) would still type: sexagesimal numbers, dates.
        if (LegacyNumberPattern().IsMatch(value)) return true;
        return value.Any(c => char.IsControl(c));
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyNumberPattern();

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
