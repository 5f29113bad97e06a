// TEMPORARY: a copy of the IRunService seam from service.md (the runs branch owns it in Runs/), so the chat compiles
// and is tested before runs-api-ready is merged. Deleted by the merge commit.
using System.Text.Json;
using Tarantool.Agents.Bundle;

namespace Tarantool.Agents.Server.Runs;

public interface IRunService
{
    Task<RunInfo> SubmitAsync(RunSubmission submission, CancellationToken cancellationToken = default);
    Task<RunInfo?> GetAsync(string id, CancellationToken cancellationToken = default);
    IAsyncEnumerable<RunEvent> WatchAsync(string id, long afterSequence = 0, CancellationToken cancellationToken = default);
    Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default);
    Task<string?> BundlePathAsync(string id, CancellationToken cancellationToken = default);
}

public sealed record RunSubmission(IReadOnlyDictionary<string, string> Parameters, string Description, string? Language = null, string? ReuseFrom = null);

public sealed record RunInfo(
    string Id, string Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, JsonElement Request,
    string Language, IReadOnlyList<RunPhase> Phases, IReadOnlyList<RunWarning> Warnings, string? Error, string? ReusedFrom);

public sealed record RunEvent(long Sequence, string Type, JsonElement Data);

public sealed record RunPhase(int Id, string Key, string Name, string Status, int Attempts, bool Reused, RunUsage Usage, string? Reason = null);

public sealed record RunUsage(int Calls, long InputTokens, long OutputTokens);

public static class RunStatus
{
    public const string Succeeded = "succeeded";
}

public static class RunEventTypes
{
    public const string RunQueued = "run.queued";
    public const string RunStarted = "run.started";
    public const string PhaseStarted = "phase.started";
    public const string PhaseAnswerRejected = "phase.answer_rejected";
    public const string PhaseCompleted = "phase.completed";
    public const string PhaseFailed = "phase.failed";
    public const string PhaseSkipped = "phase.skipped";
    public const string RunSucceeded = "run.succeeded";
    public const string RunFailed = "run.failed";
    public const string RunCancelled = "run.cancelled";
}

public sealed class RunInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
