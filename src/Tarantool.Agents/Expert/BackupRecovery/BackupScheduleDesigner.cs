using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Decides how often snapshots, full backups, WAL shipments and restore rehearsals happen. The rules: the
/// checkpoint daemon should be busy at most a tenth of the time; after restoring the newest full backup, native
/// replay of the xlogs since must fit a budget (15 min in production, 30 min in staging); WAL is shipped every
/// minute in production and every five minutes in staging; development keeps only daily backups.
/// </summary>
public static class BackupScheduleDesigner
{
    public const int ProductionArchiveIntervalSeconds = 60;
    public const int StagingArchiveIntervalSeconds = 300;

    /// <summary>Shipping more often than this costs more in uploads and object-store requests than it saves: below it,
    /// only synchronous replication lowers the data a failure can lose.</summary>
    public const int MinimumArchiveIntervalSeconds = 10;
    public const int ProductionReplayBudgetSeconds = 900;
    public const int StagingReplayBudgetSeconds = 1800;

    /// <summary>Above this snapshot size a daily restore rehearsal costs too much; rehearse weekly.</summary>
    public const double DailyVerificationMaxSnapshotGb = 50;

    private static readonly int[] PeriodCandidatesHours = [24, 12, 6, 4, 2, 1];

    public static BackupSchedule Design(ClusterRequest request, CapacityPlan capacity)
    {
        var snapshotWriteSeconds = capacity.SnapshotSizeGb * 1000 / RecoveryRates.SnapshotWriteMBps;
        // The capacity plan chose the interval (its WAL estimate rests on it); the backup plan keeps it, not a second guess.
        var interval = capacity.SnapshotIntervalSeconds;
        var walSize = Math.Max((long)(capacity.WalSizeGb * 1e9), 256L * 1024 * 1024);

        var archiveInterval = ArchiveInterval(request);
        var budget = request.Environment switch
        {
            DeploymentEnvironment.Production => ProductionReplayBudgetSeconds,
            DeploymentEnvironment.Staging => StagingReplayBudgetSeconds,
            _ => 0,
        };

        var period = 24;
        if (budget > 0)
        {
            // Shorter periods only help while they are not shorter than the snapshot interval.
            var candidates = PeriodCandidatesHours.Where(h => h * 3600 >= interval).ToList();
            period = candidates.FirstOrDefault(h => ReplayRows(capacity, h, interval) / RecoveryRates.NativeReplayRowsPerSecond <= budget, candidates.LastOrDefault(24));
        }

        var verification = request.Environment switch
        {
            DeploymentEnvironment.Production when capacity.SnapshotSizeGb <= DailyVerificationMaxSnapshotGb => "30 4 * * *",
            DeploymentEnvironment.Development => "0 6 1 * *",
            _ => "30 4 * * 0",
        };

        return new BackupSchedule(interval, walSize, archiveInterval > 0, archiveInterval, period, CronFor(period), verification,
            snapshotWriteSeconds, ReplayRows(capacity, period, interval), budget);
    }

    /// <summary>
    /// How often WAL is shipped: the environment's default (every minute in production, five in staging, never in
    /// development), shortened to the request's RPO target when it asks for less, but never below
    /// <see cref="MinimumArchiveIntervalSeconds"/>; a development cluster with an RPO target under a day ships WAL too.
    /// </summary>
    public static int ArchiveInterval(ClusterRequest request)
    {
        var interval = request.Environment switch
        {
            DeploymentEnvironment.Production => ProductionArchiveIntervalSeconds,
            DeploymentEnvironment.Staging => StagingArchiveIntervalSeconds,
            _ => 0,
        };
        if (request.RpoSeconds is not { } target) return interval;
        if (interval == 0 && target >= 86400) return 0;
        return Math.Clamp(target, MinimumArchiveIntervalSeconds, interval == 0 ? StagingArchiveIntervalSeconds : interval);
    }

    /// <summary>Rows one replicaset wrote since the checkpoint the newest full backup holds: up to one backup period plus one
    /// snapshot interval (the backup copies the last checkpoint, which may already be that old).</summary>
    public static double ReplayRows(CapacityPlan capacity, int periodHours, int snapshotIntervalSeconds) =>
        WritesPerReplicaset(capacity) * (periodHours * 3600 + snapshotIntervalSeconds);

    /// <summary>Each replicaset replays only its own xlogs: the workload's writes are spread over the shards.</summary>
    public static double WritesPerReplicaset(CapacityPlan capacity) => (double)capacity.WriteRps / Math.Max(1, capacity.StorageReplicasets);

    /// <summary>Quarter past the hour, away from the top-of-the-hour crowd of other jobs.</summary>
    public static string CronFor(int periodHours) => periodHours switch
    {
        24 => "15 1 * * *",
        12 => "15 1,13 * * *",
        1 => "15 * * * *",
        _ => $"15 */{periodHours} * * *",
    };
}
