using Tarantool.Agents.Bundle;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// A run claimed again after its owner's lease expired, while that owner is still alive and holds the run's bundle
/// folder (paused, or cut off from the store): the new owner neither fails the run nor writes beside the old one. It
/// waits for the folder, and hands the run back to the queue when a whole lease was not enough.
/// </summary>
public sealed class RunsFolderLockTests : IDisposable
{
    private static readonly Dictionary<string, string?> ShortLease = new() { ["Server:RunLeaseSeconds"] = "5" };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_whose_folder_its_previous_owner_still_holds_waits_for_it_and_then_resumes()
    {
        var data = _temp.Combine("data");
        var id = await InterruptedRunAsync(data);
        var previousOwner = RunLock.Acquire(OutputDirectory.Open(Path.Combine(data, "runs", id, "bundle")));
        await using var server = await ServedRuns.StartAsync(data, settings: ShortLease);
        // Less than a lease: the previous owner stops at its next renewal and lets go of the folder.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("running", (await server.GetAsync(id)).GetProperty("status").GetString());
        previousOwner.Dispose();

        var run = await server.FinishedAsync(id);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var events = await server.EventsAsync(id);
        Assert.DoesNotContain(events, e => e.Type == "run.failed");
    }

    [Fact]
    public async Task A_run_whose_folder_stays_held_for_a_whole_lease_goes_back_to_the_queue_not_to_failed()
    {
        var data = _temp.Combine("data");
        var id = await InterruptedRunAsync(data);
        var previousOwner = RunLock.Acquire(OutputDirectory.Open(Path.Combine(data, "runs", id, "bundle")));
        await using var server = await ServedRuns.StartAsync(data, settings: ShortLease);
        var handedBack = new TaskCompletionSource();
        var stream = Task.Run(() => server.EventsAsync(id, onEvent: e =>
        {
            if (e.Type == "run.queued" && e.Data.TryGetProperty("reason", out var reason) && reason.GetString()!.Contains("still writes its bundle", StringComparison.Ordinal))
                handedBack.TrySetResult();
            return Task.CompletedTask;
        }));
        await handedBack.Task.WaitAsync(TimeSpan.FromSeconds(30));
        previousOwner.Dispose();

        var events = await stream.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.DoesNotContain(events, e => e.Type == "run.failed");
        Assert.Equal("run.succeeded", events[^1].Type);
        Assert.Equal("succeeded", (await server.GetAsync(id)).GetProperty("status").GetString());
    }

    /// <summary>A run a stopping server handed back to the queue after its first phase: queued, with a bundle folder.</summary>
    private static async Task<string> InterruptedRunAsync(string data)
    {
        var (slowModel, _) = CountingExpert.Create(TimeSpan.FromMilliseconds(300));
        await using var first = await ServedRuns.StartAsync(data, slowModel);
        var id = await first.SubmitAsync(RunsApiTests.Orders);
        var stop = new CancellationTokenSource();
        try
        {
            await first.EventsAsync(id, onEvent: e =>
            {
                if (e.Type == "phase.completed") stop.Cancel();
                stop.Token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });
        }
        catch (OperationCanceledException)
        {
        }

        return id;
    }
}
