using System.ComponentModel;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>The replication section of the configuration.</summary>
public sealed record ReplicationSettings(
    [property: Description("replication.failover of data replicasets: off, manual, election, supervised (or the Cartridge mode: stateful, eventual, disabled)."), OneOf(typeof(TopologyVocabulary), nameof(TopologyVocabulary.FailoverModes))] string Failover,
    [property: Description("replication.timeout: heartbeat period; a peer is dropped after 4 missed.")] double TimeoutSeconds,
    [property: Description("replication.connect_timeout.")] double ConnectTimeoutSeconds,
    [property: Description("replication.synchro_quorum; 0 when synchronous replication is not used.")] int SynchroQuorum,
    [property: Description("replication.synchro_timeout.")] double SynchroTimeoutSeconds,
    [property: Description("replication.election_timeout; 0 without election.")] double ElectionTimeoutSeconds,
    [property: Description("replication.election_fencing_mode: off, soft, strict; empty without election."), OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.FencingModes))] string ElectionFencingMode,
    [property: Description("replication.bootstrap_strategy: auto, config, supervised, legacy."), OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.BootstrapStrategies))] string BootstrapStrategy,
    [property: Description("True when every member of a data replicaset is writable (failover off, all rw).")] bool MasterMaster)
{
    /// <summary><c>replication.synchro_timeout</c> for a cluster over <paramref name="regions"/> sites: how long a
    /// synchronous commit may wait for its quorum before it is rolled back; a cross-site round trip needs more.</summary>
    public static double SynchroTimeoutFor(int regions) => regions > 1 ? 10.0 : 5.0;
}
