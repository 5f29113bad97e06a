using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>Which <see cref="SwitchoverMethods"/> value fits a replicaset, given the tooling and the failover mode.</summary>
public static class SwitchoverPolicy
{
    public static string MethodFor(TarantoolTooling tooling, string failoverMode, Replicaset replicaset)
    {
        var leader = ReplicasetRoles.PreferredLeader(replicaset, failoverMode);
        if (leader is null || ReplicasetRoles.SwitchoverCandidate(replicaset, failoverMode, leader) is null) return SwitchoverMethods.None;
        if (tooling == TarantoolTooling.Cartridge)
            return failoverMode == "stateful" ? SwitchoverMethods.FailoverPromote : SwitchoverMethods.FailoverPriority;
        return failoverMode switch
        {
            ReplicasetRoles.Election => SwitchoverMethods.Promote,
            ReplicasetRoles.Manual or "supervised" when tooling == TarantoolTooling.DeclarativeConfig => SwitchoverMethods.ConfigLeader,
            _ => SwitchoverMethods.ReadOnlyWindow,
        };
    }

    /// <summary>True when the lead is moved back to the declared leader after it restarted, so that the hosts'
    /// configuration keeps matching the bundle (config leader, Cartridge failover priority).</summary>
    public static bool SwitchesBack(string method) => method is SwitchoverMethods.ConfigLeader or SwitchoverMethods.FailoverPriority;
}
