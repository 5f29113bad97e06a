using System.Globalization;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// The Lua that playbooks and scripts pipe into <c>tt connect &lt;app&gt;:&lt;instance&gt; -f -</c>. Each returns a marker
/// word the caller greps for, because tt prints results as YAML whatever the outcome.
/// </summary>
public static class LuaSnippets
{
    public const string HealthyMarker = "healthy";
    public const string LeaderMarker = "role:leader";
    public const string ReplicaMarker = "role:replica";
    public const string PromotedMarker = "promoted";
    public const string ReloadedMarker = "reloaded";
    public const string ReadOnlyMarker = "read-only";

    /// <summary>Running, every upstream following with lag under the limit, and (3.x) the config applied.</summary>
    public static string Health(TarantoolTooling tooling, string maxLag)
    {
        var config = tooling == TarantoolTooling.DeclarativeConfig
            ? "\nlocal cs = require('config'):info().status\nif cs ~= 'ready' and cs ~= 'check_warnings' then ok = false end"
            : "";
        return "local ok = box.info.status == 'running'" + config
            + "\nfor _, r in pairs(box.info.replication) do\n  if r.upstream ~= nil and (r.upstream.status ~= 'follow' or (r.upstream.lag or 0) > "
            + maxLag + ") then ok = false end\nend\nreturn ok and 'healthy' or 'degraded'";
    }

    public static string Health(TarantoolTooling tooling, double maxLagSeconds) =>
        Health(tooling, maxLagSeconds.ToString("0.###", CultureInfo.InvariantCulture));

    public const string Role = "return box.info.ro and 'role:replica' or 'role:leader'";

    public const string Promote = "local ok, err = pcall(box.ctl.promote) return ok and 'promoted' or ('failed: ' .. tostring(err))";

    public const string Reload = "require('config'):reload() return 'reloaded ' .. require('config'):info().status";

    public const string ReadOnly = "box.cfg{read_only = true} return 'read-only'";

    /// <summary>Cartridge stateful failover: make the named instance the leader of its replicaset.</summary>
    public static string CartridgePromote(string instanceExpression) =>
        "local cartridge = require('cartridge')\nlocal target\nfor _, s in pairs(cartridge.admin_get_servers()) do\n  if s.alias == "
        + instanceExpression + " then target = s end\nend\nif target == nil then return 'failed: unknown instance' end"
        + "\nlocal ok, err = cartridge.failover_promote({[target.replicaset.uuid] = target.uuid})\nreturn ok and 'promoted' or ('failed: ' .. tostring(err))";

    /// <summary>vshard bootstrap that is safe to repeat (vshard 0.1.18+).</summary>
    public const string VshardBootstrap =
        "local ok, err = vshard.router.bootstrap({if_not_bootstrapped = true}) return (ok or err == nil) and 'bootstrapped' or ('failed: ' .. tostring(err))";
}
