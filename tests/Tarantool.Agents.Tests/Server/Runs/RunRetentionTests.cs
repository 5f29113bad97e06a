using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tarantool.Agents.Server.Runs;
using Tarantool.Agents.Server.Runs.Postgres;
using Tarantool.Agents.Server.Runs.Sqlite;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// <c>Server:RunRetentionDays</c>: finished runs older than the limit go (row, events, bundle and kept checkpoints);
/// recent ones and every queued or running run stay, however old; 0 keeps everything. On SQLite and PostgreSQL.
/// </summary>
public sealed class RunRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _data = new();
    private TestPostgres? _database;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ServerConnectionString is not null || ExternalTool.IsCi) _database = await TestPostgres.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Sqlite_finished_runs_older_than_the_limit_are_deleted_with_their_folders_and_nothing_else()
    {
        using var store = new SqliteRunStore(_data.Path);
        await ScenarioAsync(store);
    }

    [PostgresFact]
    public async Task Postgres_finished_runs_older_than_the_limit_are_deleted_with_their_folders_and_nothing_else()
    {
        await using var store = new PostgresRunStore(_database!.ConnectionString);
        await ScenarioAsync(store);
    }

    private async Task ScenarioAsync(IRunStore store)
    {
        await store.InitializeAsync();
        // Claims take the oldest claimable run, so each run is created just before the claim meant for it.
        var succeeded = await FinishedAsync(store, RunStatus.Succeeded, created: Now.AddDays(-60), finished: Now.AddDays(-40));
        var failedRecently = await FinishedAsync(store, RunStatus.Failed, created: Now.AddDays(-20), finished: Now.AddDays(-10));
        var cancelled = RunIds.New();
        await store.CreateAsync(Queued(cancelled, Now.AddDays(-50)), "{}");
        Assert.Equal(CancelOutcome.Cancelled, await store.CancelAsync(cancelled, Now.AddDays(-45), "{}"));
        var running = RunIds.New();
        await store.CreateAsync(Queued(running, Now.AddDays(-80)), "{}");
        Assert.Equal(running, (await store.ClaimNextAsync("instance-a", Now.AddDays(-80), Lease))!.Id);
        var queued = RunIds.New();
        await store.CreateAsync(Queued(queued, Now.AddDays(-90)), "{}");
        string[] all = [succeeded, failedRecently, cancelled, running, queued];
        foreach (var id in all) WriteFolder(id);

        Assert.Equal(0, await Retention(store, days: 0).SweepAsync());
        Assert.All(all, id => Assert.True(Directory.Exists(Folder(id)), id));

        Assert.Equal(2, await Retention(store, days: 30).SweepAsync());
        foreach (var gone in new[] { succeeded, cancelled })
        {
            Assert.Null(await store.GetAsync(gone));
            Assert.Empty(await store.ReadEventsAsync(gone, 0));
            Assert.False(Directory.Exists(Folder(gone)), gone);
        }

        foreach (var kept in new[] { failedRecently, running, queued })
        {
            Assert.NotNull(await store.GetAsync(kept));
            Assert.True(File.Exists(Path.Combine(Folder(kept), "bundle", "bundle.json")), kept);
        }

        Assert.Equal(new[] { queued, running, failedRecently }.Order(), (await store.ListAsync(10, null)).Select(r => r.Id).Order());
        Assert.Equal(0, await Retention(store, days: 30).SweepAsync());
    }

    private static async Task<string> FinishedAsync(IRunStore store, string status, DateTimeOffset created, DateTimeOffset finished)
    {
        var id = RunIds.New();
        await store.CreateAsync(Queued(id, created), "{}");
        Assert.Equal(id, (await store.ClaimNextAsync("instance-a", created, Lease))!.Id);
        var type = status == RunStatus.Succeeded ? RunEventTypes.RunSucceeded : RunEventTypes.RunFailed;
        Assert.NotNull(await store.UpdateAsync(new RunUpdate(id, "instance-a", status, finished, "[]", "[]", null, ReleaseLease: true, type, "{}")));
        return id;
    }

    private RunRetention Retention(IRunStore store, int days)
    {
        var hosting = new RunHosting(_data.Path, null!, () => throw new InvalidOperationException("retention plans nothing"), 1, new ConfigurationBuilder().Build());
        return new RunRetention(store, hosting, Options.Create(new RunsOptions { RunRetentionDays = days }), new FixedTime(Now), NullLogger<RunRetention>.Instance);
    }

    private string Folder(string id) => Path.Combine(_data.Path, "runs", id);

    private void WriteFolder(string id)
    {
        Directory.CreateDirectory(Path.Combine(Folder(id), "bundle"));
        File.WriteAllText(Path.Combine(Folder(id), "bundle", "bundle.json"), "{}");
        Directory.CreateDirectory(Path.Combine(Folder(id), "checkpoints"));
        File.WriteAllText(Path.Combine(Folder(id), "checkpoints", "capacity-planning.json"), "{}");
    }

    private static StoredRun Queued(string id, DateTimeOffset created) =>
        new(id, RunStatus.Queued, created, null, null, "{\"parameters\":{}}", "{}", "en", "[]", "[]", null, null);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
