using System.Collections.Concurrent;
using Tarantool.Agents.Server.Runs;
using Tarantool.Agents.Server.Runs.Postgres;

namespace Tarantool.Agents.Tests.Server.Runs.Postgres;

/// <summary>
/// The PostgreSQL run store against a real PostgreSQL: claims are exclusive across instances, leases expire and move,
/// an instance that lost its lease can no longer write, events stay gapless, cancel and paging behave as on SQLite.
/// Times are passed in (the store never reads the database clock), so lease expiry needs no waiting.
/// </summary>
public sealed class PostgresRunStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private TestPostgres? _database;

    private TestPostgres Database => _database!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ServerConnectionString is not null || ExternalTool.IsCi) _database = await TestPostgres.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [PostgresFact]
    public async Task Instances_claiming_at_once_take_each_queued_run_exactly_once()
    {
        // Four instances start together (the schema is created once, under an advisory lock) and drain one queue.
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresRunStore(Database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(s => s.InitializeAsync()));
            var ids = Enumerable.Range(0, 60).Select(i => RunIds.New()).ToList();
            foreach (var (id, i) in ids.Select((id, i) => (id, i))) await instances[i % 4].CreateAsync(Queued(id, T0.AddMilliseconds(i)), "{}");

            var claims = new ConcurrentBag<(string Owner, string Id)>();
            await Task.WhenAll(instances.Select((store, n) => Task.Run(async () =>
            {
                // Two claim loops per instance, as an executor with two slots runs them.
                await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
                {
                    while (await store.ClaimNextAsync($"instance-{n}", T0.AddSeconds(1), Lease) is { } run)
                    {
                        Assert.Equal(RunStatus.Running, run.Status);
                        Assert.Equal($"instance-{n}", run.Owner);
                        claims.Add(($"instance-{n}", run.Id));
                    }
                }));
            })));

            Assert.Equal(ids.Order(), claims.Select(c => c.Id).Order());
            Assert.True(claims.Select(c => c.Owner).Distinct().Count() > 1, "the claims were spread over several instances");
            var owners = await Database.QueryAsync<string>("SELECT id || ' ' || owner FROM runs ORDER BY id;");
            Assert.Equal(claims.Select(c => c.Id + " " + c.Owner).Order(), owners);
        }
        finally
        {
            foreach (var store in instances) await store.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_lease_its_owner_stops_renewing_expires_and_another_instance_takes_the_run_while_the_old_owner_can_no_longer_write()
    {
        await using var a = new PostgresRunStore(Database.ConnectionString);
        await using var b = new PostgresRunStore(Database.ConnectionString);
        await a.InitializeAsync();
        await b.InitializeAsync();
        var id = RunIds.New();
        await a.CreateAsync(Queued(id, T0), "{}");

        var claimed = await a.ClaimNextAsync("a", T0, Lease);
        Assert.Equal(id, claimed?.Id);
        Assert.Equal(T0, claimed!.StartedAt);
        Assert.Null(await b.ClaimNextAsync("b", T0.AddSeconds(10), Lease));
        Assert.Equal(LeaseState.Held, await a.RenewLeaseAsync(id, "a", T0.AddSeconds(20), Lease));
        Assert.Null(await b.ClaimNextAsync("b", T0.AddSeconds(45), Lease)); // renewed until T0+50

        var taken = await b.ClaimNextAsync("b", T0.AddSeconds(51), Lease);
        Assert.Equal(id, taken?.Id);
        Assert.Equal("b", taken!.Owner);
        Assert.Equal(T0, taken.StartedAt); // the first start is kept

        Assert.Equal(LeaseState.Lost, await a.RenewLeaseAsync(id, "a", T0.AddSeconds(52), Lease));
        Assert.Null(await a.UpdateAsync(Update(id, "a", RunStatus.Succeeded, "run.succeeded")));
        var final = await b.UpdateAsync(Update(id, "b", RunStatus.Succeeded, "run.succeeded"));
        Assert.Equal(2, final?.Sequence);

        var stored = await a.GetAsync(id);
        Assert.Equal(RunStatus.Succeeded, stored!.Status);
        Assert.Null(stored.Owner);
        Assert.Null(stored.LeaseUntil);
        Assert.Null(await b.ClaimNextAsync("b", T0.AddHours(1), Lease));
        Assert.Equal(["run.queued", "run.succeeded"], (await b.ReadEventsAsync(id, 0)).Select(e => e.Type));
    }

    [PostgresFact]
    public async Task Events_appended_at_once_by_two_instances_get_sequences_without_gaps_or_duplicates()
    {
        await using var a = new PostgresRunStore(Database.ConnectionString);
        await using var b = new PostgresRunStore(Database.ConnectionString);
        await a.InitializeAsync();
        var id = RunIds.New();
        await a.CreateAsync(Queued(id, T0), "{\"n\":0}");

        await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(() => (n % 2 == 0 ? a : b).AppendEventAsync(id, "phase.started", $"{{\"n\":{n}}}"))));

        var events = await b.ReadEventsAsync(id, 0);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => (long)n), events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 41), events.Select(e => e.Data.GetProperty("n").GetInt32()).Order());
        Assert.Equal(events.Skip(30).Select(e => e.Sequence), (await a.ReadEventsAsync(id, 30)).Select(e => e.Sequence));
    }

    [PostgresFact]
    public async Task Cancel_ends_a_queued_run_at_once_and_asks_the_owner_of_a_running_one()
    {
        await using var store = new PostgresRunStore(Database.ConnectionString);
        await store.InitializeAsync();
        var queued = RunIds.New();
        var running = RunIds.New();
        await store.CreateAsync(Queued(running, T0), "{}");
        await store.CreateAsync(Queued(queued, T0.AddSeconds(1)), "{}");
        Assert.Equal(running, (await store.ClaimNextAsync("a", T0, Lease))?.Id);

        Assert.Equal(CancelOutcome.Cancelled, await store.CancelAsync(queued, T0.AddSeconds(2), "{\"reason\":\"test\"}"));
        var cancelled = await store.GetAsync(queued);
        Assert.Equal(RunStatus.Cancelled, cancelled!.Status);
        Assert.Equal(T0.AddSeconds(2), cancelled.FinishedAt);
        Assert.Equal("run.cancelled", (await store.ReadEventsAsync(queued, 1)).Single().Type);
        Assert.Null(await store.ClaimNextAsync("b", T0.AddSeconds(3), Lease));

        Assert.Equal(CancelOutcome.Requested, await store.CancelAsync(running, T0.AddSeconds(4), "{}"));
        Assert.Equal(LeaseState.CancelRequested, await store.RenewLeaseAsync(running, "a", T0.AddSeconds(5), Lease));
        Assert.True((await store.GetAsync(running))!.CancelRequested);
        Assert.NotNull(await store.UpdateAsync(Update(running, "a", RunStatus.Cancelled, "run.cancelled")));
        Assert.Equal(CancelOutcome.NotActive, await store.CancelAsync(running, T0.AddSeconds(6), "{}"));
        Assert.Equal(CancelOutcome.NotActive, await store.CancelAsync(RunIds.New(), T0.AddSeconds(6), "{}"));
    }

    [PostgresFact]
    public async Task Runs_are_listed_newest_first_in_pages_and_survive_a_new_store()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => RunIds.New()).ToList();
        await using (var first = new PostgresRunStore(Database.ConnectionString))
        {
            await first.InitializeAsync();
            for (var i = 0; i < ids.Count; i++) await first.CreateAsync(Queued(ids[i], T0.AddSeconds(i)) with { Language = i % 2 == 0 ? "en" : "ru", ReusedFrom = i == 4 ? ids[0] : null }, "{}");
        }

        await using var store = new PostgresRunStore(Database.ConnectionString);
        await store.InitializeAsync();
        var page = await store.ListAsync(2, null);
        Assert.Equal([ids[4], ids[3]], page.Select(r => r.Id));
        Assert.Equal(ids[0], page[0].ReusedFrom);
        Assert.Equal(T0.AddSeconds(4), page[0].CreatedAt);
        Assert.Equal([ids[2], ids[1]], (await store.ListAsync(2, ids[3])).Select(r => r.Id));
        Assert.Equal([ids[0]], (await store.ListAsync(2, ids[1])).Select(r => r.Id));
        Assert.Empty(await store.ListAsync(2, RunIds.New()));
        Assert.Equal("ru", (await store.GetAsync(ids[3]))!.Language);
        Assert.Null(await store.GetAsync(RunIds.New()));
    }

    [Fact]
    public async Task An_unreachable_database_is_a_store_error_that_names_where_but_not_the_password()
    {
        await using var store = new PostgresRunStore("Host=127.0.0.1;Port=1;Database=runs;Username=agents;Password=pg-SECRET-pass;Timeout=3");
        var error = await Assert.ThrowsAsync<RunStoreException>(() => store.InitializeAsync());
        Assert.Contains("'runs' on 127.0.0.1:1 as 'agents'", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    private static StoredRun Queued(string id, DateTimeOffset created) =>
        new(id, RunStatus.Queued, created, null, null, "{\"parameters\":{}}", "{}", "en", "[]", "[]", null, null);

    private static RunUpdate Update(string id, string owner, string status, string eventType) =>
        new(id, owner, status, T0.AddMinutes(2), "[]", "[]", null, ReleaseLease: true, eventType, "{}");
}
