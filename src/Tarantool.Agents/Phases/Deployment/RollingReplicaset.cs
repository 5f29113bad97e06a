namespace Tarantool.Agents.Phases.Deployment;

/// <summary>How one replicaset is restarted during a rolling update.</summary>
/// <param name="Replicaset">The replicaset name.</param>
/// <param name="Order">Every instance of the replicaset once, in restart order; the leader is last.</param>
/// <param name="Leader">The leader restarted last; empty when the replicaset has no single leader (one instance with
/// nobody to switch to keeps its name here; master-master replicasets leave it empty).</param>
/// <param name="SwitchoverTo">The instance that leads while the leader restarts; empty when there is none.</param>
/// <param name="SwitchoverMethod">How the lead moves: <c>promote</c> (box.ctl.promote() on the candidate, election),
/// <c>config-leader</c> (change <c>leader:</c> in config.yaml and reload, 3.x manual failover),
/// <c>read-only-window</c> (2.11 manual failover: leader set read-only while it restarts), <c>failover-promote</c>
/// (Cartridge stateful failover), <c>failover-priority</c> (Cartridge eventual/disabled failover), or <c>none</c>
/// (single instance or master-master).</param>
public sealed record RollingReplicaset(string Replicaset, IReadOnlyList<string> Order, string Leader, string SwitchoverTo, string SwitchoverMethod);
