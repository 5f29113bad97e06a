using Microsoft.Extensions.Logging;

namespace Tarantool.Agents.Server.Runs;

internal sealed partial class RunExecutor
{
    /// <summary>
    /// How often an executing run's cancel flag is read from the store. A cancel sent to this instance stops the run
    /// at once (through <see cref="RunEventHub"/>); one sent to another instance sharing the store only sets the flag,
    /// and waiting for the next lease renewal (a third of the lease, 10 s by default) would be too slow for a person
    /// watching the cancel button.
    /// </summary>
    internal static readonly TimeSpan CancelPoll = TimeSpan.FromSeconds(1);

    /// <summary>Cancels <paramref name="cancelled"/> once the store says a cancel of run <paramref name="id"/> was asked; ends with <paramref name="stop"/>.</summary>
    private async Task WatchCancelAsync(string id, CancellationTokenSource cancelled, CancellationToken stop)
    {
        try
        {
            while (!cancelled.IsCancellationRequested)
            {
                await Task.Delay(CancelPoll, time, stop);
                try
                {
                    if (await store.GetAsync(id, stop) is { CancelRequested: true })
                    {
                        await cancelled.CancelAsync();
                        return;
                    }
                }
                catch (RunStoreException e)
                {
                    // Briefly unreachable: the next poll (or the lease renewal) tries again.
                    LogStoreFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
