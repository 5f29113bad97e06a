using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// A parsed Tarantool 3 cluster config with its scope tree and Tarantool's inheritance rule: an option's effective
/// value for an instance is the first one found at instance, replicaset, group, then global scope.
/// </summary>
public sealed class ClusterConfigDocument
{
    private ClusterConfigDocument(YamlMappingNode root)
    {
        Root = root;
        Global = new ConfigLocation(ConfigScope.Global, "", "", "", root);
        var groups = new List<ConfigLocation>();
        var replicasets = new List<ConfigLocation>();
        var instances = new List<ConfigLocation>();
        foreach (var (groupName, groupNode) in Entries(Get(root, "groups")))
        {
            groups.Add(new ConfigLocation(ConfigScope.Group, groupName, "", "", groupNode));
            foreach (var (rsName, rsNode) in Entries(Get(groupNode, "replicasets")))
            {
                replicasets.Add(new ConfigLocation(ConfigScope.Replicaset, groupName, rsName, "", rsNode));
                foreach (var (instName, instNode) in Entries(Get(rsNode, "instances")))
                    instances.Add(new ConfigLocation(ConfigScope.Instance, groupName, rsName, instName, instNode));
            }
        }
        Groups = groups;
        Replicasets = replicasets;
        Instances = instances;
    }

    public YamlMappingNode Root { get; }

    public ConfigLocation Global { get; }

    public IReadOnlyList<ConfigLocation> Groups { get; }

    public IReadOnlyList<ConfigLocation> Replicasets { get; }

    public IReadOnlyList<ConfigLocation> Instances { get; }

    /// <summary>Every scope node, global first, in document order.</summary>
    public IEnumerable<ConfigLocation> Scopes => new[] { Global }.Concat(Groups).Concat(Replicasets).Concat(Instances);

    public static ClusterConfigDocument? Parse(string yaml, out string? error)
    {
        var root = YamlText.Parse(yaml, out error);
        return root is null ? null : new ClusterConfigDocument(root);
    }

    public static ClusterConfigDocument From(YamlMappingNode root) => new(root);

    public ConfigLocation GroupOf(ConfigLocation location) => Groups.First(g => g.Group == location.Group);

    public ConfigLocation ReplicasetOf(ConfigLocation location) =>
        Replicasets.First(r => r.Group == location.Group && r.Replicaset == location.Replicaset);

    public IEnumerable<ConfigLocation> InstancesOf(ConfigLocation replicaset) =>
        Instances.Where(i => i.Group == replicaset.Group && i.Replicaset == replicaset.Replicaset);

    /// <summary>The value an instance sees for <paramref name="path"/> (instance, replicaset, group, global).</summary>
    public YamlNode? Effective(ConfigLocation instance, params string[] path)
    {
        foreach (var scope in Chain(instance))
            if (Get(scope.Node, path) is { } value) return value;
        return null;
    }

    /// <summary>The value a replicaset sees for <paramref name="path"/> (replicaset, group, global).</summary>
    public YamlNode? EffectiveForReplicaset(ConfigLocation replicaset, params string[] path)
    {
        foreach (var scope in new[] { replicaset, GroupOf(replicaset), Global })
            if (Get(scope.Node, path) is { } value) return value;
        return null;
    }

    public string? EffectiveString(ConfigLocation instance, params string[] path) => (Effective(instance, path) as YamlScalarNode)?.Value;

    /// <summary>The effective <c>replication.failover</c> of a replicaset; Tarantool's default is <c>off</c>.</summary>
    public string Failover(ConfigLocation replicaset) =>
        (EffectiveForReplicaset(replicaset, "replication", "failover") as YamlScalarNode)?.Value ?? "off";

    public IReadOnlyList<string> EffectiveList(ConfigLocation instance, params string[] path) =>
        Effective(instance, path) is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")]
            : [];

    public static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }
        return node;
    }

    public static string? GetString(YamlNode? node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    /// <summary>The (key, mapping) entries of a map node; non-mapping values are skipped.</summary>
    public static IEnumerable<(string Key, YamlMappingNode Value)> Entries(YamlNode? node)
    {
        if (node is not YamlMappingNode map) yield break;
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            yield return (name, value as YamlMappingNode ?? new YamlMappingNode());
        }
    }

    private IEnumerable<ConfigLocation> Chain(ConfigLocation instance)
    {
        yield return instance;
        yield return ReplicasetOf(instance);
        yield return GroupOf(instance);
        yield return Global;
    }
}
