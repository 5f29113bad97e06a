namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Throughputs and delays the recovery-time estimates rest on. Conservative figures for commodity cloud VMs with
/// SSD volumes; the narrative states them so an operator can substitute measured ones.
/// </summary>
public static class RecoveryRates
{
    /// <summary>Download from object storage to one VM (multi-part, one stream per file).</summary>
    public const double ObjectStorageMBps = 200;

    /// <summary>Copy from an NFS share over a 1 Gbit/s link.</summary>
    public const double NfsMBps = 100;

    /// <summary>memtx snapshot recovery: read the .snap and build primary and secondary indexes.</summary>
    public const double SnapshotLoadMBps = 150;

    /// <summary>Writing a snapshot to an SSD volume, which bounds how often the checkpoint daemon should run.</summary>
    public const double SnapshotWriteMBps = 200;

    /// <summary>Rows per second replayed by native WAL recovery at start-up.</summary>
    public const double NativeReplayRowsPerSecond = 100_000;

    /// <summary>Rows per second tt play pushes through iproto into an instance.</summary>
    public const double TtPlayRowsPerSecond = 20_000;

    /// <summary>Initial join of a replica from its leader over a 1 Gbit/s link.</summary>
    public const double ReplicaJoinMBps = 100;

    /// <summary>xlog bytes per written row on top of the tuple: header, key, MsgPack framing.</summary>
    public const double XlogOverheadFactor = 1.3;

    /// <summary>Replacement VM from an image, disk attached, tt environment deployed.</summary>
    public const int VmProvisionSeconds = 600;

    /// <summary>A StatefulSet pod rescheduled with a fresh PersistentVolumeClaim.</summary>
    public const int PodProvisionSeconds = 180;

    /// <summary>From the page to an operator running the first command.</summary>
    public const int OperatorReactionSeconds = 300;

    /// <summary>replication_timeout; a peer is declared dead after four of them without a heartbeat.</summary>
    public const double ReplicationTimeoutSeconds = 1;

    /// <summary>Clients and vshard routers noticing the new master (discovery, reconnect, retry).</summary>
    public const int ClientRediscoverySeconds = 10;

    /// <summary>Cartridge failover_timeout default, after which the coordinator appoints a new leader.</summary>
    public const int CartridgeFailoverTimeoutSeconds = (int)ClusterConfig.CartridgeLayout.FailoverTimeoutSeconds;
}
