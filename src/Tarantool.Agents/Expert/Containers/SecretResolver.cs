using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>
/// Finds every secret the instances read. For 3.x the rendered config's <c>config.context</c> says how (environment
/// variable or file); otherwise the topology users' password secrets become <c>TT_&lt;NAME&gt;</c> variables.
/// Cartridge adds its cluster cookie and the stateboard password.
/// </summary>
public static class SecretResolver
{
    /// <summary>Every secret of the design; <paramref name="tls"/> is phase 4's iproto TLS decision when known (the
    /// rendered config may not be visible to the phase, e.g. when the design is answered from the prompt alone).</summary>
    public static IReadOnlyList<SecretReference> Resolve(ClusterRequest request, ClusterTopology topology, string? configYaml, string appDirectory, IprotoTlsSettings? tls = null)
    {
        var secretName = $"{PlatformNaming.Namespace(request.ClusterName)}-credentials";
        var byName = new Dictionary<string, SecretReference>(StringComparer.Ordinal);
        foreach (var (name, env, file) in ConfigContext(configYaml))
            byName[name] = Reference(secretName, name, env, file is null ? "" : Absolute(file, appDirectory));

        foreach (var user in topology.Users.Where(u => u.PasswordSecret.Length > 0))
            if (!byName.ContainsKey(user.PasswordSecret))
                byName[user.PasswordSecret] = Reference(secretName, user.PasswordSecret, EnvName(user.PasswordSecret), "");

        // iproto TLS (Enterprise Edition): the certificate, key and CA files the config names are mounted from their
        // own Secret at exactly those paths, so the config is the same on every platform.
        var tlsSecret = $"{PlatformNaming.Namespace(request.ClusterName)}-tls";
        var tlsFiles = tls is { Enabled: true } ? new[] { tls.CertFile, tls.KeyFile, tls.CaFile }.Where(f => f.StartsWith('/')).Distinct() : IprotoTlsFiles.In(configYaml);
        foreach (var file in tlsFiles)
            byName.TryAdd("tls_" + Path.GetFileName(file).Replace('.', '_').Replace('-', '_'), new SecretReference
            {
                ContextName = "tls_" + Path.GetFileName(file).Replace('.', '_').Replace('-', '_'),
                SecretName = tlsSecret,
                SecretKey = Path.GetFileName(file),
                EnvVar = "",
                FilePath = file,
            });

        if (request.ClusterType == ClusterType.Cartridge)
        {
            byName.TryAdd("cluster_cookie", Reference(secretName, "cluster_cookie", "TARANTOOL_CLUSTER_COOKIE", ""));
            if (topology.FailoverStateProvider == "stateboard" || topology.Replicasets.Any(r => r.Roles.Contains("stateboard")))
                byName.TryAdd("stateboard_password", Reference(secretName, "stateboard_password", "TARANTOOL_PASSWORD", ""));
        }
        return [.. byName.Values.OrderBy(s => s.ContextName, StringComparer.Ordinal)];
    }

    /// <summary><c>replicator_password</c> → <c>TT_REPLICATOR_PASSWORD</c>, the shared convention.</summary>
    public static string EnvName(string contextName) => "TT_" + contextName.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    private static SecretReference Reference(string secretName, string contextName, string? env, string file) => new()
    {
        ContextName = contextName,
        SecretName = secretName,
        SecretKey = contextName.ToLowerInvariant().Replace('_', '-'),
        EnvVar = file.Length > 0 ? "" : env ?? EnvName(contextName),
        FilePath = file,
    };

    private static string Absolute(string file, string appDirectory) => file.StartsWith('/') ? file : $"{appDirectory}/{file.TrimStart('.', '/')}";

    private static IEnumerable<(string Name, string? Env, string? File)> ConfigContext(string? configYaml)
    {
        if (string.IsNullOrWhiteSpace(configYaml)) yield break;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(configYaml)); }
        catch (YamlDotNet.Core.YamlException) { yield break; }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) yield break;
        if (Child(root, "config") is not YamlMappingNode config || Child(config, "context") is not YamlMappingNode context) yield break;
        foreach (var (key, value) in context.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlMappingNode entry) continue;
            var from = (Child(entry, "from") as YamlScalarNode)?.Value;
            if (from == "env") yield return (name, (Child(entry, "env") as YamlScalarNode)?.Value, null);
            else if (from == "file" && Child(entry, "file") is YamlScalarNode { Value: { } file }) yield return (name, null, file);
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
}
