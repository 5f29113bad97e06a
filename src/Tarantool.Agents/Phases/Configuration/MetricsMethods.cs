namespace Tarantool.Agents.Phases.Configuration;

/// <summary>Values of <see cref="MetricsExport.Method"/>.</summary>
public static class MetricsMethods
{
    /// <summary>The metrics-export-role rock (needs Tarantool 3.0.2+; used for 3.1 and newer targets).</summary>
    public const string MetricsExportRole = "roles.metrics-export";

    /// <summary>A bundled application role over the built-in metrics module and http.server (3.0 targets).</summary>
    public const string AppRole = "app.roles.metrics";

    /// <summary>The 2.11 init.lua starts the exporter itself.</summary>
    public const string InitLua = "init-lua";

    /// <summary>Cartridge's metrics role on the instance HTTP port.</summary>
    public const string Cartridge = "cartridge.roles.metrics";

    public static readonly IReadOnlyList<string> All = [MetricsExportRole, AppRole, InitLua, Cartridge];
}
