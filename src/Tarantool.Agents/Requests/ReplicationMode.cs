namespace Tarantool.Agents.Requests;

/// <summary>Whether a replicaset has one writable instance or several.</summary>
public enum ReplicationMode
{
    MasterSlave,
    MasterMaster,
}
