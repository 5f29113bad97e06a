using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Runs.Postgres;

/// <summary>
/// Several <c>serve</c> processes on one PostgreSQL database and one shared data dir, as behind a load balancer: every
/// run is executed by exactly one instance (each phase asked of the model once), and a run whose instance is
/// SIGKILLed mid-run is finished by the other once the lease expires, without asking again for completed phases.
/// </summary>
public sealed class PostgresServeTests : IAsyncLifetime
{
    private static readonly TimeSpan ModelDelay = TimeSpan.FromMilliseconds(250);

    private readonly TempDirectory _data = new();
    private TestPostgres? _database;
    private RecordingModel _model = null!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ServerConnectionString is null && !ExternalTool.IsCi) return;
        _database = await TestPostgres.CreateSchemaAsync();
        _model = await RecordingModel.StartAsync(ModelDelay);
    }

    public async Task DisposeAsync()
    {
        if (_database is null) return;
        await _model.DisposeAsync();
        await _database.DisposeAsync();
        _data.Dispose();
    }

    private static readonly int ModelCallsPerRun = Tarantool.Agents.Workflow.WorkflowLoader.Load(Tarantool.Agents.Assets.AssetLocator.Locate()).Phases
        .Sum(p => p.Parts.Count == 0 ? 1 : p.Parts.Count + 1);

    [PostgresFact]
    public async Task Two_instances_on_one_database_execute_every_run_exactly_once()
    {
        // Nobody dies here: a long lease, so only claims decide who runs what.
        await using var a = await StartAsync("a", leaseSeconds: 120);
        await using var b = await StartAsync("b", leaseSeconds: 120);
        var instances = new[] { a, b };
        var runs = new List<(string Id, string Cluster)>();
        for (var i = 0; i < 10; i++)
        {
            var cluster = $"pg-many-{i}";
            runs.Add((await SubmitAsync(instances[i % 2], cluster), cluster));
        }

        // Either instance answers for every run: they share the store.
        foreach (var (id, _) in runs)
        {
            var run = await WaitForEndAsync(b, id);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{run}\n{a.Output}\n{b.Output}");
        }

        var calls = _model.Calls;
        foreach (var (id, cluster) in runs)
        {
            var own = calls.Where(c => c.Cluster == cluster).ToList();
            // One call per phase, and one per part plus the frame for a phase asked in parts: nothing asked twice.
            Assert.Equal(ModelCallsPerRun, own.Count);
            Assert.Equal(10, own.Select(c => c.Phase).Distinct().Count());
            Assert.Single(own.Select(c => c.Instance).Distinct());
            var events = await EventsAsync(a, id);
            Assert.Equal(1, events.Count(e => e == "run.started"));
            Assert.Equal("run.succeeded", events[^1]);
        }

        Assert.Equal(["a", "b"], calls.Select(c => c.Instance).Distinct().Order());
    }

    [PostgresFact]
    public async Task A_run_whose_instance_is_killed_is_finished_by_the_other_without_asking_again_for_completed_phases()
    {
        await using var a = await StartAsync("a", leaseSeconds: 15);
        await using var b = await StartAsync("b", leaseSeconds: 15);
        const string cluster = "pg-killed";
        var id = await SubmitAsync(a, cluster);

        // Wait until the run's instance has completed a phase and asked for another, then SIGKILL that instance.
        string owner;
        while (true)
        {
            var seen = _model.Calls.Where(c => c.Cluster == cluster).ToList();
            var run = await GetAsync(a, id);
            if (run.GetProperty("phases").EnumerateArray().Any(p => p.GetProperty("status").GetString() == "succeeded") && seen.Count >= 2)
            {
                owner = seen[0].Instance;
                break;
            }

            Assert.NotEqual("succeeded", run.GetProperty("status").GetString());
            await Task.Delay(20);
        }

        var (killed, survivor) = owner == "a" ? (a, b) : (b, a);
        await killed.KillAsync();
        var atKill = await GetAsync(survivor, id);
        Assert.Equal("running", atKill.GetProperty("status").GetString());
        var completed = atKill.GetProperty("phases").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() == "succeeded")
            .Select(p => p.GetProperty("key").GetString()!)
            .ToList();
        Assert.NotEmpty(completed);

        var final = await WaitForEndAsync(survivor, id);
        Assert.True(final.GetProperty("status").GetString() == "succeeded", $"{final}\n{killed.Output}\n{survivor.Output}");
        var calls = _model.Calls.Where(c => c.Cluster == cluster).ToList();
        foreach (var phase in completed)
        {
            // Asked once, by the killed instance; the survivor resumed it from its checkpoint.
            Assert.Equal([killed.Name], calls.Where(c => c.Phase == phase).Select(c => c.Instance));
            Assert.True(final.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("key").GetString() == phase).GetProperty("reused").GetBoolean(), $"{phase} is marked reused");
        }

        Assert.Contains(calls, c => c.Instance == survivor.Name);
        Assert.Equal(10, calls.Select(c => c.Phase).Distinct().Count());
        var events = await EventsAsync(survivor, id);
        Assert.Equal(2, events.Count(e => e == "run.started")); // the killed instance's start and the survivor's resume
        Assert.Equal("run.succeeded", events[^1]);
        using var http = survivor.Client();
        using var zip = await http.GetAsync($"/v1/runs/{id}/bundle.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
    }

    [PostgresFact]
    public async Task A_cancel_sent_to_the_instance_that_does_not_run_it_stops_the_run_within_seconds()
    {
        // A long lease: renewals come every 40 s, so only the owner's poll of the cancel flag can stop it this soon.
        await using var a = await StartAsync("a", leaseSeconds: 120);
        await using var b = await StartAsync("b", leaseSeconds: 120);
        const string cluster = "pg-cancelled";
        var id = await SubmitAsync(a, cluster);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (_model.Calls.All(c => c.Cluster != cluster))
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {id} never reached the model\n{a.Output}\n{b.Output}");
            await Task.Delay(20);
        }

        var owner = _model.Calls.First(c => c.Cluster == cluster).Instance;
        var other = owner == "a" ? b : a;
        using var http = other.Client();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var cancel = await http.DeleteAsync($"/v1/runs/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        JsonElement run;
        while ((run = await GetAsync(other, id)).GetProperty("status").GetString() != "cancelled")
        {
            Assert.NotEqual("succeeded", run.GetProperty("status").GetString());
            // About a second's poll plus the phase call in flight; a shared two-core machine gets headroom.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"not cancelled after {watch.Elapsed}: {run}");
            await Task.Delay(100);
        }

        var events = await EventsAsync(other, id);
        Assert.Equal("run.cancelled", events[^1]);
    }

    /// <param name="leaseSeconds">
    /// Long enough that a live instance on a loaded machine still renews in time: a lease that runs out under a
    /// live owner hands its run to another instance, whose planner then finds the bundle folder locked.
    /// </param>
    private Task<ServeProcess> StartAsync(string name, int leaseSeconds) => ServeProcess.StartAsync(name, _data.Path, _model.EndpointFor(name), new Dictionary<string, string>
    {
        ["Server:Store"] = "postgresql",
        ["Server:ConnectionString"] = _database!.ConnectionString,
        ["Server:RunLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Server:MaxConcurrentRuns"] = "2",
        // The test polls far faster than any client should; the limits have tests of their own.
        ["Server:RateLimit:Enabled"] = "false",
    });

    private static async Task<string> SubmitAsync(ServeProcess instance, string cluster)
    {
        using var http = instance.Client();
        using var response = await http.PostAsJsonAsync("/v1/runs", new Dictionary<string, string>
        {
            ["cluster-name"] = cluster,
            ["cluster-type"] = "replicated",
            ["environment"] = "staging",
            ["description"] = "Session store for a web shop, 20 GB, 5k requests per second",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(ServeProcess instance, string id)
    {
        using var http = instance.Client();
        using var document = JsonDocument.Parse(await http.GetStringAsync($"/v1/runs/{id}"));
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> WaitForEndAsync(ServeProcess instance, string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var run = await GetAsync(instance, id);
            if (run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled") return run;
            Assert.True(DateTime.UtcNow < deadline, $"run {id} did not finish: {run}\n{instance.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>The run's event types, from its SSE stream (which ends after the final event).</summary>
    private static async Task<List<string>> EventsAsync(ServeProcess instance, string id)
    {
        using var http = instance.Client();
        var stream = await http.GetStringAsync($"/v1/runs/{id}/events");
        return [.. stream.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l["event: ".Length..].Trim())];
    }
}
