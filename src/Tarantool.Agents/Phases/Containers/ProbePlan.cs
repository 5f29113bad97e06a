namespace Tarantool.Agents.Phases.Containers;

/// <summary>Probes (Kubernetes), healthchecks (Compose) and start timeouts (systemd), sized from recovery time.</summary>
public sealed record ProbePlan
{
    /// <summary>Estimated seconds to recover the largest instance from its snapshot and WAL after a restart.</summary>
    public required int EstimatedRecoverySeconds { get; init; }

    /// <summary>How the estimate was computed, with the formula and its inputs.</summary>
    public required string RecoveryFormula { get; init; }

    /// <summary>Startup probe (TCP connect to iproto) period in seconds.</summary>
    public required int StartupPeriodSeconds { get; init; }

    /// <summary>Startup probe failure threshold: period × threshold must exceed the recovery estimate.</summary>
    public required int StartupFailureThreshold { get; init; }

    /// <summary>Liveness probe (TCP connect to iproto) period in seconds.</summary>
    public required int LivenessPeriodSeconds { get; init; }

    public required int LivenessFailureThreshold { get; init; }

    /// <summary>Readiness probe (HTTP GET on the metrics endpoint, served by the TX thread) period in seconds.</summary>
    public required int ReadinessPeriodSeconds { get; init; }

    public required int ReadinessFailureThreshold { get; init; }

    /// <summary>Path the readiness probe requests on the metrics port, e.g. <c>/metrics</c>.</summary>
    public required string ReadinessPath { get; init; }

    /// <summary>Seconds Kubernetes/systemd wait for a graceful stop before killing the process.</summary>
    public required int TerminationGraceSeconds { get; init; }
}
