using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// The rules Tarantool 3.x applies when an instance starts that concern the edition and the URIs other instances
/// connect to (instance_config.lua, configdata.lua of Tarantool 3.7.1): Enterprise-only options on Community Edition,
/// a connectable URI for every peer and vshard storage, and the users named by iproto.advertise logins.
/// </summary>
public sealed partial class TarantoolConfigValidator
{
    /// <summary>
    /// Options Tarantool 3.7.1's schema marks <c>enterprise_edition</c>; Community Edition refuses each of them with
    /// "This configuration parameter is available only in Tarantool Enterprise Edition".
    /// </summary>
    private static readonly string[] EnterpriseOnlyOptions =
    [
        "audit_log", "config.etcd", "config.storage", "failover.http", "failover.iproto", "failover.metrics", "flightrec",
        "iproto.ssl", "quiver", "security.auth_delay", "security.auth_retries", "security.disable_guest",
        "security.password_enforce_digits", "security.password_enforce_lowercase", "security.password_enforce_specialchars",
        "security.password_enforce_uppercase", "security.password_history_length", "security.password_lifetime_days",
        "security.password_min_length", "security.secure_erasing", "stateboard", "wal.ext", "wal.retention_period",
    ];

    /// <summary>URI parameters that exist only in Enterprise Edition (iproto TLS), in listen and advertise params.</summary>
    private static readonly string[] EnterpriseOnlyUriParams =
        ["ssl_ca_file", "ssl_cert_file", "ssl_ciphers", "ssl_key_file", "ssl_password", "ssl_password_file"];

    private static void CheckCommunityEdition(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        foreach (var scope in config.Scopes)
        {
            foreach (var option in EnterpriseOnlyOptions.Where(o => ClusterConfigDocument.Get(scope.Node, o.Split('.')) is not null))
                error("config.enterprise-only", $"{option} is available only in Tarantool Enterprise Edition; Community Edition refuses to start with it. Remove it or target Enterprise Edition.", scope);

            foreach (var (where, parameters) in UriParams(scope.Node))
            {
                foreach (var name in EnterpriseOnlyUriParams.Where(p => ClusterConfigDocument.Get(parameters, p) is not null))
                    error("config.enterprise-only", $"{where}.params.{name} is available only in Tarantool Enterprise Edition (iproto TLS); Community Edition refuses to start with it.", scope);
                // The schema accepts transport: ssl on Community Edition, but box.cfg then fails: the build has no SSL.
                if (ClusterConfigDocument.GetString(parameters, "transport") == "ssl")
                    error("config.enterprise-only", $"{where}.params.transport: ssl needs Tarantool Enterprise Edition; Community Edition has no iproto TLS. Use transport: plain and protect the network instead.", scope);
            }
        }
    }

    /// <summary>The <c>params</c> maps of iproto.listen entries and iproto.advertise.peer/sharding in one scope.</summary>
    private static IEnumerable<(string Where, YamlMappingNode Params)> UriParams(YamlMappingNode scope)
    {
        if (ClusterConfigDocument.Get(scope, "iproto", "listen") is YamlSequenceNode listen)
        {
            var index = 0;
            foreach (var entry in listen.Children)
            {
                if (ClusterConfigDocument.Get(entry, "params") is YamlMappingNode p) yield return ($"iproto.listen[{index}]", p);
                index++;
            }
        }
        foreach (var role in new[] { "peer", "sharding" })
            if (ClusterConfigDocument.Get(scope, "iproto", "advertise", role, "params") is YamlMappingNode p)
                yield return ($"iproto.advertise.{role}", p);
    }

    /// <summary>
    /// Replicas connect to the peer URI (<c>iproto.advertise.peer</c>, else the first listen URI one can connect to)
    /// and routers to the sharding URI (<c>iproto.advertise.sharding</c>, else the peer URI). 0.0.0.0, :: and port 0
    /// are bind addresses: Tarantool skips them and, with nothing left, refuses the config ("No suitable URI provided
    /// for instance"). A loopback address is connectable only from the same host, so it is refused when other
    /// instances of the config are reached on real host names.
    /// </summary>
    private static void CheckConnectableUris(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        var resolved = config.Instances.Select(i => (Instance: i, Peer: ConnectUri(config, i, "peer"), Sharding: ConnectUri(config, i, "sharding"))).ToList();
        var remoteHosts = resolved.Any(r => r.Peer is { } uri && !IsLoopback(uri));
        foreach (var (instance, peer, sharding) in resolved)
        {
            var replicas = config.InstancesOf(config.ReplicasetOf(instance)).Count();
            var storage = config.EffectiveList(instance, "sharding", "roles").Contains("storage");
            if (replicas > 1 && peer is null)
                error("config.peer-uri-unconnectable", $"Instance '{instance.Instance}' has no URI its replicaset peers can connect to: iproto.listen binds {ListenText(config, instance)} and iproto.advertise.peer.uri is not set. Set iproto.advertise.peer.uri to the instance's host name (its container or pod DNS name).", instance);
            if (storage && sharding is null)
                error("config.sharding-uri-unconnectable", $"Storage '{instance.Instance}' has no URI vshard routers can connect to (Tarantool: \"No suitable URI provided for instance\"): set iproto.advertise.sharding.uri (or advertise.peer.uri) to a host name, not {ListenText(config, instance)}.", instance);
            if (remoteHosts && peer is { } local && IsLoopback(local) && (replicas > 1 || storage))
                error("config.peer-uri-unconnectable", $"Instance '{instance.Instance}' is reached at {local}, a loopback address, while the other instances are on other hosts; advertise a host name they can reach.", instance);
        }
    }

    /// <summary>The URI Tarantool resolves for a role, or null when only bind addresses are left.</summary>
    private static string? ConnectUri(ClusterConfigDocument config, ConfigLocation instance, string role)
    {
        if (role == "sharding" && config.EffectiveString(instance, "iproto", "advertise", "sharding", "uri") is { } sharding) return sharding;
        if (config.EffectiveString(instance, "iproto", "advertise", "peer", "uri") is { } peer) return peer;
        if (config.Effective(instance, "iproto", "listen") is not YamlSequenceNode listen) return null;
        return listen.Children.Select(e => ClusterConfigDocument.GetString(e, "uri")).FirstOrDefault(u => u is not null && IsConnectable(u));
    }

    private static string ListenText(ClusterConfigDocument config, ConfigLocation instance) =>
        config.Effective(instance, "iproto", "listen") is YamlSequenceNode listen && listen.Children.Count > 0
            ? string.Join(", ", listen.Children.Select(e => ClusterConfigDocument.GetString(e, "uri") ?? "?"))
            : "nothing";

    private static bool IsConnectable(string uri)
    {
        var (host, port) = HostAndPort(uri);
        if (host.StartsWith('/') || uri.StartsWith("unix/", StringComparison.Ordinal)) return true;
        return host is not ("0.0.0.0" or "::" or "[::]" or "*") && port != "0";
    }

    private static bool IsLoopback(string uri)
    {
        var (host, _) = HostAndPort(uri);
        return host is "localhost" or "::1" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);
    }

    private static (string Host, string Port) HostAndPort(string uri)
    {
        var address = uri[(uri.LastIndexOf('@') + 1)..];
        if (address.All(char.IsAsciiDigit)) return ("", address); // a bare port listens on every interface
        var colon = address.LastIndexOf(':');
        return colon < 0 ? (address, "") : (address[..colon], address[(colon + 1)..]);
    }

    /// <summary>
    /// iproto.advertise.peer/sharding.login names the user peers and routers authenticate as. Without a password in
    /// the advertise section, Tarantool takes it from credentials.users and refuses the config when the user is not
    /// there; vshard also requires that user to hold the sharding role (directly, through super, or a nested role).
    /// </summary>
    private static void CheckAdvertiseLogins(ClusterConfigDocument config, Action<string, string, ConfigLocation?> error)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in config.Instances)
        {
            foreach (var role in new[] { "peer", "sharding" })
            {
                var login = config.EffectiveString(instance, "iproto", "advertise", role, "login");
                if (login is null || login == "guest") continue;
                var hasPassword = config.Effective(instance, "iproto", "advertise", role, "password") is not null;
                var user = config.Effective(instance, "credentials", "users", login) as YamlMappingNode;
                if (user is null)
                {
                    if (!hasPassword && reported.Add($"{role}:{login}:missing"))
                        error("config.advertise-user-unknown", $"iproto.advertise.{role}.login is '{login}' but credentials.users has no '{login}', so Tarantool cannot find its password (\"Cannot find user {login} in the config\"); define the user or drop the login.", instance);
                    continue;
                }
                if (role == "sharding" && config.EffectiveList(instance, "sharding", "roles").Contains("storage")
                    && !HasShardingRole(config, instance, ClusterConfigDocument.Get(user, "roles"), 0) && reported.Add($"sharding:{login}:role"))
                    error("config.sharding-user-role", $"vshard connects as '{login}' (iproto.advertise.sharding.login), but that user lacks the 'sharding' role; Tarantool refuses the storage (\"storage user should have sharding role\"). Grant roles: [sharding].", instance);
            }
        }
    }

    private static bool HasShardingRole(ClusterConfigDocument config, ConfigLocation instance, YamlNode? roles, int depth)
    {
        if (roles is not YamlSequenceNode list || depth > 8) return false;
        var names = list.Children.OfType<YamlScalarNode>().Select(r => r.Value ?? "").ToList();
        return names.Any(n => n is "sharding" or "super")
            || names.Any(n => HasShardingRole(config, instance, config.Effective(instance, "credentials", "roles", n, "roles"), depth + 1));
    }
}
