using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>
/// Estimates how long an instance needs after a restart before it accepts connections: memtx reads the snapshot and
/// rebuilds indexes, then replays the WAL written since. The startup probe must outlast that, or the kubelet kills
/// the instance mid-recovery, again and again.
/// </summary>
public static class RecoveryEstimator
{
    /// <summary>Snapshot read plus secondary-index build on a cloud SSD, conservatively.</summary>
    public const double SnapshotMbPerSecond = 100;

    /// <summary>WAL replay applies rows one by one: slower than a sequential snapshot read.</summary>
    public const double WalMbPerSecond = 50;

    public const int ProcessStartSeconds = 30;
    public const int StartupPeriodSeconds = 10;
    public const double SafetyFactor = 1.5;
    public const int MinimumStartupSeconds = 300;

    public static ProbePlan Plan(CapacityPlan capacity)
    {
        var snapshotSeconds = capacity.SnapshotSizeGb * 1000 / SnapshotMbPerSecond;
        var walSeconds = capacity.WalSizeGb * 1000 / WalMbPerSecond;
        var estimate = (int)Math.Ceiling(snapshotSeconds + walSeconds + ProcessStartSeconds);
        var budget = Math.Max(MinimumStartupSeconds, estimate * SafetyFactor);
        var threshold = (int)Math.Ceiling(budget / StartupPeriodSeconds);
        return new ProbePlan
        {
            EstimatedRecoverySeconds = estimate,
            RecoveryFormula = $"{Figures.Number(capacity.SnapshotSizeGb)} GB snapshot × 1000 / {Figures.Number(SnapshotMbPerSecond, 0)} MB/s + " +
                              $"{Figures.Number(capacity.WalSizeGb)} GB WAL × 1000 / {Figures.Number(WalMbPerSecond, 0)} MB/s + {ProcessStartSeconds} s start = {estimate} s; " +
                              $"startup budget = max({MinimumStartupSeconds} s, {Figures.Number(SafetyFactor)} × {estimate} s) = {threshold * StartupPeriodSeconds} s",
            StartupPeriodSeconds = StartupPeriodSeconds,
            StartupFailureThreshold = threshold,
            LivenessPeriodSeconds = 10,
            LivenessFailureThreshold = 6,
            ReadinessPeriodSeconds = 5,
            ReadinessFailureThreshold = 3,
            ReadinessPath = PlatformNaming.MetricsPath,
            TerminationGraceSeconds = 60,
        };
    }
}
