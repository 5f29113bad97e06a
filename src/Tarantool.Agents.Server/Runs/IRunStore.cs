namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// Where runs and their events live (SQLite in the data dir, or PostgreSQL shared by several instances). The store
/// keeps the run's state and ordering; the executor decides what happens. Contract every implementation keeps:
/// <list type="bullet">
/// <item>Every method is safe to call concurrently, from several threads and (for a shared store) several processes.</item>
/// <item>A run's events have sequences 1..n without gaps or duplicates; <see cref="CreateAsync"/> writes event 1.</item>
/// <item>A status change and the event that announces it are written in one transaction
/// (<see cref="UpdateAsync"/>), so a reader that sees a final status also finds the final event.</item>
/// <item>At most one instance holds a run's lease at a time: <see cref="ClaimNextAsync"/> is atomic, and a lease
/// that its owner stopped renewing expires at <see cref="StoredRun.LeaseUntil"/>, after which another instance may
/// claim the run again.</item>
/// <item>Times are UTC and are given by the caller (its <see cref="TimeProvider"/>), never read from the database clock.</item>
/// </list>
/// </summary>
public interface IRunStore
{
    /// <summary>
    /// Creates the schema if needed. Called once before anything else; a store that knows it is the only user of its
    /// database (SQLite in a locked data dir) also expires every lease left by a killed process here.
    /// </summary>
    /// <exception cref="RunStoreException">The store cannot be opened (locked by another server, unreachable, ...).</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a new run (status <c>queued</c>) and its first event, <c>run.queued</c>, with sequence 1.</summary>
    Task CreateAsync(StoredRun run, string queuedEventData, CancellationToken cancellationToken = default);

    /// <summary>The run, or null.</summary>
    Task<StoredRun?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> runs, newest (last created) first, starting after the run
    /// <paramref name="after"/> (exclusive; null for the first page; an unknown id gives an empty list).
    /// </summary>
    Task<IReadOnlyList<StoredRun>> ListAsync(int limit, string? after, CancellationToken cancellationToken = default);

    /// <summary>Appends an event with the next sequence and returns it.</summary>
    Task<RunEvent> AppendEventAsync(string id, string type, string data, CancellationToken cancellationToken = default);

    /// <summary>The run's events with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<RunEvent>> ReadEventsAsync(string id, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the run's new state and, when <see cref="RunUpdate.EventType"/> is set, appends that event, in one
    /// transaction; only while <see cref="RunUpdate.Owner"/> holds the lease. Returns the appended event (or a
    /// placeholder with sequence 0 when none was asked), or null when the lease was lost and nothing was written.
    /// </summary>
    Task<RunEvent?> UpdateAsync(RunUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically takes the oldest run that is <c>queued</c>, or <c>running</c> with an expired lease (its instance
    /// died): sets status <c>running</c>, owner and lease, and <c>started_at</c> if unset. Null when there is none.
    /// </summary>
    Task<StoredRun?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease while <paramref name="owner"/> still holds it; says whether it does and whether a cancel was asked.</summary>
    Task<LeaseState> RenewLeaseAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a queued run at once (status <c>cancelled</c> and its <c>run.cancelled</c> event, written together),
    /// or marks a running run for its owner to stop. Says which happened.
    /// </summary>
    Task<CancelOutcome> CancelAsync(string id, DateTimeOffset now, string cancelledEventData, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> finished runs (<c>succeeded</c>, <c>failed</c>, <c>cancelled</c>) that
    /// finished before <paramref name="finishedBefore"/>, with their events, oldest first, and returns their ids (the
    /// caller removes their folders). Never a queued or running run. Atomic per call: with several instances each
    /// run is deleted (and returned) once.
    /// </summary>
    Task<IReadOnlyList<string>> DeleteFinishedAsync(DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken = default);
}
