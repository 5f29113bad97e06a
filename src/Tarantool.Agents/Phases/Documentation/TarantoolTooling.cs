namespace Tarantool.Agents.Phases.Documentation;

/// <summary>How the cluster is configured and driven, which decides every command an operator types.</summary>
public enum TarantoolTooling
{
    /// <summary>Tarantool 3.x: declarative <c>config.yaml</c>, <c>tt</c>, <c>config:reload()</c>.</summary>
    DeclarativeConfig,

    /// <summary>Tarantool 2.11: <c>box.cfg</c> in per-instance Lua files started by <c>tt</c>.</summary>
    BoxCfg,

    /// <summary>Cartridge on 2.11: cluster-wide config managed by Cartridge, <c>tt cartridge</c> commands.</summary>
    Cartridge,
}
