namespace Tarantool.Agents.Phases.Configuration;

/// <summary>Values of <see cref="ClusterConfiguration.ConfigFormat"/>.</summary>
public static class ConfigFormats
{
    public const string Declarative = "declarative";
    public const string BoxCfg = "box-cfg";
    public const string Cartridge = "cartridge";

    public static readonly IReadOnlyList<string> All = [Declarative, BoxCfg, Cartridge];
}
