namespace Tarantool.Agents.Server.Runs;

/// <summary>The state an owner writes for its run (see <see cref="IRunStore.UpdateAsync"/>).</summary>
/// <param name="ReleaseLease">Clears owner and lease (the run is finished, or handed back to the queue).</param>
/// <param name="EventType">An event to append in the same transaction, or null.</param>
public sealed record RunUpdate(
    string Id,
    string Owner,
    string Status,
    DateTimeOffset? FinishedAt,
    string PhasesJson,
    string WarningsJson,
    string? Error,
    bool ReleaseLease,
    string? EventType = null,
    string? EventData = null);
