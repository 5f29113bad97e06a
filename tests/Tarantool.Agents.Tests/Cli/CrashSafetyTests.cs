using System.Diagnostics;
using System.Text.Json;
using Tarantool.Agents.Bundle;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// The CLI killed with SIGKILL at a random moment leaves only whole files; --resume completes the run with the bundle
/// a clean run writes, without asking the model again for a phase that was already checkpointed.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly string[] Request =
        ["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--sequential", "Orders DB, 300 GB, 40k read RPS, AWS, 4 shards"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Process Start(string output, params string[] extra)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [cli, .. Request, "--output", output, .. extra];
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root;
        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task A_run_killed_at_a_random_moment_resumes_to_the_clean_bundle_without_asking_again(int seed)
    {
        var clean = _temp.Combine("clean");
        using (var run = Start(clean))
        {
            await run.WaitForExitAsync();
            Assert.Equal(0, run.ExitCode);
        }

        // Kill after a seeded number of completed phases plus a seeded few milliseconds: somewhere inside the next
        // phase, its checkpoint write or the bundle write.
        var random = new Random(seed);
        // At most eight: after the ninth only the short last phase and the bundle write remain, and a run that
        // finishes before the kill lands tests nothing (and fails the exit-code assertion below).
        var afterPhases = random.Next(1, 9);
        var output = _temp.Combine("killed");
        using (var run = Start(output))
        {
            var done = 0;
            while (await run.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains(": done in", StringComparison.Ordinal) && ++done == afterPhases)
                {
                    Thread.Sleep(random.Next(0, 40));
                    run.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush
                    break;
                }
            }

            await run.WaitForExitAsync();
            Assert.NotEqual(0, run.ExitCode);
        }

        // Only whole files: every checkpoint parses, and a bundle.json (if the run got that far) parses too.
        var checkpointFolder = Path.Combine(output, OutputDirectory.StateFolder, "checkpoints");
        Assert.True(Directory.Exists(checkpointFolder), "the run was killed after a phase completed, so its checkpoint exists");
        var completed = Directory.Exists(checkpointFolder)
            ? Directory.GetFiles(checkpointFolder, "*.json").Select(f =>
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(f));
                return doc.RootElement.GetProperty("phaseKey").GetString()!;
            }).ToHashSet()
            : [];
        if (File.Exists(Path.Combine(output, "bundle.json"))) JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "bundle.json"))).Dispose();

        using (var resume = Start(output, "--resume"))
        {
            var log = await resume.StandardOutput.ReadToEndAsync();
            await resume.WaitForExitAsync();
            Assert.True(resume.ExitCode == 0, log + await resume.StandardError.ReadToEndAsync());
            foreach (var phase in completed) Assert.Contains($"{phase}: reused from checkpoint", log);
            Assert.DoesNotContain(log.Split('\n'), l => completed.Any(p => l.Contains($"{p}: started", StringComparison.Ordinal)));
        }

        Assert.Equal(Samples.BundleFiles(clean), Samples.BundleFiles(output));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(output, OutputDirectory.StateFolder)));
    }
}
