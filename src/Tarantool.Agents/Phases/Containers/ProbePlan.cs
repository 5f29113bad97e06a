using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>Probes (Kubernetes), healthchecks (Compose) and start timeouts (systemd), sized from recovery time.</summary>
public sealed record ProbePlan
{
    [Description("Estimated seconds to recover the largest instance from its snapshot and WAL after a restart.")]
    public required int EstimatedRecoverySeconds { get; init; }

    [Description("How the estimate was computed, with the formula and its inputs.")]
    public required string RecoveryFormula { get; init; }

    [Description("Startup probe (TCP connect to iproto) period in seconds.")]
    public required int StartupPeriodSeconds { get; init; }

    [Description("Startup probe failure threshold: period × threshold must exceed the recovery estimate.")]
    public required int StartupFailureThreshold { get; init; }

    [Description("Liveness probe (TCP connect to iproto) period in seconds.")]
    public required int LivenessPeriodSeconds { get; init; }

    [Description("Liveness probe failures before a restart.")]

    public required int LivenessFailureThreshold { get; init; }

    [Description("Readiness probe (HTTP GET on the metrics endpoint, served by the TX thread) period in seconds.")]
    public required int ReadinessPeriodSeconds { get; init; }

    [Description("Readiness probe failures before the pod leaves its Services.")]

    public required int ReadinessFailureThreshold { get; init; }

    [Description("Path the readiness probe requests on the metrics port, e.g. /metrics.")]
    public required string ReadinessPath { get; init; }

    [Description("Seconds Kubernetes/systemd wait for a graceful stop before killing the process.")]
    public required int TerminationGraceSeconds { get; init; }
}
