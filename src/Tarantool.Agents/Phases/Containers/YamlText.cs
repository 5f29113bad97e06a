using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Builds YAML documents as node trees and emits them deterministically. Building nodes (instead of concatenating
/// text) lets the emitter quote whatever YAML would otherwise read as a number, boolean or null.
/// </summary>
public static class YamlText
{
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
            if (value is not null) map.Add(new YamlScalarNode(key), value);
        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode Seq(params YamlNode[] items) => new(items);

    /// <summary>A string scalar, quoted when plain YAML would read it as another type.</summary>
    public static YamlScalarNode Str(string value) =>
        new(value) { Style = NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    public static YamlScalarNode Int(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    /// <summary>A multi-line string kept verbatim as a literal block (<c>|</c>).</summary>
    public static YamlScalarNode Block(string value) => new(value) { Style = ScalarStyle.Literal };

    /// <summary>Emits one document with indented sequences, LF line endings and no document-end marker.</summary>
    public static string Emit(YamlNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithIndentedSequences().WithBestWidth(int.MaxValue));
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n");
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return text.TrimEnd('\n') + "\n";
    }

    /// <summary>A header comment followed by the document.</summary>
    public static string Emit(YamlNode root, params string[] headerLines) =>
        string.Concat(headerLines.Select(l => l.Length == 0 ? "#\n" : $"# {l}\n")) + Emit(root);

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0) return true;
        var lower = value.ToLowerInvariant();
        if (lower is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n") return true;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || value.StartsWith("0o", StringComparison.OrdinalIgnoreCase)) return true;
        // Times like 10:30 are sexagesimal numbers in YAML 1.1.
        return value.Contains(':') && value.Split(':').All(p => p.Length > 0 && p.All(char.IsDigit));
    }
}
