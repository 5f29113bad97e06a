using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>How one replicaset is restarted during a rolling update.</summary>
public sealed record RollingReplicaset(
    [property: Description("The replicaset name.")] string Replicaset,
    [property: Description("Every instance of the replicaset once, in restart order; the leader is last.")] IReadOnlyList<string> Order,
    [property: Description("The leader restarted last; empty when the replicaset has no single leader (one instance with nobody to switch to keeps its name here; master-master replicasets leave it empty).")] string Leader,
    [property: Description("The instance that leads while the leader restarts; empty when there is none.")] string SwitchoverTo,
    [property: Description("How the lead moves: promote (box.ctl.promote() on the candidate, election), config-leader (change leader: in config.yaml and reload, 3.x manual failover), read-only-window (2.11 manual failover: leader set read-only while it restarts), failover-promote (Cartridge stateful failover), failover-priority (Cartridge eventual/disabled failover), or none (single instance or master-master)."), OneOf(typeof(SwitchoverMethods), nameof(SwitchoverMethods.All))] string SwitchoverMethod);
