using System.Net.Http.Json;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>Runs outlive the server: listed after a restart, and a run a stopping server handed back resumes.</summary>
public sealed class RunsRestartTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_stopped_by_shutdown_resumes_after_restart_without_asking_again_for_completed_phases()
    {
        var data = _temp.Combine("data");
        var (slowModel, _) = CountingExpert.Create(TimeSpan.FromMilliseconds(300));
        string id;
        var done = new List<string>();
        await using (var first = await ServedRuns.StartAsync(data, slowModel))
        {
            id = await first.SubmitAsync(RunsApiTests.Orders);
            var stream = new CancellationTokenSource();
            try
            {
                await first.EventsAsync(id, onEvent: e =>
                {
                    if (e.Type == "phase.completed") done.Add(e.Data.GetProperty("key").GetString()!);
                    if (done.Count == 3) stream.Cancel();
                    stream.Token.ThrowIfCancellationRequested();
                    return Task.CompletedTask;
                });
            }
            catch (OperationCanceledException)
            {
            }
        }

        // The stopped server handed the run back to the queue with its checkpoints.
        var (model, calls) = CountingExpert.Create();
        await using var second = await ServedRuns.StartAsync(data, model);
        var run = await second.FinishedAsync(id);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var events = await second.EventsAsync(id);
        Assert.Contains(events, e => e.Type == "run.queued" && e.Data.TryGetProperty("reason", out _));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));

        Assert.True(done.Count >= 3);
        foreach (var key in done)
        {
            Assert.False(calls.ContainsKey(key), $"{key} was asked again after the restart");
            Assert.True(run.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("reused").GetBoolean());
        }

        Assert.Equal(10 - done.Count, calls.Values.Sum());

        // Listed and served after the restart, with the bundle a clean run writes.
        var list = await second.Http.GetFromJsonAsync<JsonElement>("/v1/runs");
        Assert.Equal(id, list.GetProperty("data")[0].GetProperty("id").GetString());
        var clean = await second.SubmitAsync(RunsApiTests.Orders);
        await second.FinishedAsync(clean);
        Assert.Equal(
            Samples.BundleFiles(Path.Combine(data, "runs", clean, "bundle")),
            Samples.BundleFiles(Path.Combine(data, "runs", id, "bundle")));
    }

    [Fact]
    public async Task A_second_server_on_the_same_data_dir_is_refused_with_a_clear_message()
    {
        var data = _temp.Combine("data");
        await using var first = await ServedRuns.StartAsync(data);
        var error = await Assert.ThrowsAsync<Tarantool.Agents.Server.Runs.RunStoreException>(() => ServedRuns.StartAsync(data));
        Assert.Contains("Another server is using the data dir", error.Message);
    }
}
