namespace Tarantool.Agents.Phases.Containers;

/// <summary>How instances receive their Tarantool configuration (<see cref="OrchestrationPlan.ConfigDelivery"/>).</summary>
public static class ConfigDelivery
{
    public const string ConfigYaml = "config-yaml";
    public const string LuaLayout = "lua-layout";
    public const string Cartridge = "cartridge";

    public static readonly IReadOnlyList<string> All = [ConfigYaml, LuaLayout, Cartridge];

    public static string For(Requests.ClusterRequest request) =>
        request.ClusterType == Requests.ClusterType.Cartridge ? Cartridge
        : request.IsDeclarativeConfig ? ConfigYaml
        : LuaLayout;
}
