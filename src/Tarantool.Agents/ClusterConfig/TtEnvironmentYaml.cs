using Tarantool.Agents.Phases.Topology;
using static Tarantool.Agents.ClusterConfig.YamlBuilder;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// The tt files of the bundle. The bundle's <c>tarantool/</c> directory is both the tt environment and the
/// application: tt.yaml says <c>instances_enabled: .</c>, which tt treats as "the directory holding tt.yaml is the
/// application" when it contains config.yaml/instances.yml/init.lua; the application name is that directory's name,
/// so the directory is installed as <c>/opt/tarantool/&lt;cluster&gt;</c>.
/// </summary>
public static class TtEnvironmentYaml
{
    /// <summary>
    /// tt.yaml: the tt environment (runtime, log and data directories relative to the app directory). Only keys of
    /// tt's <c>cli/config.CliOpts</c> are written: tt decodes the file without rejecting unknown keys, so anything else
    /// (like the <c>log_max*</c> rotation keys tt 2.0 removed) would be silently ignored.
    /// </summary>
    public static string RenderTtYaml(string appName) => YamlText.Write(
        Map(
            ("env", Map(
                ("instances_enabled", Str(".")),
                ("bin_dir", Str("bin")),
                ("inc_dir", Str("include")),
                ("restart_on_failure", Bool(false)),
                ("tarantoolctl_layout", Bool(false)))),
            ("app", Map(
                ("run_dir", Str("var/run")),
                ("log_dir", Str("var/log")),
                ("wal_dir", Str("var/lib")),
                ("memtx_dir", Str("var/lib")),
                ("vinyl_dir", Str("var/lib")))),
            ("modules", Map(("directory", Str("modules")))),
            ("repo", Map(("rocks", Str("")), ("distfiles", Str("distfiles"))))),
        $"tt environment of the '{appName}' application. Install this directory as /opt/tarantool/{appName}\n" +
        "(the directory name is the application name) and run tt commands from it.\n" +
        "Service supervision (restarts) is left to systemd or Kubernetes, hence restart_on_failure: false.");

    /// <summary>instances.yml: every instance tt starts on this host set (all of them; deployment narrows it per host).</summary>
    public static string RenderInstancesYml(IEnumerable<string> instanceNames)
    {
        var map = Map();
        foreach (var name in instanceNames) map.Set(name, Empty());
        return YamlText.Write(map, "Instances of the application; tt starts them as <app>:<instance>.");
    }

    public static IEnumerable<string> InstanceNames(ClusterTopology topology) =>
        topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")).SelectMany(r => r.Instances).Select(i => i.Name);
}
