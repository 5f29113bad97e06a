using System.Collections.Concurrent;

namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// In-process wake-ups: watchers of a run when it gets an event, the executor when a run is queued, a running run
/// when a client cancels it. Only hints: everything is in the store, and waiters also poll it (another instance
/// sharing the store cannot wake them).
/// </summary>
internal sealed class RunEventHub
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _executing = new(StringComparer.Ordinal);
    private TaskCompletionSource _queued = NewSignal();

    /// <summary>Completes at the run's next event. Take it before reading the store, so no event slips between.</summary>
    public Task NextEvent(string id) => _runs.GetOrAdd(id, _ => NewSignal()).Task;

    public void Published(string id)
    {
        if (_runs.TryRemove(id, out var signal)) signal.TrySetResult();
    }

    /// <summary>Completes when a run is queued.</summary>
    public Task NextQueued() => Volatile.Read(ref _queued).Task;

    public void Queued() => Interlocked.Exchange(ref _queued, NewSignal()).TrySetResult();

    /// <summary>The executor registers a running run, so that a cancel on this instance stops it at once.</summary>
    public IDisposable Executing(string id, CancellationTokenSource cancel)
    {
        _executing[id] = cancel;
        return new Registration(() => _executing.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancel)));
    }

    /// <summary>Stops the run if this instance is executing it.</summary>
    public void CancelExecution(string id)
    {
        if (_executing.TryGetValue(id, out var cancel))
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
