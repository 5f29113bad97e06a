using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>
/// Sizes the probes from the recovery-time estimate (<see cref="RecoveryBudget"/>): the startup probe must outlast a
/// recovery, or the kubelet kills the instance mid-recovery, again and again; liveness stays lenient (a minute of
/// failures) so a long snapshot or transaction never gets a healthy leader killed.
/// </summary>
public static class RecoveryEstimator
{
    public const int StartupPeriodSeconds = RecoveryBudget.PeriodSeconds;

    public static ProbePlan Plan(CapacityPlan capacity) => new()
    {
        EstimatedRecoverySeconds = RecoveryBudget.EstimateSeconds(capacity),
        RecoveryFormula = RecoveryBudget.Formula(capacity),
        StartupPeriodSeconds = StartupPeriodSeconds,
        StartupFailureThreshold = RecoveryBudget.BudgetSeconds(capacity) / StartupPeriodSeconds,
        LivenessPeriodSeconds = 10,
        LivenessFailureThreshold = 6,
        ReadinessPeriodSeconds = 5,
        ReadinessFailureThreshold = 3,
        ReadinessPath = PlatformNaming.MetricsPath,
        TerminationGraceSeconds = 60,
    };
}
