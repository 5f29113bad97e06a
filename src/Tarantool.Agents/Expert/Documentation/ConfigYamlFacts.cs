using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Reads the few facts the documentation and deployment need from the configuration phase's
/// <c>tarantool/config.yaml</c> (3.x): where each secret of <c>config.context</c> comes from. Tolerates a missing or
/// unreadable file: callers then fall back to the shared naming convention (<c>TT_&lt;NAME&gt;</c> from env).
/// </summary>
internal static class ConfigYamlFacts
{
    public const string Path = "tarantool/config.yaml";

    public static IReadOnlyList<ConfigContextSecret> ContextSecrets(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml)) return [];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
            if (Child(root, "config") is not YamlMappingNode config || Child(config, "context") is not YamlMappingNode context) return [];
            var secrets = new List<ConfigContextSecret>();
            foreach (var (key, value) in context.Children)
            {
                if (value is not YamlMappingNode entry || Scalar(entry, "from") is not { } from) continue;
                var source = from == "file" ? Scalar(entry, "file") : Scalar(entry, "env");
                if (source is not null) secrets.Add(new ConfigContextSecret(((YamlScalarNode)key).Value ?? "", from, source));
            }
            return secrets;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [];
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
