using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// The runs API end to end over real HTTP: submit, follow the events live and late, get, list, the zip and files
/// (byte-identical to the CLI's bundle), cancel, reuse of a previous run's phases.
/// </summary>
public sealed class RunsApiTests : IAsyncLifetime
{
    internal static readonly Dictionary<string, object> Orders = new()
    {
        ["cluster-name"] = "orders",
        ["cluster-type"] = "sharded",
        ["environment"] = "production",
        ["shard-count"] = 4,
        ["description"] = "Orders DB, 300 GB, 40k read RPS, AWS",
    };

    private readonly TempDirectory _temp = new();
    private ServedRuns _server = null!;

    public async Task InitializeAsync() => _server = await ServedRuns.StartAsync(_temp.Combine("data"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private static readonly Tarantool.Agents.Workflow.WorkflowDefinition Workflow = Tarantool.Agents.Workflow.WorkflowLoader.Load(Tarantool.Agents.Assets.AssetLocator.Locate());

    private static int CallsOf(string phaseKey) => Workflow.Phases.Single(p => p.Key == phaseKey).Parts is { Count: > 0 } parts ? parts.Count + 1 : 1;

    [Fact]
    public async Task A_run_streams_its_events_live_and_late_and_its_zip_and_files_are_the_cli_bundle()
    {
        var id = await _server.SubmitAsync(Orders);
        Assert.Matches("^run_[A-Za-z0-9_-]{22}$", id);

        // Live: connected right after the submit, the stream carries every event to the final one, then ends.
        var live = await _server.EventsAsync(id);
        Assert.Equal(Enumerable.Range(1, live.Count).Select(i => (long)i), live.Select(e => e.Id));
        Assert.Equal("run.queued", live[0].Type);
        Assert.Equal("run.started", live[1].Type);
        Assert.Equal("run.succeeded", live[^1].Type);
        var phases = WorkflowLoader.Load(AssetLocator.Locate()).Phases.Select(p => p.Key).ToList();
        Assert.Equal(phases.Order(), live.Where(e => e.Type == "phase.completed").Select(e => e.Data.GetProperty("key").GetString()!).Order());
        foreach (var phase in phases)
        {
            var started = live.FindIndex(e => e.Type == "phase.started" && e.Data.GetProperty("key").GetString() == phase);
            var completed = live.FindIndex(e => e.Type == "phase.completed" && e.Data.GetProperty("key").GetString() == phase);
            Assert.InRange(started, 0, completed - 1);
        }

        // Late: the same events, past ones first; Last-Event-ID resumes after the given one.
        var late = await _server.EventsAsync(id);
        Assert.Equal(live.Select(e => (e.Id, e.Type, e.Data.GetRawText())), late.Select(e => (e.Id, e.Type, e.Data.GetRawText())));
        var resumed = await _server.EventsAsync(id, lastEventId: 5);
        Assert.Equal(live.Skip(5).Select(e => e.Id), resumed.Select(e => e.Id));
        Assert.Empty(await _server.EventsAsync(id, lastEventId: live[^1].Id));

        var run = await _server.GetAsync(id);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("en", run.GetProperty("language").GetString());
        Assert.Equal(4, run.GetProperty("request").GetProperty("shardCount").GetInt32());
        Assert.True(run.GetProperty("finished_at").GetDateTimeOffset() >= run.GetProperty("started_at").GetDateTimeOffset());
        Assert.All(run.GetProperty("phases").EnumerateArray(), p =>
        {
            Assert.Equal("succeeded", p.GetProperty("status").GetString());
            // First answers everywhere: one per call, and a phase asked in parts makes one call per part plus its frame.
            Assert.Equal(CallsOf(p.GetProperty("key").GetString()!), p.GetProperty("attempts").GetInt32());
            Assert.False(p.GetProperty("reused").GetBoolean());
            Assert.Equal(CallsOf(p.GetProperty("key").GetString()!), p.GetProperty("usage").GetProperty("calls").GetInt32());
        });

        var cli = _temp.Combine("cli");
        var plan = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "4",
            "--output", cli, "Orders DB, 300 GB, 40k read RPS, AWS"]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        var expected = Directory.EnumerateFiles(cli, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(cli, f).Replace('\\', '/'), File.ReadAllBytes);

        using var zipResponse = await _server.Http.GetAsync($"/v1/runs/{id}/bundle.zip");
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("orders-production.zip", zipResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync());
        var zipped = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        Assert.Equal(expected.Keys.Select(k => "orders-production/" + k).Order(StringComparer.Ordinal), zipped.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in expected.Where(e => e.Key != "bundle.json"))
            Assert.True(content.AsSpan().SequenceEqual(zipped["orders-production/" + path]), $"{path} differs from the CLI's");

        // Files: the bundle's own bytes, with a content type; bundle.json is the run's manifest.
        foreach (var path in expected.Keys.Where(k => k != "bundle.json").Take(5))
            Assert.Equal(expected[path], await _server.Http.GetByteArrayAsync($"/v1/runs/{id}/files/{path}"));
        using var manifest = JsonDocument.Parse(await _server.Http.GetStringAsync($"/v1/runs/{id}/files/bundle.json"));
        Assert.Equal("succeeded", manifest.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_in_pages_and_a_cancelled_run_keeps_its_place()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await _server.SubmitAsync(Orders));
        // Only the listing matters here: stop the runs (cancelling a queued one is immediate, a running one stops).
        foreach (var id in ids) Assert.Equal(HttpStatusCode.Accepted, (await _server.Http.DeleteAsync($"/v1/runs/{id}")).StatusCode);

        var first = await _server.Http.GetFromJsonAsync<JsonElement>("/v1/runs?limit=2");
        Assert.Equal([ids[2], ids[1]], first.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(ids[1], first.GetProperty("next").GetString());

        var second = await _server.Http.GetFromJsonAsync<JsonElement>($"/v1/runs?limit=2&after={ids[1]}");
        Assert.Equal([ids[0]], second.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        foreach (var id in ids)
        {
            var events = await _server.EventsAsync(id);
            Assert.Equal("run.cancelled", events[^1].Type);
            Assert.Equal("cancelled", (await _server.GetAsync(id)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Cancelling_a_running_run_stops_it_keeps_completed_phases_and_a_second_cancel_is_a_conflict()
    {
        var (model, _) = CountingExpert.Create(TimeSpan.FromMilliseconds(400));
        await using var slow = await ServedRuns.StartAsync(_temp.Combine("slow"), model);
        var id = await slow.SubmitAsync(Orders);
        var cancelled = false;
        var events = await slow.EventsAsync(id, onEvent: async e =>
        {
            if (!cancelled && e.Type == "phase.completed")
            {
                cancelled = true;
                using var response = await slow.Http.DeleteAsync($"/v1/runs/{id}");
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        });

        Assert.Equal("run.cancelled", events[^1].Type);
        var run = await slow.GetAsync(id);
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.Contains(run.GetProperty("phases").EnumerateArray(), p => p.GetProperty("status").GetString() == "succeeded");
        Assert.DoesNotContain(run.GetProperty("phases").EnumerateArray(), p => p.GetProperty("status").GetString() == "running");
        // Its checkpoints stay, in the run's folder.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(slow.DataDirectory, "runs", id, "checkpoints"), "*.json"));

        using var again = await slow.Http.DeleteAsync($"/v1/runs/{id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var zip = await slow.Http.GetAsync($"/v1/runs/{id}/bundle.zip");
        Assert.Equal(HttpStatusCode.NotFound, zip.StatusCode);
        Assert.Contains("cancelled", await zip.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_run_that_reuses_a_previous_one_asks_the_model_nothing_for_unchanged_phases()
    {
        var (model, calls) = CountingExpert.Create();
        await using var server = await ServedRuns.StartAsync(_temp.Combine("reuse"), model);
        var first = await server.SubmitAsync(Orders);
        Assert.Equal("succeeded", (await server.FinishedAsync(first)).GetProperty("status").GetString());
        var asked = calls.Values.Sum();
        Assert.Equal(Workflow.Phases.Sum(p => CallsOf(p.Key)), asked);

        var second = await server.SubmitAsync(new Dictionary<string, object>(Orders) { ["reuse-from"] = first });
        var run = await server.FinishedAsync(second);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(first, run.GetProperty("reused_from").GetString());
        Assert.Equal(asked, calls.Values.Sum());
        Assert.All(run.GetProperty("phases").EnumerateArray(), p => Assert.True(p.GetProperty("reused").GetBoolean()));

        using var manifest = JsonDocument.Parse(await server.Http.GetStringAsync($"/v1/runs/{second}/files/bundle.json"));
        Assert.All(manifest.RootElement.GetProperty("phases").EnumerateArray(), p => Assert.True(p.GetProperty("reused").GetBoolean()));
        // The reused run's bundle is the first run's bundle.
        var a = Path.Combine(server.DataDirectory, "runs", first, "bundle");
        var b = Path.Combine(server.DataDirectory, "runs", second, "bundle");
        Assert.Equal(Samples.BundleFiles(a), Samples.BundleFiles(b));

        // A changed request re-runs what its change reaches.
        var third = await server.SubmitAsync(new Dictionary<string, object>(Orders) { ["reuse-from"] = first, ["shard-count"] = 6 });
        Assert.Equal("succeeded", (await server.FinishedAsync(third)).GetProperty("status").GetString());
        Assert.True(calls.Values.Sum() > asked, "a changed request asks the model again");
    }
}
