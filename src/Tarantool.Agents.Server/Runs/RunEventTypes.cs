namespace Tarantool.Agents.Server.Runs;

/// <summary>The <see cref="RunEvent.Type"/>s: the engine's events plus the run's own.</summary>
public static class RunEventTypes
{
    /// <summary>Accepted and waiting for a free slot; also when a stopping server hands the run back to the queue.</summary>
    public const string RunQueued = "run.queued";

    /// <summary>An instance started (or, after a restart, resumed) the run.</summary>
    public const string RunStarted = "run.started";

    public const string PhaseStarted = "phase.started";
    public const string PhaseAnswerRejected = "phase.answer_rejected";
    public const string PhaseCompleted = "phase.completed";
    public const string PhaseFailed = "phase.failed";
    public const string PhaseSkipped = "phase.skipped";
    public const string RunSucceeded = "run.succeeded";
    public const string RunFailed = "run.failed";
    public const string RunCancelled = "run.cancelled";

    /// <summary>True for the last event of a run.</summary>
    public static bool IsFinal(string type) => type is RunSucceeded or RunFailed or RunCancelled;
}
