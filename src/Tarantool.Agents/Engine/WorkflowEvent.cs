using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Engine;

/// <summary>Progress of a run, streamed to the CLI (and to any other consumer, e.g. an HTTP event stream).</summary>
public abstract record WorkflowEvent;

public sealed record PhaseStarted(int Id, string Key, string Name, string Agent) : WorkflowEvent;

/// <summary>An answer was rejected by validation and the model is asked to repair it.</summary>
public sealed record PhaseAnswerRejected(int Id, string Key, int Attempt, IReadOnlyList<ValidationIssue> Errors) : WorkflowEvent;

public sealed record PhaseCompleted(PhaseResult Result) : WorkflowEvent;

public sealed record PhaseFailed(PhaseResult Result) : WorkflowEvent;

public sealed record PhaseSkipped(PhaseResult Result) : WorkflowEvent;

public sealed record RunCompleted(WorkflowResult Result) : WorkflowEvent;
