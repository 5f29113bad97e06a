using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Planning;

namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// Executes queued runs in the background, at most <see cref="RunsOptions.MaxConcurrentRuns"/> at once, each through
/// the <see cref="BundlePlanner"/> into its own bundle folder with resume on, so a run that was interrupted (a killed
/// server, a shutdown) continues from its checkpoints. Holds a lease on each run it executes and renews it; stores
/// the engine's events as run events and wakes the run's watchers.
/// </summary>
internal sealed partial class RunExecutor(
    IRunStore store,
    RunHosting hosting,
    RunEventHub hub,
    IOptions<RunsOptions> options,
    TimeProvider time,
    ILogger<RunExecutor> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How often the queue is looked at when nothing woke the executor (runs queued by another instance).</summary>
    private static readonly TimeSpan QueuePoll = TimeSpan.FromSeconds(1);

    /// <summary>How often a claimed run whose bundle folder is still locked by its previous owner looks again.</summary>
    private static readonly TimeSpan FolderRetry = TimeSpan.FromMilliseconds(500);

    private readonly string _instance = "instance-" + Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private Task? _loop;

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.RunLeaseSeconds);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops taking runs and cancels the running ones, which go back to the queue with their checkpoints.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null) return;
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested) await _stopping.CancelAsync();
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping);
                var queued = hub.NextQueued();
                StoredRun? run;
                try
                {
                    run = await store.ClaimNextAsync(_instance, time.GetUtcNow(), Lease, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStoreFailed(logger, e.Message);
                    run = null;
                }

                if (run is null)
                {
                    slots.Release();
                    await Task.WhenAny(queued, Task.Delay(QueuePoll, time, stopping));
                    continue;
                }

                var execution = Task.Run(async () =>
                {
                    try
                    {
                        await ExecuteAsync(run, stopping);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
                lock (_running)
                {
                    _running.RemoveAll(t => t.IsCompleted);
                    _running.Add(execution);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        Task[] running;
        lock (_running) running = [.. _running];
        await Task.WhenAll(running);
    }

    private async Task ExecuteAsync(StoredRun run, CancellationToken stopping)
    {
        var phases = JsonSerializer.Deserialize<List<RunPhase>>(run.PhasesJson, RunJson.Options) ?? [];
        var warnings = JsonSerializer.Deserialize<List<RunWarning>>(run.WarningsJson, RunJson.Options) ?? [];
        if (run.CancelRequested)
        {
            await FinishAsync(run.Id, RunStatus.Cancelled, phases, warnings, null, RunEventTypes.RunCancelled, new { reason = "cancelled by a client" });
            return;
        }

        using var cancelled = new CancellationTokenSource();
        using var leaseLost = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancelled.Token, leaseLost.Token);
        using var registration = hub.Executing(run.Id, cancelled);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(run.Id, cancelled, leaseLost, renewing.Token);
        var cancelWatch = WatchCancelAsync(run.Id, cancelled, renewing.Token);
        // A cancel that arrived between the claim and the registration above reached only the store.
        if (await store.GetAsync(run.Id, CancellationToken.None) is { CancelRequested: true }) await cancelled.CancelAsync();
        try
        {
            await RunPlannerAsync(run, phases, warnings, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            if (leaseLost.IsCancellationRequested)
            {
                LogLeaseLost(logger, run.Id);
            }
            else if (cancelled.IsCancellationRequested)
            {
                await FinishAsync(run.Id, RunStatus.Cancelled, Interrupted(phases), warnings, null, RunEventTypes.RunCancelled,
                    new { reason = "cancelled by a client; completed phases are checkpointed" });
            }
            else
            {
                // Shutdown: back to the queue, so this or another instance resumes it from its checkpoints.
                await UpdateAsync(new RunUpdate(run.Id, _instance, RunStatus.Queued, null, RunJson.Serialize(Interrupted(phases)), RunJson.Serialize(warnings), null,
                    ReleaseLease: true, RunEventTypes.RunQueued, RunJson.Serialize(new { reason = "the server stopped; the run resumes from its checkpoints" })));
            }
        }
        catch (LeaseLostException)
        {
            LogLeaseLost(logger, run.Id);
        }
        catch (Exception e) when (e is BundleFolderBusyException or OutputDirectoryException { Locked: true })
        {
            // The instance that ran it before lost its lease but is still alive and writing: it stops at its next
            // renewal and lets go of the folder. Back to the queue, not failed: the next claim resumes the run
            // from its checkpoints.
            LogFolderBusy(logger, run.Id);
            await UpdateAsync(new RunUpdate(run.Id, _instance, RunStatus.Queued, null, RunJson.Serialize(Interrupted(phases)), RunJson.Serialize(warnings), null,
                ReleaseLease: true, RunEventTypes.RunQueued,
                RunJson.Serialize(new { reason = "the instance that ran it before still writes its bundle; the run resumes from its checkpoints once it stops" })));
        }
        catch (Exception e)
        {
            // A run that cannot go on (an unreadable bundle folder, a store failure): say why, never a stack trace.
            LogRunFailed(logger, run.Id, e.GetType().Name, e.Message);
            await FinishAsync(run.Id, RunStatus.Failed, Interrupted(phases), warnings, $"{e.GetType().Name}: {e.Message}", RunEventTypes.RunFailed,
                new { error = $"{e.GetType().Name}: {e.Message}" });
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await cancelWatch;
        }
    }

    private async Task RunPlannerAsync(StoredRun run, List<RunPhase> phases, List<RunWarning> warnings, CancellationToken cancellationToken)
    {
        var submission = JsonSerializer.Deserialize<RunSubmission>(run.SubmissionJson, RunJson.Options)
            ?? throw new InvalidOperationException("The run's submission cannot be read.");
        var intake = RequestIntake.Resolve(new IntakeInput(submission.Parameters, (submission.Description ?? "").Trim(), submission.Language));
        if (!intake.IsValid) throw new InvalidOperationException("The run's request no longer resolves: " + string.Join(" ", intake.Errors));

        var folders = new RunFolders(hosting.DataDirectory, run.Id);
        if (!await BundleFolderFreeAsync(folders, cancellationToken)) throw new BundleFolderBusyException();
        var resumed = Directory.Exists(folders.Bundle);
        if (!resumed && run.ReusedFrom is { } previous) SeedCheckpoints(new RunFolders(hosting.DataDirectory, previous), folders);
        await AppendAsync(run.Id, RunEventTypes.RunStarted, new { resumed });

        var plan = PlanRequest.From(intake, folders.Bundle, new WorkflowOptions { Resume = true, MaxAttempts = hosting.MaxAttempts })
            with { Force = true };
        var planner = hosting.CreatePlanner();
        BundleWritten? written = null;
        await foreach (var item in planner.RunAsync(plan, cancellationToken))
        {
            switch (item)
            {
                case PhaseStarted started:
                    Set(phases, started.Id, p => p with { Status = RunPhase.Running });
                    await ProgressAsync(run.Id, phases, warnings, RunEventTypes.PhaseStarted,
                        new { id = started.Id, key = started.Key, name = started.Name, agent = started.Agent });
                    break;
                case PhaseAnswerRejected rejected:
                    Set(phases, rejected.Id, p => p with { Attempts = rejected.Attempt });
                    await ProgressAsync(run.Id, phases, warnings, RunEventTypes.PhaseAnswerRejected,
                        new { id = rejected.Id, key = rejected.Key, attempt = rejected.Attempt, errors = rejected.Errors.Select(e => e.ToString()).ToList() });
                    break;
                case PhaseCompleted completed:
                    KeepCheckpoint(folders, completed.Result.Phase.Key);
                    await PhaseDoneAsync(run.Id, phases, warnings, RunEventTypes.PhaseCompleted, completed.Result);
                    break;
                case PhaseFailed failed:
                    await PhaseDoneAsync(run.Id, phases, warnings, RunEventTypes.PhaseFailed, failed.Result);
                    break;
                case PhaseSkipped skipped:
                    await PhaseDoneAsync(run.Id, phases, warnings, RunEventTypes.PhaseSkipped, skipped.Result);
                    break;
                case BundleWritten done:
                    written = done;
                    break;
            }
        }

        if (written is null) throw new InvalidOperationException("The run ended without writing its bundle.");
        var manifest = written.Manifest;
        var final = manifest.Phases.Select(p => new RunPhase(p.Id, p.Key, p.Name, p.Status, p.Attempts, p.Reused,
            new RunUsage(p.Usage.Calls, p.Usage.InputTokens, p.Usage.OutputTokens), p.Reason)).ToList();
        var succeeded = written.Result.Succeeded;
        var failedPhases = final.Where(p => p.Status != "succeeded").Select(p => p.Key).ToList();
        var error = succeeded ? null : $"{failedPhases.Count} phase(s) did not succeed: {string.Join(", ", failedPhases)}.";
        await FinishAsync(run.Id, succeeded ? RunStatus.Succeeded : RunStatus.Failed, final, [.. manifest.Warnings], error,
            succeeded ? RunEventTypes.RunSucceeded : RunEventTypes.RunFailed,
            new { status = manifest.Status, warnings = manifest.Warnings.Count, error, bundle = $"/v1/runs/{run.Id}/bundle.zip" });
    }

    /// <summary>
    /// Waits, up to one lease, until no one holds the run's bundle folder. A run is claimed again when its owner's lease
    /// expired, but that owner may still be alive (paused, or cut off from the store) and writing the bundle; it
    /// notices the lost lease within a third of a lease and stops. False when the folder is still held after that.
    /// </summary>
    private async Task<bool> BundleFolderFreeAsync(RunFolders folders, CancellationToken cancellationToken)
    {
        // The lock lives in the bundle's state folder: without it no one is writing.
        if (!Directory.Exists(Path.Combine(folders.Bundle, OutputDirectory.StateFolder))) return true;
        var deadline = time.GetUtcNow() + Lease;
        while (true)
        {
            try
            {
                RunLock.Acquire(OutputDirectory.Open(folders.Bundle)).Dispose();
                return true;
            }
            catch (OutputDirectoryException e) when (e.Locked)
            {
            }

            if (time.GetUtcNow() >= deadline) return false;
            await Task.Delay(FolderRetry, time, cancellationToken);
        }
    }

    /// <summary>
    /// Copies the previous run's kept checkpoints into this run's checkpoint folder: with resume on, the engine reuses
    /// each one whose inputs (prompt, agent, model) hash the same, and re-runs the others.
    /// </summary>
    private static void SeedCheckpoints(RunFolders previous, RunFolders current)
    {
        if (!Directory.Exists(previous.KeptCheckpoints)) return;
        Directory.CreateDirectory(current.WorkingCheckpoints);
        foreach (var file in Directory.EnumerateFiles(previous.KeptCheckpoints, "*.json"))
            File.Copy(file, Path.Combine(current.WorkingCheckpoints, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>
    /// The planner clears its checkpoints when a run completes; a copy of each completed phase's checkpoint stays in
    /// the run folder for later runs' <c>ReuseFrom</c>. Written before the event is stored, so it exists when the
    /// phase is announced complete.
    /// </summary>
    private static void KeepCheckpoint(RunFolders folders, string phaseKey)
    {
        var source = Path.Combine(folders.WorkingCheckpoints, phaseKey + ".json");
        if (!File.Exists(source)) return;
        Directory.CreateDirectory(folders.KeptCheckpoints);
        var target = Path.Combine(folders.KeptCheckpoints, phaseKey + ".json");
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }

    private Task PhaseDoneAsync(string id, List<RunPhase> phases, List<RunWarning> warnings, string type, PhaseResult result)
    {
        var usage = new RunUsage(result.Usage.Calls, result.Usage.InputTokens, result.Usage.OutputTokens);
        var status = result.Status.ToString().ToLowerInvariant();
        Set(phases, result.Phase.Id, p => p with { Status = status, Attempts = result.Attempts, Reused = result.Reused, Usage = usage, Reason = result.Reason });
        return ProgressAsync(id, phases, warnings, type, new
        {
            id = result.Phase.Id,
            key = result.Phase.Key,
            name = result.Phase.Name,
            status,
            attempts = result.Attempts,
            reused = result.Reused,
            duration_ms = result.DurationMs,
            usage,
            warnings = result.Warnings.Select(w => w.ToString()).ToList(),
            reason = result.Reason,
        });
    }

    private async Task ProgressAsync(string id, List<RunPhase> phases, List<RunWarning> warnings, string type, object data)
    {
        var written = await store.UpdateAsync(new RunUpdate(id, _instance, RunStatus.Running, null, RunJson.Serialize(phases), RunJson.Serialize(warnings), null,
            ReleaseLease: false, type, RunJson.Serialize(data)), CancellationToken.None);
        if (written is null) throw new LeaseLostException();
        hub.Published(id);
    }

    private async Task AppendAsync(string id, string type, object data)
    {
        await store.AppendEventAsync(id, type, RunJson.Serialize(data), CancellationToken.None);
        hub.Published(id);
    }

    private Task FinishAsync(string id, string status, List<RunPhase> phases, List<RunWarning> warnings, string? error, string type, object data) =>
        UpdateAsync(new RunUpdate(id, _instance, status, time.GetUtcNow(), RunJson.Serialize(phases), RunJson.Serialize(warnings), error,
            ReleaseLease: true, type, RunJson.Serialize(data)));

    private async Task UpdateAsync(RunUpdate update)
    {
        // Never cancelled: the final state of a run must be written even while the server stops.
        if (await store.UpdateAsync(update, CancellationToken.None) is null) LogLeaseLost(logger, update.Id);
        hub.Published(update.Id);
    }

    private async Task RenewAsync(string id, CancellationTokenSource cancelled, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var every = Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop);
                LeaseState state;
                try
                {
                    state = await store.RenewLeaseAsync(id, _instance, time.GetUtcNow(), Lease, stop);
                }
                catch (RunStoreException e)
                {
                    // A store that is briefly unreachable: keep running; the lease only expires if this persists.
                    LogStoreFailed(logger, e.Message);
                    continue;
                }

                if (state == LeaseState.CancelRequested) await cancelled.CancelAsync();
                if (state == LeaseState.Lost)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Phases that were running when the run stopped are pending again: they will run (or be reused) next time.</summary>
    private static List<RunPhase> Interrupted(List<RunPhase> phases) =>
        [.. phases.Select(p => p.Status == RunPhase.Running ? p with { Status = RunPhase.Pending } : p)];

    private static void Set(List<RunPhase> phases, int id, Func<RunPhase, RunPhase> change)
    {
        var index = phases.FindIndex(p => p.Id == id);
        if (index >= 0) phases[index] = change(phases[index]);
    }

    /// <summary>Another instance took the run (this one's lease expired): stop without writing anything more.</summary>
    private sealed class LeaseLostException : Exception;

    /// <summary>The run's previous owner still holds its bundle folder after a whole lease.</summary>
    private sealed class BundleFolderBusyException : Exception;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: its bundle folder is still locked by the instance that ran it before; back to the queue")]
    private static partial void LogFolderBusy(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed: {Kind}: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, string runId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: this instance no longer holds its lease; it stopped without writing")]
    private static partial void LogLeaseLost(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run store failed: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
