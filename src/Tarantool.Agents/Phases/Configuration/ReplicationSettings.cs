namespace Tarantool.Agents.Phases.Configuration;

/// <summary>The replication section of the configuration.</summary>
/// <param name="Failover"><c>replication.failover</c> of data replicasets: off, manual, election, supervised
/// (or the Cartridge mode: stateful, eventual, disabled).</param>
/// <param name="TimeoutSeconds"><c>replication.timeout</c>: heartbeat period; a peer is dropped after 4 missed.</param>
/// <param name="ConnectTimeoutSeconds"><c>replication.connect_timeout</c>.</param>
/// <param name="SynchroQuorum"><c>replication.synchro_quorum</c>; 0 when synchronous replication is not used.</param>
/// <param name="SynchroTimeoutSeconds"><c>replication.synchro_timeout</c>.</param>
/// <param name="ElectionTimeoutSeconds"><c>replication.election_timeout</c>; 0 without election.</param>
/// <param name="ElectionFencingMode"><c>replication.election_fencing_mode</c>: off, soft, strict; empty without election.</param>
/// <param name="BootstrapStrategy"><c>replication.bootstrap_strategy</c>: auto, config, supervised, legacy.</param>
/// <param name="MasterMaster">True when every member of a data replicaset is writable (failover off, all rw).</param>
public sealed record ReplicationSettings(
    string Failover,
    double TimeoutSeconds,
    double ConnectTimeoutSeconds,
    int SynchroQuorum,
    double SynchroTimeoutSeconds,
    double ElectionTimeoutSeconds,
    string ElectionFencingMode,
    string BootstrapStrategy,
    bool MasterMaster)
{
    /// <summary><c>replication.synchro_timeout</c> for a cluster over <paramref name="regions"/> sites: how long a
    /// synchronous commit may wait for its quorum before it is rolled back; a cross-site round trip needs more.</summary>
    public static double SynchroTimeoutFor(int regions) => regions > 1 ? 10.0 : 5.0;
}
