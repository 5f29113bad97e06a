namespace Tarantool.Agents.Phases.Replication;

/// <param name="Name">The replicaset name, as in the topology.</param>
/// <param name="Topology"><c>full-mesh</c> (every member replicates from every other), or <c>single</c> for a
/// one-instance replicaset.</param>
/// <param name="Mode"><c>synchronous</c> (quorum-confirmed transactions under election), <c>asynchronous</c>, or
/// <c>none</c> for a single instance.</param>
/// <param name="SynchroQuorum">Confirmations a synchronous transaction waits for; 0 when asynchronous.</param>
/// <param name="MultiMaster">True when several members accept writes.</param>
/// <param name="Writers">Instances expected to accept writes (the leader, every master, or empty when an election decides).</param>
/// <param name="Instances">Each member with the upstreams it replicates from.</param>
/// <param name="AnonymousReplicas">Members configured with <c>replication.anon</c>; empty when none.</param>
public sealed record ReplicasetReplication(
    string Name,
    string Topology,
    string Mode,
    int SynchroQuorum,
    bool MultiMaster,
    IReadOnlyList<string> Writers,
    IReadOnlyList<InstanceUpstreams> Instances,
    IReadOnlyList<string> AnonymousReplicas);
