namespace Tarantool.Agents.Server.Runs;

/// <summary>A run's row. The JSON columns are written and read by the run service; the store keeps them as text.</summary>
/// <param name="SubmissionJson">The <see cref="RunSubmission"/> as given (re-resolved by intake when the run starts).</param>
/// <param name="RequestJson">The resolved request, as <c>bundle.json</c> holds it.</param>
/// <param name="PhasesJson">The <see cref="RunPhase"/> list.</param>
/// <param name="WarningsJson">The warning list.</param>
/// <param name="Owner">The instance holding the lease while running; null otherwise.</param>
/// <param name="CancelRequested">A cancel was asked while the run was running; its owner stops it.</param>
public sealed record StoredRun(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string SubmissionJson,
    string RequestJson,
    string Language,
    string PhasesJson,
    string WarningsJson,
    string? Error,
    string? ReusedFrom,
    string? Owner = null,
    DateTimeOffset? LeaseUntil = null,
    bool CancelRequested = false);
