using System.Diagnostics;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// A real <c>serve</c> process SIGKILLed mid-run and started again on the same data dir resumes the run from its
/// checkpoints: no phase completed before the kill is asked again, the run finishes with the bundle the CLI writes,
/// and the run is still listed.
/// </summary>
public sealed class ServeKillResumeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Serve : IDisposable
    {
        private Serve(Process process, Uri address)
        {
            Process = process;
            Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        }

        public Process Process { get; }

        public HttpClient Http { get; }

        public static async Task<Serve> StartAsync(string dataDirectory, string modelEndpoint)
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { cli, "serve", "--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory,
                         "--provider", "openai-compatible", "--endpoint", modelEndpoint, "--model", "tarantool-expert" })
                info.ArgumentList.Add(argument);
            info.Environment["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root;
            info.Environment["NO_COLOR"] = "1";
            var process = Process.Start(info)!;
            var timeout = Task.Delay(TimeSpan.FromMinutes(2));
            while (true)
            {
                var read = process.StandardOutput.ReadLineAsync();
                if (await Task.WhenAny(read, timeout) == timeout || await read is not { } line)
                {
                    process.Kill(entireProcessTree: true);
                    throw new InvalidOperationException("serve did not start: " + await process.StandardError.ReadToEndAsync());
                }

                // "Serving at http://127.0.0.1:PORT (Ctrl+C stops):"
                var at = line.IndexOf(" (", StringComparison.Ordinal);
                if (line.StartsWith("Serving at http://", StringComparison.Ordinal) && at > 0)
                    return new Serve(process, new Uri(line["Serving at ".Length..at].Split(", ")[0]));
            }
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    [Fact]
    public async Task A_killed_serve_resumes_its_run_after_restart_without_asking_again_for_completed_phases()
    {
        await using var expert = await ServedExpert.StartAsync();
        await using var model = await CountingProxy.StartAsync(expert.BaseAddress, TimeSpan.FromMilliseconds(400));
        var data = _temp.Combine("data");
        string id;
        var completed = new List<string>();
        using (var serve = await Serve.StartAsync(data, model.Endpoint))
        {
            using var submit = await serve.Http.PostAsync("/v1/runs", ServedRuns.Json(RunsApiTests.Orders));
            using (var document = JsonDocument.Parse(await submit.Content.ReadAsStringAsync())) id = document.RootElement.GetProperty("id").GetString()!;

            using var events = await serve.Http.GetAsync($"/v1/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"status\":\"succeeded\"", StringComparison.Ordinal))
                {
                    using var data_ = JsonDocument.Parse(line[6..]);
                    completed.Add(data_.RootElement.GetProperty("key").GetString()!);
                    if (completed.Count == 3)
                    {
                        serve.Process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no lease released
                        break;
                    }
                }
            }

            await serve.Process.WaitForExitAsync();
        }

        Assert.Equal(3, completed.Count);
        var before = new Dictionary<string, int>(model.Calls);
        using (var serve = await Serve.StartAsync(data, model.Endpoint))
        {
            using var events = await serve.Http.GetAsync($"/v1/runs/{id}/events");
            var stream = await events.Content.ReadAsStringAsync();
            Assert.Contains("event: run.succeeded", stream);
            var run = JsonDocument.Parse(await serve.Http.GetStringAsync($"/v1/runs/{id}")).RootElement;
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            foreach (var key in completed)
            {
                Assert.True(model.Calls[key] == before[key], $"{key} was asked again after the restart");
                Assert.True(run.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("reused").GetBoolean(), key);
            }

            // Every phase was asked at least once over both processes, and the run is still listed.
            Assert.Equal(10, model.Calls.Count(c => c.Key != "?"));
            var list = JsonDocument.Parse(await serve.Http.GetStringAsync("/v1/runs")).RootElement;
            Assert.Equal(id, list.GetProperty("data")[0].GetProperty("id").GetString());
        }

        var cli = _temp.Combine("cli");
        var plan = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "4",
            "--output", cli, "Orders DB, 300 GB, 40k read RPS, AWS"]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Equal(Samples.BundleFiles(cli), Samples.BundleFiles(Path.Combine(data, "runs", id, "bundle")));
    }
}
