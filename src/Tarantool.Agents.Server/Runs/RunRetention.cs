using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// Deletes finished runs older than <see cref="RunsOptions.RunRetentionDays"/> (row, events, bundle folder and kept
/// checkpoints), at start and every <see cref="SweepInterval"/>; does nothing when the limit is 0. Queued and running
/// runs are never touched, whatever their age. With several instances on one store each sweeps; the store hands each
/// old run to one of them, which removes its folder from the shared data dir.
/// </summary>
internal sealed partial class RunRetention(
    IRunStore store,
    RunHosting hosting,
    IOptions<RunsOptions> options,
    TimeProvider time,
    ILogger<RunRetention> logger) : BackgroundService
{
    /// <summary>How often old runs are looked for: retention counts in days, so an hour late is never noticed.</summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    /// <summary>Runs deleted per store call, so one sweep never holds a long transaction.</summary>
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RunRetentionDays == 0) return;
        try
        {
            while (true)
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (RunStoreException e)
                {
                    LogSweepFailed(logger, e.Message);
                }

                await Task.Delay(SweepInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every finished run older than the limit now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var days = options.Value.RunRetentionDays;
        if (days == 0) return 0;
        var before = time.GetUtcNow().AddDays(-days);
        var deleted = 0;
        while (true)
        {
            var ids = await store.DeleteFinishedAsync(before, Batch, cancellationToken);
            foreach (var id in ids) DeleteFolder(id);
            deleted += ids.Count;
            if (ids.Count < Batch) break;
        }

        if (deleted > 0) LogDeleted(logger, deleted, days);
        return deleted;
    }

    /// <summary>The run's folder (bundle and kept checkpoints); its row is already gone, so nothing links to it.</summary>
    private void DeleteFolder(string id)
    {
        var folder = new RunFolders(hosting.DataDirectory, id).Root;
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFolderNotDeleted(logger, id, folder, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} run(s) finished more than {Days} day(s) ago (Server:RunRetentionDays)")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} was deleted but its folder {Folder} could not be: {Reason}; remove it by hand")]
    private static partial void LogFolderNotDeleted(ILogger logger, string runId, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old runs failed: {Reason}; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
