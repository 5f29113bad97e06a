using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.ClusterConfig;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>
/// Writes the <c>tarantool/</c> part of the bundle from the configuration decisions and the topology:
/// 3.x — config.yaml, instances.yml, tt.yaml (+ rockspec, app roles); 2.11 — init.lua, instances.yml, tt.yaml
/// (+ rockspec); Cartridge — init.lua, stateboard.init.lua, instances.yml, replicasets.yml, failover.yml, rockspec.
/// </summary>
public sealed class ClusterConfigurationRenderer : IArtifactRenderer<ClusterConfiguration>
{
    public const string ConfigYamlPath = "tarantool/config.yaml";
    public const string InstancesYmlPath = "tarantool/instances.yml";
    public const string TtYamlPath = "tarantool/tt.yaml";
    public const string InitLuaPath = "tarantool/init.lua";

    public IEnumerable<BundleFile> Render(ClusterConfiguration output, PhaseContext context)
    {
        var topology = context.Get<ClusterTopology>();
        var files = output.ConfigFormat switch
        {
            ConfigFormats.Cartridge => Cartridge(output, topology),
            ConfigFormats.BoxCfg => BoxCfg(output, topology),
            _ => Declarative(output, topology),
        };
        if (output.RockDependencies.Count > 0)
            files = files.Append(new BundleFile($"tarantool/{Rockspec.FileName(output.AppName)}", "rockspec", Rockspec.Render(output.AppName, output.RockDependencies)));
        return files;
    }

    private static IEnumerable<BundleFile> Declarative(ClusterConfiguration output, ClusterTopology topology)
    {
        yield return new BundleFile(ConfigYamlPath, "tarantool-config", TarantoolConfigYaml.Render(output, topology));
        yield return new BundleFile(InstancesYmlPath, "tt-instances", TtEnvironmentYaml.RenderInstancesYml(TtEnvironmentYaml.InstanceNames(topology)));
        yield return new BundleFile(TtYamlPath, "tt-config", TtEnvironmentYaml.RenderTtYaml(output.AppName));
        if (output.Metrics.Method == MetricsMethods.AppRole)
            yield return new BundleFile($"tarantool/{MetricsAppRoleLua.FilePath}", "lua", MetricsAppRoleLua.Render());
        if (output.AppRoles.Contains(VshardMetricsLua.RoleName))
            yield return new BundleFile($"tarantool/{VshardMetricsLua.FilePath}", "lua", VshardMetricsLua.RenderRole());
    }

    private static IEnumerable<BundleFile> BoxCfg(ClusterConfiguration output, ClusterTopology topology)
    {
        yield return new BundleFile(InitLuaPath, "lua", BoxCfgLua.Render(output, topology));
        yield return new BundleFile(InstancesYmlPath, "tt-instances", TtEnvironmentYaml.RenderInstancesYml(TtEnvironmentYaml.InstanceNames(topology)));
        yield return new BundleFile(TtYamlPath, "tt-config", TtEnvironmentYaml.RenderTtYaml(output.AppName));
    }

    private static IEnumerable<BundleFile> Cartridge(ClusterConfiguration output, ClusterTopology topology)
    {
        yield return new BundleFile(InitLuaPath, "lua", CartridgeLayout.RenderInitLua(output, topology));
        if (output.Replication.Failover == "stateful" && CartridgeLayout.StateboardUri(topology) is not null)
            yield return new BundleFile("tarantool/stateboard.init.lua", "lua", CartridgeLayout.RenderStateboardInitLua());
        yield return new BundleFile(InstancesYmlPath, "cartridge-instances", CartridgeLayout.RenderInstancesYml(output, topology));
        yield return new BundleFile("tarantool/replicasets.yml", "cartridge-replicasets", CartridgeLayout.RenderReplicasetsYml(output, topology));
        yield return new BundleFile("tarantool/failover.yml", "cartridge-failover", CartridgeLayout.RenderFailoverYml(output, topology));
    }
}
