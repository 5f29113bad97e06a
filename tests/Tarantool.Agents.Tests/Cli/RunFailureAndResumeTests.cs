using System.Text.Json;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Expert;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>A run that fails after it started exits 1 and keeps its checkpoint; --resume finishes it without asking again.</summary>
public sealed class RunFailureAndResumeTests : IDisposable
{
    private static readonly string[] Request = ["--cluster-name", "billing", "--cluster-type", "replicated", "--environment", "production", "Billing ledger, 120 GB, 15k read RPS"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The embedded expert, except that the phase producing <paramref name="broken"/> answers garbage.</summary>
    private static TestChatClient ExpertBreaking(string? broken, List<string> asked)
    {
        var expert = new TarantoolExpertChatClient();
        return new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                var output = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? "";
                lock (asked) asked.Add(output);
                return output == broken
                    ? new ChatResponse(new ChatMessage(ChatRole.Assistant, "I would rather not."))
                    : await expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };
    }

    [Fact]
    public async Task A_failed_phase_exits_1_keeps_the_checkpoint_and_resume_asks_only_for_what_is_missing()
    {
        var output = _temp.Combine("billing");
        var asked = new List<string>();

        var failed = await CliRunner.RunAsync(["plan", .. Request, "--output", output], ExpertBreaking("MonitoringPlan", asked));

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("monitoring: FAILED", failed.Out);
        Assert.Contains("--resume", failed.Out);
        Assert.Equal(3, asked.Count(a => a == "MonitoringPlan")); // the first answer and two repairs
        var checkpoints = Directory.GetFiles(Path.Combine(output, OutputDirectory.StateFolder, "checkpoints")).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(["backup-recovery", "capacity-planning", "configuration", "containers-orchestration", "deployment-automation", "documentation", "dr-testing", "replication", "topology"], checkpoints);
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json"))))
        {
            Assert.Equal("failed", manifest.RootElement.GetProperty("status").GetString());
            var monitoring = manifest.RootElement.GetProperty("successCriteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "monitoring");
            Assert.Equal("incomplete", monitoring.GetProperty("status").GetString());
            Assert.Contains("monitoring did not complete", monitoring.GetProperty("how").GetString());
        }

        asked.Clear();
        var resumed = await CliRunner.RunAsync(["plan", .. Request, "--output", output, "--resume"], ExpertBreaking(null, asked));

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(["MonitoringPlan"], asked);
        Assert.Equal(9, resumed.Out.Split('\n').Count(l => l.Contains("reused from checkpoint")));
        Assert.False(Directory.Exists(Path.Combine(output, OutputDirectory.StateFolder)), "a completed run leaves no state behind");

        // The resumed bundle equals one made in a single clean run.
        var clean = _temp.Combine("clean");
        Assert.Equal(0, (await CliRunner.RunAsync(["plan", .. Request, "--output", clean])).ExitCode);
        Assert.Equal(Samples.BundleFiles(clean), Samples.BundleFiles(output));
    }

    [Fact]
    public async Task A_second_run_into_a_folder_that_is_being_written_is_refused()
    {
        var output = _temp.Combine("busy");
        var first = await CliRunner.RunAsync(["plan", .. Request, "--output", output]);
        Assert.Equal(0, first.ExitCode);

        using (RunLock.Acquire(OutputDirectory.Open(output)))
        {
            var second = await CliRunner.RunAsync(["plan", .. Request, "--output", output]);
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("Another run is writing", second.Error);
        }
    }
}
