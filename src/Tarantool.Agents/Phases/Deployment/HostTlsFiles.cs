using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// The iproto TLS files (Enterprise Edition) the instances on hosts read. They are taken from the rendered
/// <c>tarantool/config.yaml</c>, so the playbook and the guide install exactly the paths the config names; box.cfg and
/// Cartridge bundles have no config.yaml and use the configuration phase's settings, which their Lua renders.
/// </summary>
/// <param name="Files">Absolute paths, sorted; empty when iproto TLS is off.</param>
/// <param name="PrivateKeys">The subset that are private keys (owner-only mode on the hosts).</param>
internal sealed record HostTlsFiles(IReadOnlyList<string> Files, IReadOnlySet<string> PrivateKeys)
{
    /// <summary>Where the operator keeps the files, relative to the playbooks; private keys encrypted with ansible-vault.</summary>
    public const string SourceDir = "files/tls";

    public bool Any => Files.Count > 0;

    public static HostTlsFiles Of(string? configYaml, ClusterConfiguration? configuration)
    {
        if (configYaml is not null)
            return new([.. IprotoTlsFiles.In(configYaml)], new HashSet<string>(IprotoTlsFiles.PrivateKeysIn(configYaml), StringComparer.Ordinal));
        if (configuration?.Tls is not { Enabled: true } tls) return new([], new HashSet<string>());
        var files = new[] { tls.CertFile, tls.KeyFile, tls.CaFile }.Where(f => f.StartsWith('/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new(files, new HashSet<string>([tls.KeyFile], StringComparer.Ordinal));
    }

    /// <summary>The directories that hold the files, created before the files are copied.</summary>
    public IReadOnlyList<string> Directories =>
        [.. Files.Select(f => f[..f.LastIndexOf('/')]).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>File name under <see cref="SourceDir"/>: the base name of the path on the host.</summary>
    public static string SourceName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
