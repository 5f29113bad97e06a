using Tarantool.Agents.Phases.BackupRecovery;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>Scenario ids with an automated drill, and failure keys beyond the backup plan's.</summary>
public static class DrScenarioIds
{
    public const string InstanceFailure = "instance-failure";
    public const string LeaderFailover = "leader-failover";
    public const string ManualSwitchover = "manual-switchover";
    public const string NetworkPartition = "network-partition";
    public const string PointInTimeRestore = "point-in-time-restore";
    public const string BackupRestore = "backup-restore";
    public const string ReplicasetRestore = "replicaset-restore";
    public const string SiteLoss = "site-loss";
    public const string RouterFailure = "router-failure";

    /// <summary>Failure key of a network partition (not a restore procedure: nothing is restored).</summary>
    public const string NetworkPartitionFailure = "network-partition";

    /// <summary>Failure key of a crash of a single instance that restarts from its own files.</summary>
    public const string InstanceCrashFailure = "instance-crash";

    public static readonly IReadOnlyList<string> KnownFailures = [.. RecoveryFailures.Known, NetworkPartitionFailure, InstanceCrashFailure];
}
