using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// The certificate, key and CA files a 3.x config's iproto TLS names (Enterprise Edition). Containers mount them
/// from a Secret at exactly these paths, so one config serves hosts, Compose and Kubernetes alike.
/// </summary>
public static class IprotoTlsFiles
{
    /// <summary>Absolute <c>ssl_*_file</c> paths anywhere in the config (listen and advertise params), in order.</summary>
    public static IEnumerable<string> In(string? configYaml) => Named(configYaml, "ssl_cert_file", "ssl_key_file", "ssl_ca_file");

    /// <summary>Absolute <c>ssl_key_file</c> paths: the private keys, which hosts keep readable by the owner only.</summary>
    public static IEnumerable<string> PrivateKeysIn(string? configYaml) => Named(configYaml, "ssl_key_file");

    private static SortedSet<string> Named(string? configYaml, params string[] parameters)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(configYaml)) return files;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(configYaml)); }
        catch (YamlDotNet.Core.YamlException) { return files; }
        if (stream.Documents.Count == 0) return files;
        Collect(stream.Documents[0].RootNode, files);
        return files;

        void Collect(YamlNode node, SortedSet<string> files)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is YamlScalarNode { Value: { } name } && parameters.Contains(name) && value is YamlScalarNode { Value: { } path } && path.StartsWith('/'))
                            files.Add(path);
                        else if (key is not YamlScalarNode { Value: "ssl_cert_file" or "ssl_key_file" or "ssl_ca_file" })
                            Collect(value, files);
                    }
                    break;
                case YamlSequenceNode seq:
                    foreach (var child in seq.Children) Collect(child, files);
                    break;
            }
        }
    }

}
