using System.Globalization;
using Tarantool.Agents.Phases.Topology;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Adapts the 3.x cluster config (phase 4's <c>tarantool/config.yaml</c>, written for VM hosts) to a container
/// platform: every instance listens on all interfaces and advertises its stable container DNS name to peers,
/// routers and clients, metrics listen on the container metrics port, and data/run directories point at the mounted volumes.
/// Everything else (credentials, failover, sharding, memtx...) is kept as it is.
/// </summary>
public static class ContainerConfigRewriter
{
    /// <summary>The data volume's mount point (<see cref="InstanceLayout.ContainerDataRoot"/>).</summary>
    public const string DataRoot = InstanceLayout.ContainerDataRoot;


    public static string Rewrite(string configYaml, ClusterTopology topology, IReadOnlyList<ConfigRewriteTarget> targets, string platformNote)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(configYaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException("tarantool/config.yaml has no top-level mapping.");

        var byInstance = targets.ToDictionary(t => t.Instance, StringComparer.Ordinal);
        var peerRewrites = PeerAddressMap(topology, byInstance);

        var sharded = IsSharded(root);
        foreach (var (name, instance) in Instances(root))
            if (byInstance.TryGetValue(name, out var target)) RewriteInstance(instance, target, sharded);

        foreach (var scope in AllScopes(root))
        {
            RewriteMetricsListen(scope, targets.Count > 0 ? targets[0].MetricsPort : PlatformNaming.ContainerMetricsPort);
            RewritePeers(scope, peerRewrites);
        }

        PinDirectories(root);
        return YamlText.Emit(root,
            $"Generated from tarantool/config.yaml for {platformNote}.",
            "Instances listen on 0.0.0.0 and advertise their stable container DNS names; data lives on the mounted volume.",
            "Edit tarantool/config.yaml and re-render instead of editing this file.");
    }

    /// <summary>Instance mappings of groups → replicasets → instances, with their names.</summary>
    public static IEnumerable<(string Name, YamlMappingNode Node)> Instances(YamlMappingNode root)
    {
        foreach (var group in Children(root, "groups"))
        foreach (var replicaset in Children(group.Node, "replicasets"))
        foreach (var instance in Children(replicaset.Node, "instances"))
            yield return instance;
    }

    /// <summary>The global, group, replicaset and instance scopes of the config.</summary>
    private static IEnumerable<YamlMappingNode> AllScopes(YamlMappingNode root)
    {
        yield return root;
        foreach (var group in Children(root, "groups"))
        {
            yield return group.Node;
            foreach (var replicaset in Children(group.Node, "replicasets"))
            {
                yield return replicaset.Node;
                foreach (var instance in Children(replicaset.Node, "instances")) yield return instance.Node;
            }
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Node)> Children(YamlMappingNode parent, string key)
    {
        if (Get(parent, key) is not YamlMappingNode map) yield break;
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: { } name } && v is YamlMappingNode node) yield return (name, node);
    }

    private static void RewriteInstance(YamlMappingNode instance, ConfigRewriteTarget target, bool sharded)
    {
        var iproto = GetOrAddMap(instance, "iproto");
        var firstListen = (Get(iproto, "listen") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().FirstOrDefault();
        var listen = YamlText.Map(("uri", YamlText.Str($"0.0.0.0:{target.IprotoPort.ToString(CultureInfo.InvariantCulture)}")));
        // TLS and other listen parameters belong to the socket, not to the host name: keep them.
        var listenParams = firstListen is null ? null : Get(firstListen, "params") as YamlMappingNode;
        if (listenParams is not null) listen.Add("params", listenParams);
        Set(iproto, "listen", YamlText.Seq(listen));

        // 0.0.0.0 is an address to bind, not to connect to: Tarantool resolves the URI peers (replication), routers
        // (vshard storages, iproto.advertise.sharding) and clients (iproto.advertise.client) use from the advertise
        // section and refuses to start ("No suitable URI provided for instance") when only 0.0.0.0 is left. Each
        // role gets the container's stable DNS name; the logins set in wider scopes are merged in by Tarantool.
        var advertised = $"{target.Host}:{target.IprotoPort.ToString(CultureInfo.InvariantCulture)}";
        var advertise = GetOrAddMap(iproto, "advertise");
        SetAdvertise(GetOrAddMap(advertise, "peer"), advertised, listenParams);
        if (sharded) SetAdvertise(GetOrAddMap(advertise, "sharding"), advertised, listenParams);
        Set(advertise, "client", YamlText.Str(advertised));
    }

    /// <summary>An advertised URI carries the listen socket's TLS transport: a peer that connects without
    /// <c>transport: ssl</c> to an ssl listener is refused. The same certificate files serve as the client's own.</summary>
    private static void SetAdvertise(YamlMappingNode role, string uri, YamlMappingNode? listenParams)
    {
        Set(role, "uri", YamlText.Str(uri));
        if (listenParams is null || Get(listenParams, "transport") is not YamlScalarNode { Value: "ssl" }) return;
        var clientParams = new YamlMappingNode();
        foreach (var key in new[] { "transport", "ssl_cert_file", "ssl_key_file", "ssl_ca_file", "ssl_ciphers" })
            if (Get(listenParams, key) is { } value) clientParams.Add(key, value);
        Set(role, "params", clientParams);
    }

    /// <summary>True when vshard is configured anywhere (sharding roles or a sharding advertise entry).</summary>
    private static bool IsSharded(YamlMappingNode root) =>
        AllScopes(root).Any(scope =>
            (Get(scope, "sharding") is YamlMappingNode sharding && Get(sharding, "roles") is not null)
            || (Get(scope, "iproto") is YamlMappingNode iproto && Get(iproto, "advertise") is YamlMappingNode advertise && Get(advertise, "sharding") is not null));

    private static void RewriteMetricsListen(YamlMappingNode scope, int metricsPort)
    {
        if (Get(scope, "roles_cfg") is not YamlMappingNode rolesCfg) return;
        if (Get(rolesCfg, "roles.metrics-export") is not YamlMappingNode export) return;
        if (Get(export, "http") is not YamlSequenceNode servers) return;
        foreach (var server in servers.Children.OfType<YamlMappingNode>())
            if (Get(server, "listen") is not null) Set(server, "listen", YamlText.Int(metricsPort));
    }

    /// <summary>Explicit <c>replication.peers</c> name VM hosts; point them at the container names instead.</summary>
    private static void RewritePeers(YamlMappingNode scope, IReadOnlyDictionary<string, string> peerRewrites)
    {
        if (Get(scope, "replication") is not YamlMappingNode replication || Get(replication, "peers") is not YamlSequenceNode peers) return;
        var rewritten = peers.Children.Select(p => p is YamlScalarNode { Value: { } uri } ? (YamlNode)YamlText.Str(RewriteUri(uri, peerRewrites)) : p).ToList();
        Set(replication, "peers", YamlText.Seq(rewritten));
    }

    private static string RewriteUri(string uri, IReadOnlyDictionary<string, string> peerRewrites)
    {
        var at = uri.LastIndexOf('@');
        var address = at >= 0 ? uri[(at + 1)..] : uri;
        return peerRewrites.TryGetValue(address, out var replacement) ? (at >= 0 ? uri[..(at + 1)] : "") + replacement : uri;
    }

    private static Dictionary<string, string> PeerAddressMap(ClusterTopology topology, IReadOnlyDictionary<string, ConfigRewriteTarget> targets)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in topology.Replicasets.SelectMany(r => r.Instances))
            if (targets.TryGetValue(instance.Name, out var target))
                map[$"{instance.Host}:{instance.Port.ToString(CultureInfo.InvariantCulture)}"] = $"{target.Host}:{target.IprotoPort.ToString(CultureInfo.InvariantCulture)}";
        return map;
    }

    /// <summary>Data, the control socket and the pid file on the volume (<see cref="InstanceLayout.ContainerConsoleSocket"/>),
    /// logs to stderr for the runtime to collect. Set globally and removed from narrower scopes so nothing overrides the volume paths.</summary>
    private static void PinDirectories(YamlMappingNode root)
    {
        var pinned = new (string Section, string Key, string Value)[]
        {
            ("snapshot", "dir", $"{DataRoot}/{{{{ instance_name }}}}"),
            ("wal", "dir", $"{DataRoot}/{{{{ instance_name }}}}"),
            ("vinyl", "dir", $"{DataRoot}/{{{{ instance_name }}}}"),
            ("console", "socket", $"{DataRoot}/{{{{ instance_name }}}}/tarantool.control"),
            ("process", "pid_file", $"{DataRoot}/{{{{ instance_name }}}}/tarantool.pid"),
            ("log", "to", "stderr"),
        };
        var scopes = AllScopes(root).ToList();
        foreach (var (section, key, value) in pinned)
        {
            foreach (var scope in scopes.Skip(1))
                if (Get(scope, section) is YamlMappingNode narrower) narrower.Children.Remove(new YamlScalarNode(key));
            Set(GetOrAddMap(root, section), key, YamlText.Str(value));
        }
        if (Get(root, "log") is YamlMappingNode log) log.Children.Remove(new YamlScalarNode("file"));
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    private static YamlMappingNode GetOrAddMap(YamlMappingNode map, string key)
    {
        if (Get(map, key) is YamlMappingNode existing) return existing;
        var created = new YamlMappingNode();
        Set(map, key, created);
        return created;
    }
}
