namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// Runs of the ten phases, kept in a store and executed in the background: what the runs API, chat, MCP and the page
/// use to start a run, follow it and fetch its bundle.
/// </summary>
public interface IRunService
{
    /// <summary>
    /// Validates like <c>POST /v1/runs</c> and queues the run. Throws <see cref="RunInputException"/> naming the field
    /// on bad input, and then nothing is created.
    /// </summary>
    Task<RunInfo> SubmitAsync(RunSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The run, or null when there is no run with this id.</summary>
    Task<RunInfo?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Runs newest first; <paramref name="after"/> is the last id of the previous page.</summary>
    /// <exception cref="RunInputException"><paramref name="limit"/> is outside 1-100 or <paramref name="after"/> is no run's id.</exception>
    Task<RunPage> ListAsync(int limit, string? after, CancellationToken cancellationToken = default);

    /// <summary>
    /// The run's events after <paramref name="afterSequence"/>: the past ones first, then live ones, ending after the
    /// run's final event (<c>run.succeeded</c>, <c>run.failed</c> or <c>run.cancelled</c>). Empty for an unknown id.
    /// </summary>
    IAsyncEnumerable<RunEvent> WatchAsync(string id, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a queued or running run (a running one stops at once and keeps its checkpoints). False when the run is
    /// unknown or already finished.
    /// </summary>
    Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The bundle folder of a finished run that wrote one (succeeded or failed), for files, zip, page and MCP resources;
    /// null while the run is queued or running, when it was cancelled, or when the id is unknown.
    /// </summary>
    Task<string?> BundlePathAsync(string id, CancellationToken cancellationToken = default);
}
