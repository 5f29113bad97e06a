using System.Globalization;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>
/// How long the largest instance needs after a restart before it serves: memtx reads the snapshot and rebuilds its
/// indexes, then replays the WAL written since. One estimate from the capacity plan drives every wait that must
/// outlast a recovery — the Kubernetes startup probe, the image's and Compose's healthcheck start period, systemd's
/// <c>TimeoutStartSec</c> and the deploy scripts' <c>START_TIMEOUT</c> — so none of them kills or gives up on an
/// instance that is still recovering while another waits much longer.
/// </summary>
public static class RecoveryBudget
{
    /// <summary>Snapshot read plus secondary-index build on a cloud SSD, conservatively.</summary>
    public const double SnapshotMbPerSecond = 100;

    /// <summary>WAL replay applies rows one by one: slower than a sequential snapshot read.</summary>
    public const double WalMbPerSecond = 50;

    /// <summary>Process start, config, connecting to peers.</summary>
    public const int ProcessStartSeconds = 30;

    /// <summary>The budget is this multiple of the estimate: the rates above are typical, not worst cases.</summary>
    public const double SafetyFactor = 1.5;

    /// <summary>No budget is shorter: small instances still wait for peers and elections.</summary>
    public const int MinimumSeconds = 300;

    /// <summary>Probes are spaced by this many seconds, so the budget is a whole number of periods.</summary>
    public const int PeriodSeconds = 10;

    /// <summary>Seconds to recover the largest instance: snapshot at <see cref="SnapshotMbPerSecond"/>, WAL at
    /// <see cref="WalMbPerSecond"/>, plus <see cref="ProcessStartSeconds"/>.</summary>
    public static int EstimateSeconds(CapacityPlan capacity) =>
        (int)Math.Ceiling(capacity.SnapshotSizeGb * 1000 / SnapshotMbPerSecond + capacity.WalSizeGb * 1000 / WalMbPerSecond + ProcessStartSeconds);

    /// <summary>The start budget: max(<see cref="MinimumSeconds"/>, <see cref="SafetyFactor"/> × estimate), rounded
    /// up to whole <see cref="PeriodSeconds"/>.</summary>
    public static int BudgetSeconds(CapacityPlan capacity)
    {
        var budget = Math.Max(MinimumSeconds, EstimateSeconds(capacity) * SafetyFactor);
        return (int)Math.Ceiling(budget / PeriodSeconds) * PeriodSeconds;
    }

    /// <summary>The formula with its inputs, for narratives and comments.</summary>
    public static string Formula(CapacityPlan capacity) => Formula(capacity, Language.En);

    /// <summary>The formula in a narrative's language: Russian words, units and decimal commas in Russian prose.</summary>
    public static string Formula(CapacityPlan capacity, Language language)
    {
        var estimate = EstimateSeconds(capacity);
        return language == Language.Ru
            ? $"снимок {Figures.Number(capacity.SnapshotSizeGb, 2, language)} ГБ × 1000 / {Figures.Integer((long)SnapshotMbPerSecond)} МБ/с + WAL {Figures.Number(capacity.WalSizeGb, 2, language)} ГБ × 1000 / {Figures.Integer((long)WalMbPerSecond)} МБ/с + запуск {ProcessStartSeconds} с = {estimate} с; " +
              $"бюджет запуска = max({MinimumSeconds} с, {Figures.Number(SafetyFactor, 1, language)} × {estimate} с) = {BudgetSeconds(capacity)} с"
            : string.Create(CultureInfo.InvariantCulture,
                $"{capacity.SnapshotSizeGb:0.##} GB snapshot × 1000 / {SnapshotMbPerSecond:0} MB/s + {capacity.WalSizeGb:0.##} GB WAL × 1000 / {WalMbPerSecond:0} MB/s + {ProcessStartSeconds} s start = {estimate} s; " +
                $"start budget = max({MinimumSeconds} s, {SafetyFactor:0.#} × {estimate} s) = {BudgetSeconds(capacity)} s");
    }
}
