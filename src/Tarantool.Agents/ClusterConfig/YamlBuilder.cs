using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// Terse constructors for YamlDotNet nodes. Strings are created with <see cref="ScalarStyle.Any"/> so the emitter
/// decides whether they need quotes; numbers and booleans are plain so they keep their YAML type.
/// </summary>
public static class YamlBuilder
{
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
            if (value is not null) map.Add(new YamlScalarNode(key), value);
        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode Strings(IEnumerable<string> items) => new(items.Select(i => (YamlNode)Str(i)));

    public static YamlScalarNode Str(string value) => new(value) { Style = ScalarStyle.Any };

    public static YamlScalarNode Int(long value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Num(double value) =>
        new(value.ToString(value == Math.Floor(value) && Math.Abs(value) < 1e15 ? "0.0" : "0.0###", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    /// <summary>An empty value (<c>key:</c>), as tt's instances.yml lists instance names.</summary>
    public static YamlScalarNode Empty() => new("") { Style = ScalarStyle.Plain };

    /// <summary>Adds or replaces <paramref name="key"/> in <paramref name="map"/>, keeping insertion order.</summary>
    public static YamlMappingNode Set(this YamlMappingNode map, string key, YamlNode value)
    {
        map.Children[new YamlScalarNode(key)] = value;
        return map;
    }

    /// <summary>The child map under <paramref name="key"/>, created when missing.</summary>
    public static YamlMappingNode Section(this YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlMappingNode section) return section;
        var created = new YamlMappingNode();
        map.Children[new YamlScalarNode(key)] = created;
        return created;
    }
}
