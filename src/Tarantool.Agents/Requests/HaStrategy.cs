namespace Tarantool.Agents.Requests;

/// <summary>How a failed leader is replaced.</summary>
public enum HaStrategy
{
    /// <summary>An operator switches the leader by hand (<c>replication.failover: manual</c>).</summary>
    PassiveFailover,

    /// <summary>Automatic leader election (Raft) inside each replicaset.</summary>
    ActiveFailover,

    /// <summary>Election with voters and candidates spread over sites, surviving the loss of a site.</summary>
    DistributedHa,
}
