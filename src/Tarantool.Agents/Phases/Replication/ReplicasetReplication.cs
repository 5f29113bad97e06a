using System.ComponentModel;

namespace Tarantool.Agents.Phases.Replication;

public sealed record ReplicasetReplication(
    [property: Description("The replicaset name, as in the topology.")] string Name,
    [property: Description("full-mesh (every member replicates from every other), or single for a one-instance replicaset."), OneOf(typeof(ReplicationPlanValidator), nameof(ReplicationPlanValidator.Topologies))] string Topology,
    [property: Description("synchronous (quorum-confirmed transactions under election), asynchronous, or none for a single instance."), OneOf(typeof(ReplicationPlanValidator), nameof(ReplicationPlanValidator.Modes))] string Mode,
    [property: Description("Confirmations a synchronous transaction waits for; 0 when asynchronous.")] int SynchroQuorum,
    [property: Description("True when several members accept writes.")] bool MultiMaster,
    [property: Description("Instances expected to accept writes (the leader, every master, or empty when an election decides).")] IReadOnlyList<string> Writers,
    [property: Description("Each member with the upstreams it replicates from.")] IReadOnlyList<InstanceUpstreams> Instances,
    [property: Description("Members configured with replication.anon; empty when none.")] IReadOnlyList<string> AnonymousReplicas);
